/**
 * Bulk import of a branch's member list: upload → map columns → preview → confirm.
 * The file is kept server-side between steps (bound to the account, expiring), so the flow
 * works without JavaScript and without uploading twice. Confirm is all-or-nothing.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { AppError, notFound } from '$lib/server/errors';
import { inScope, requireAction } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { newId, nowIso } from '$lib/server/db/ids';
import { fold, sortKey } from '$lib/shared/text';
import * as repo from './person.repository';
import * as uploads from './import.repository';
import { villagesFor } from './person.service';
import { readSheet, SheetError, type Sheet } from './import/xlsx';
import { guessMapping, mappingErrors, type Mapping } from './import/mapping';
import { validateRows, type RowProblem } from './import/rows';

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
const TTL_MS = 6 * 60 * 60 * 1000;

async function parse(bytes: Uint8Array): Promise<Sheet> {
  try {
    return await readSheet(bytes);
  } catch (e) {
    if (e instanceof SheetError) throw new AppError('VALIDATION', 'people_import_err_file', { field: 'file' });
    throw e;
  }
}

export async function uploadMemberList(
  db: Db,
  actor: Actor,
  input: { organisationId: string; fileName: string; bytes: Uint8Array }
): Promise<string> {
  requireAction(actor, 'person.write');
  if (!(await inScope(db, actor, 'person.write', input.organisationId)))
    throw new AppError('VALIDATION', 'people_err_organisation', { field: 'organisation_id' });
  if (!input.bytes.byteLength) throw new AppError('VALIDATION', 'err_required', { field: 'file' });
  if (input.bytes.byteLength > MAX_UPLOAD_BYTES)
    throw new AppError('VALIDATION', 'people_import_err_size', { field: 'file' });
  await parse(input.bytes); // reject unreadable files now, not three steps later
  const now = new Date();
  const id = newId();
  await uploads.deleteExpiredUploads(db, now.toISOString());
  await uploads.insertUpload(db, {
    id,
    account_id: actor.accountId!,
    organisation_id: input.organisationId,
    file_name: input.fileName.slice(0, 200),
    content_base64: Buffer.from(input.bytes).toString('base64'),
    mapping_json: null,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + TTL_MS).toISOString()
  });
  return id;
}

/** The stored upload, its sheet and the mapping to show (stored, else guessed). */
export async function openUpload(db: Db, actor: Actor, id: string) {
  if (!actor.accountId) throw notFound();
  const upload = await uploads.findUpload(db, id, actor.accountId, nowIso());
  if (!upload || !(await inScope(db, actor, 'person.write', upload.organisation_id))) throw notFound();
  const sheet = await parse(Buffer.from(upload.content_base64, 'base64'));
  const mapping: Mapping = upload.mapping_json ? JSON.parse(upload.mapping_json) : guessMapping(sheet.headers);
  const organisation = await repo.findOrganisation(db, upload.organisation_id);
  return {
    upload: {
      id: upload.id,
      file_name: upload.file_name,
      organisation_id: upload.organisation_id,
      organisation_name: organisation?.name ?? ''
    },
    sheet,
    mapping,
    hasMapping: !!upload.mapping_json
  };
}

export async function saveMapping(db: Db, actor: Actor, id: string, mapping: Mapping) {
  await openUpload(db, actor, id);
  const errors = mappingErrors(mapping);
  if (Object.keys(errors).length) return { ok: false as const, errors };
  await uploads.setUploadMapping(db, id, JSON.stringify(mapping));
  return { ok: true as const };
}

/** Validates every row against the keeper's villages and existing card numbers. */
export async function previewImport(db: Db, actor: Actor, id: string) {
  const opened = await openUpload(db, actor, id);
  if (!opened.hasMapping) throw new AppError('CONFLICT', 'people_import_err_no_mapping');
  const villages = await villagesFor(db, opened.upload.organisation_id);
  const cards = opened.sheet.rows
    .map((r) => (opened.mapping.card_number === null ? '' : (r.cells[opened.mapping.card_number] ?? '').trim()))
    .filter(Boolean);
  const takenCards = new Set(cards.length ? await repo.findCardNumbers(db, cards) : []);
  const result = validateRows(opened.sheet, opened.mapping, {
    villages,
    takenCards,
    currentYear: new Date().getUTCFullYear()
  });
  return { ...opened, ...result };
}

export class ImportRejected extends AppError {
  constructor(readonly problems: RowProblem[]) {
    super('VALIDATION', 'people_import_err_rows');
  }
}

/** Imports every row in one transaction, or nothing when any row has a problem. */
export async function confirmImport(db: Db, actor: Actor, id: string): Promise<number> {
  const preview = await previewImport(db, actor, id);
  if (preview.problems.length) throw new ImportRejected(preview.problems);
  if (!preview.rows.length) throw new AppError('VALIDATION', 'people_import_err_empty');
  const organisationId = preview.upload.organisation_id;
  await db.transaction().execute(async (tx) => {
    for (const r of preview.rows) {
      const now = nowIso();
      const personId = newId();
      const person = {
        full_name: r.full_name,
        birth_year: r.birth_year,
        sex: r.sex,
        village_unit_id: r.village_unit_id,
        phone: r.phone,
        address: r.address
      };
      await repo.insertPerson(tx, {
        id: personId,
        organisation_id: organisationId,
        ...person,
        name_search: fold(r.full_name),
        sort_key: sortKey(r.full_name),
        anonymised_at: null,
        created_at: now,
        updated_at: now
      });
      const membership = {
        id: newId(),
        person_id: personId,
        organisation_id: organisationId,
        card_number: r.card_number,
        joined_on: r.joined_on,
        left_on: null,
        created_at: now
      };
      await repo.insertMembership(tx, membership);
      await audit(tx, actor, {
        action: 'person.create',
        entityType: 'person',
        entityId: personId,
        organisationId,
        after: { ...person, organisation_id: organisationId, membership },
        note: `import ${id} row ${r.row}`
      });
    }
    await uploads.deleteUpload(tx, id);
  });
  return preview.rows.length;
}
