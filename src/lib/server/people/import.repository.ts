/** SQL for uploaded member lists waiting between import steps. */
import type { Db } from '$lib/server/db';
import type { AdminUnitTable, PersonImportTable } from '$lib/server/db/schema';

export async function insertUpload(db: Db, row: PersonImportTable): Promise<void> {
  await db.insertInto('person_import').values(row).execute();
}

export async function findUpload(db: Db, id: string, accountId: string, now: string) {
  return db
    .selectFrom('person_import')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function setUploadMapping(db: Db, id: string, mappingJson: string): Promise<void> {
  await db.updateTable('person_import').set({ mapping_json: mappingJson }).where('id', '=', id).execute();
}

export async function deleteUpload(db: Db, id: string): Promise<void> {
  await db.deleteFrom('person_import').where('id', '=', id).execute();
}

export async function deleteExpiredUploads(db: Db, now: string): Promise<void> {
  await db.deleteFrom('person_import').where('expires_at', '<=', now).execute();
}

/** Who already holds these card numbers (any keeping organisation). */
export async function findCardHolders(db: Db, cards: string[]): Promise<{ card_number: string; full_name: string }[]> {
  const out: { card_number: string; full_name: string }[] = [];
  for (let i = 0; i < cards.length; i += 500) {
    const rows = await db
      .selectFrom('membership')
      .innerJoin('person', 'person.id', 'membership.person_id')
      .select(['membership.card_number', 'person.full_name'])
      .where('membership.card_number', 'in', cards.slice(i, i + 500))
      .execute();
    out.push(...rows.map((r) => ({ card_number: r.card_number!, full_name: r.full_name })));
  }
  return out;
}

/** The keeping organisation's people, to spot a member listed again (name, birth year, village). */
export async function listPeopleKeys(db: Db, organisationId: string) {
  return db
    .selectFrom('person')
    .select(['name_search as name', 'birth_year', 'village_unit_id'])
    .where('organisation_id', '=', organisationId)
    .where('anonymised_at', 'is', null)
    .execute();
}

export async function insertVillage(db: Db, row: AdminUnitTable): Promise<void> {
  await db.insertInto('admin_unit').values(row).execute();
}
