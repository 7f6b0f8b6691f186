import type { Db } from '$lib/server/db';
import type { MembershipTable, PersonTable } from '$lib/server/db/schema';

export async function insertPerson(db: Db, row: PersonTable): Promise<void> {
  await db.insertInto('person').values(row).execute();
}

export async function insertMembership(db: Db, row: MembershipTable): Promise<void> {
  await db.insertInto('membership').values(row).execute();
}
