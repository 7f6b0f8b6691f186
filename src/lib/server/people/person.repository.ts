/** SQL for people, memberships, consents and sensitive data. No business rules here. */
import { containsFolded, validOn } from '$lib/server/db/predicates';
import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { Db } from '$lib/server/db';
import type { DB, MembershipTable, PersonTable, ConsentTable, PersonSensitiveTable } from '$lib/server/db/schema';
import { collate } from '$lib/server/db/dialect';

export async function insertPerson(db: Db, row: PersonTable): Promise<void> {
  await db.insertInto('person').values(row).execute();
}

export async function insertMembership(db: Db, row: MembershipTable): Promise<void> {
  await db.insertInto('membership').values(row).execute();
}

export interface PersonFilter {
  /** organisation ids the actor may read (a subquery from access.ts) */
  scope: SelectQueryBuilder<DB, 'organisation_closure', { descendant_id: string }>;
  q: string;
  organisationId: string;
  villageUnitId: string;
  member: '' | 'yes' | 'no';
}

// A correlated subquery built from the outer query's expression builder, so `person` is in scope.
const activeMembership = (eb: ExpressionBuilder<DB, 'person'>) =>
  eb.exists(
    eb
      .selectFrom('membership')
      .select('membership.id')
      .whereRef('membership.person_id', '=', 'person.id')
      .where('membership.left_on', 'is', null)
  );

function filtered(db: Db, f: PersonFilter) {
  let q = db.selectFrom('person').where('person.organisation_id', 'in', f.scope);
  if (f.q) q = q.where(containsFolded('person.name_search', f.q));
  if (f.organisationId) q = q.where('person.organisation_id', '=', f.organisationId);
  if (f.villageUnitId) q = q.where('person.village_unit_id', '=', f.villageUnitId);
  if (f.member === 'yes') q = q.where((eb) => activeMembership(eb));
  if (f.member === 'no') q = q.where((eb) => eb.not(activeMembership(eb)));
  return q;
}

export async function listPeople(db: Db, f: PersonFilter, offset: number, limit: number) {
  const rows = await filtered(db, f)
    .leftJoin('organisation', 'organisation.id', 'person.organisation_id')
    .leftJoin('admin_unit as village', 'village.id', 'person.village_unit_id')
    .selectAll('person')
    .select(['organisation.name as organisation_name', 'village.name as village_name'])
    .select((eb) => activeMembership(eb as unknown as ExpressionBuilder<DB, 'person'>).as('is_member'))
    .orderBy(collate(db, 'person.sort_key'))
    .orderBy('person.id')
    .offset(offset)
    .limit(limit)
    .execute();
  const total = await filtered(db, f)
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

export async function findPerson(db: Db, id: string) {
  return db
    .selectFrom('person')
    .leftJoin('organisation', 'organisation.id', 'person.organisation_id')
    .leftJoin('admin_unit as village', 'village.id', 'person.village_unit_id')
    .selectAll('person')
    .select(['organisation.name as organisation_name', 'village.name as village_name'])
    .select((eb) => activeMembership(eb as unknown as ExpressionBuilder<DB, 'person'>).as('is_member'))
    .where('person.id', '=', id)
    .executeTakeFirst();
}

export async function updatePerson(db: Db, id: string, values: Partial<PersonTable>): Promise<void> {
  await db.updateTable('person').set(values).where('id', '=', id).execute();
}

export async function listMemberships(db: Db, personId: string) {
  return db
    .selectFrom('membership')
    .leftJoin('organisation', 'organisation.id', 'membership.organisation_id')
    .selectAll('membership')
    .select('organisation.name as organisation_name')
    .where('membership.person_id', '=', personId)
    .orderBy('membership.joined_on')
    .orderBy('membership.id')
    .execute();
}

export async function updateMembership(db: Db, id: string, values: Partial<MembershipTable>): Promise<void> {
  await db.updateTable('membership').set(values).where('id', '=', id).execute();
}

/** Memberships holding this card number (optionally ignoring one person). */
export async function findCardHolders(db: Db, cardNumber: string, exceptPersonId: string | null = null) {
  let q = db.selectFrom('membership').select(['id', 'person_id']).where('card_number', '=', cardNumber);
  if (exceptPersonId) q = q.where('person_id', '!=', exceptPersonId);
  return q.execute();
}

export async function findCardNumbers(db: Db, cards: string[]): Promise<string[]> {
  const found: string[] = [];
  for (let i = 0; i < cards.length; i += 500) {
    const rows = await db
      .selectFrom('membership')
      .select('card_number')
      .where('card_number', 'in', cards.slice(i, i + 500))
      .execute();
    found.push(...rows.map((r) => r.card_number!));
  }
  return found;
}

export async function listConsents(db: Db, personId: string) {
  return db.selectFrom('consent').selectAll().where('person_id', '=', personId).orderBy('created_at', 'desc').execute();
}

export async function findActiveConsent(db: Db, personId: string, purpose: string) {
  return db
    .selectFrom('consent')
    .selectAll()
    .where('person_id', '=', personId)
    .where('purpose', '=', purpose)
    .where('withdrawn_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function insertConsent(db: Db, row: ConsentTable): Promise<void> {
  await db.insertInto('consent').values(row).execute();
}

export async function withdrawConsents(db: Db, personId: string, purpose: string, at: string): Promise<number> {
  const r = await db
    .updateTable('consent')
    .set({ withdrawn_at: at })
    .where('person_id', '=', personId)
    .where('purpose', '=', purpose)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function findSensitive(db: Db, personId: string) {
  return db.selectFrom('person_sensitive').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

export async function upsertSensitive(db: Db, row: PersonSensitiveTable): Promise<void> {
  const existing = await findSensitive(db, row.person_id);
  if (existing) await db.updateTable('person_sensitive').set(row).where('person_id', '=', row.person_id).execute();
  else await db.insertInto('person_sensitive').values(row).execute();
}

export async function deleteSensitive(db: Db, personId: string): Promise<void> {
  await db.deleteFrom('person_sensitive').where('person_id', '=', personId).execute();
}

/** Organisations (association bodies) the actor may keep people in, for form selects. */
export async function listKeeperOrganisations(db: Db, scope: PersonFilter['scope']) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'admin_unit_id'])
    .where('id', 'in', scope)
    .where('kind', '=', 'association')
    .orderBy(collate(db, 'sort_key'))
    .execute();
}

export async function findOrganisation(db: Db, id: string) {
  return db.selectFrom('organisation').select(['id', 'name', 'admin_unit_id']).where('id', '=', id).executeTakeFirst();
}

export async function findUnit(db: Db, id: string) {
  return db
    .selectFrom('admin_unit')
    .select(['id', 'level', 'name', 'full_name', 'parent_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Villages under a commune valid on `date`, in Vietnamese order. */
export async function listVillages(db: Db, communeId: string, date: string) {
  return db
    .selectFrom('admin_unit')
    .select(['id', 'name', 'full_name'])
    .where('parent_id', '=', communeId)
    .where('level', '=', 'village')
    .where(validOn('admin_unit', date))
    .orderBy(collate(db, 'sort_key'))
    .execute();
}

/** Active members per keeping organisation (used to prove anonymisation keeps counts). */
export async function countActiveMembers(db: Db, organisationId: string): Promise<number> {
  const r = await db
    .selectFrom('membership')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('left_on', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
