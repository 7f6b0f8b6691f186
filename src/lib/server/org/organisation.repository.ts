import type { Db } from '$lib/server/db';
import type { OrganisationTable } from '$lib/server/db/schema';

/** Inserts an organisation and its closure rows (self + every ancestor of the parent). */
export async function insertOrganisation(db: Db, row: OrganisationTable): Promise<void> {
  await db.insertInto('organisation').values(row).execute();
  await db
    .insertInto('organisation_closure')
    .values({ ancestor_id: row.id, descendant_id: row.id, depth: 0 })
    .execute();
  if (!row.parent_id) return;
  await db
    .insertInto('organisation_closure')
    .columns(['ancestor_id', 'descendant_id', 'depth'])
    .expression(
      db
        .selectFrom('organisation_closure')
        .select((eb) => ['ancestor_id', eb.val(row.id).as('descendant_id'), eb(eb.ref('depth'), '+', 1).as('depth')])
        .where('descendant_id', '=', row.parent_id)
    )
    .execute();
}
