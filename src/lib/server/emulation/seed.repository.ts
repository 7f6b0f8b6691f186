/** Look-ups for the emulation demo (by the demo's own names; the demo seed made them). */
import type { Db } from '$lib/server/db';

export async function orgByName(db: Db, name: string) {
  return db.selectFrom('organisation').select('id').where('name', '=', name).executeTakeFirst();
}

export async function personByName(db: Db, orgId: string, name: string) {
  return db
    .selectFrom('person')
    .select('id')
    .where('organisation_id', '=', orgId)
    .where('full_name', '=', name)
    .executeTakeFirst();
}

/** The demo member account signs in as the member record, so she sees her own registration. */
export async function linkAccount(db: Db, username: string, personId: string): Promise<void> {
  await db
    .updateTable('account')
    .set({ person_id: personId })
    .where('username', '=', username)
    .where('person_id', 'is', null)
    .execute();
}

export async function hasCampaigns(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('emu_campaign').select('id').limit(1).executeTakeFirst());
}
