import type { Db } from '$lib/server/db';
import type { AccountTable, RoleGrantTable } from '$lib/server/db/schema';
import type { Insertable } from 'kysely';

export async function insertAccount(db: Db, row: Insertable<AccountTable>): Promise<void> {
  await db.insertInto('account').values(row).execute();
}

export async function insertGrant(db: Db, row: RoleGrantTable): Promise<void> {
  await db.insertInto('role_grant').values(row).execute();
}
