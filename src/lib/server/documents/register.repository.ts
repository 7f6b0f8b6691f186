/** SQL for the register of outgoing documents and the issuers' settings (migration 060). */
import type { Insertable } from 'kysely';
import type { Db } from '$lib/server/db';
import type { scopeSubquery } from '$lib/server/access/access';
import type { DocumentIssuerTable, IssuedDocumentTable } from '$lib/server/db/schema';

type Scope = ReturnType<typeof scopeSubquery>;

/** An organisation with what its documents' header needs: parent's name, unit names. */
export async function findIssuerFacts(db: Db, orgId: string) {
  return db
    .selectFrom('organisation as o')
    .leftJoin('organisation as parent', 'parent.id', 'o.parent_id')
    .leftJoin('admin_unit as u', 'u.id', 'o.admin_unit_id')
    .leftJoin('admin_unit as pu', 'pu.id', 'u.parent_id')
    .leftJoin('document_issuer as d', 'd.organisation_id', 'o.id')
    .select([
      'o.id',
      'o.name',
      'o.kind',
      'parent.name as parent_name',
      'u.name as unit_name',
      'u.level as unit_level',
      'pu.name as parent_unit_name',
      'd.symbol',
      'd.name_label',
      'd.parent_label',
      'd.place',
      'd.signer_authority',
      'd.signer_title',
      'd.signer_name'
    ])
    .where('o.id', '=', orgId)
    .executeTakeFirst();
}

export async function upsertIssuer(db: Db, row: DocumentIssuerTable): Promise<void> {
  const { organisation_id: _id, ...rest } = row;
  await db
    .insertInto('document_issuer')
    .values(row)
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(rest))
    .execute();
}

/**
 * The next number for (issuer, type, year), inside the caller's transaction: the counter row
 * is created at 0 if missing, then raised by one in a single UPDATE … RETURNING. The row lock
 * (PostgreSQL) or the database write lock (SQLite) makes a concurrent issuer wait for this
 * transaction; a rolled-back transaction gives its number back, so none is ever skipped.
 */
export async function takeNextNumber(tx: Db, issuerOrgId: string, typeCode: string, year: number): Promise<number> {
  await tx
    .insertInto('document_counter')
    .values({ issuer_org_id: issuerOrgId, type_code: typeCode, year, last_number: 0 })
    .onConflict((oc) => oc.columns(['issuer_org_id', 'type_code', 'year']).doNothing())
    .execute();
  const row = await tx
    .updateTable('document_counter')
    .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
    .where('issuer_org_id', '=', issuerOrgId)
    .where('type_code', '=', typeCode)
    .where('year', '=', year)
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

export async function insertIssued(
  tx: Db,
  row: Insertable<IssuedDocumentTable>,
  links: { entity_type: string; entity_id: string }[]
): Promise<void> {
  await tx.insertInto('issued_document').values(row).execute();
  if (links.length)
    await tx
      .insertInto('issued_document_link')
      .values(links.map((l) => ({ document_id: row.id, ...l })))
      .execute();
}

const COLUMNS = [
  'd.id',
  'd.issuer_org_id',
  'o.name as issuer_name',
  'd.type_code',
  'd.year',
  'd.number',
  'd.number_text',
  'd.issued_on',
  'd.co_issuers',
  'd.signer_name',
  'd.signer_title',
  'd.subject',
  'd.file_path',
  'd.file_sha256',
  'd.annex_path',
  'd.created_at'
] as const;

export async function findIssued(db: Db, id: string, scope: Scope | null) {
  let q = db
    .selectFrom('issued_document as d')
    .innerJoin('organisation as o', 'o.id', 'd.issuer_org_id')
    .select(COLUMNS)
    .where('d.id', '=', id);
  if (scope) q = q.where('d.issuer_org_id', 'in', scope);
  return q.executeTakeFirst();
}

export interface RegisterFilter {
  issuerOrgId?: string;
  year?: number;
  typeCode?: string;
}

export async function listIssued(db: Db, scope: Scope | null, f: RegisterFilter, limit: number, offset: number) {
  let q = db
    .selectFrom('issued_document as d')
    .innerJoin('organisation as o', 'o.id', 'd.issuer_org_id')
    .select(COLUMNS);
  if (scope) q = q.where('d.issuer_org_id', 'in', scope);
  if (f.issuerOrgId) q = q.where('d.issuer_org_id', '=', f.issuerOrgId);
  if (f.year) q = q.where('d.year', '=', f.year);
  if (f.typeCode) q = q.where('d.type_code', '=', f.typeCode);
  return q
    .orderBy('d.issued_on', 'desc')
    .orderBy('d.created_at', 'desc')
    .orderBy('d.number', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** Documents issued for any of `entityIds` of one type, newest first. */
export async function issuedFor(db: Db, entityType: string, entityIds: string[]) {
  if (!entityIds.length) return [];
  return db
    .selectFrom('issued_document_link as l')
    .innerJoin('issued_document as d', 'd.id', 'l.document_id')
    .innerJoin('organisation as o', 'o.id', 'd.issuer_org_id')
    .select([...COLUMNS, 'l.entity_id'])
    .where('l.entity_type', '=', entityType)
    .where('l.entity_id', 'in', entityIds)
    .orderBy('d.created_at', 'desc')
    .execute();
}

export async function linksOf(db: Db, documentId: string) {
  return db
    .selectFrom('issued_document_link')
    .select(['entity_type', 'entity_id'])
    .where('document_id', '=', documentId)
    .execute();
}
