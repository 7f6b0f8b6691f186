/** Demo-seeded databases and actors for the people tests. */
import type { Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/access/actor';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { findAccountByLogin, findActiveGrants } from '../../src/lib/server/auth/auth.repository';

export { seedDemo };

export async function actorFor(db: Db, username: string): Promise<Actor> {
  const account = await findAccountByLogin(db, username);
  if (!account) throw new Error(`no account ${username}`);
  return { kind: 'account', accountId: account.id, name: username, grants: await findActiveGrants(db, account.id) };
}

export async function orgId(db: Db, name: string): Promise<string> {
  const row = await db.selectFrom('organisation').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

export async function unitId(db: Db, name: string): Promise<string> {
  const row = await db.selectFrom('admin_unit').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

export const BRANCH_1 = 'Chi hội NCT Bản Mẫu Một (demo)';
export const BRANCH_3 = 'Chi hội NCT Bản Mẫu Ba (demo)';
export const VILLAGE_1 = 'Bản Mẫu Một (demo)';
export const VILLAGE_2 = 'Bản Mẫu Hai (demo)';
export const VILLAGE_3 = 'Bản Mẫu Ba (demo)';
