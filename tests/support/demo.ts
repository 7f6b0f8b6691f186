/** Demo seed helpers for tests: seed once, then look up orgs and build actors by username. */
import type { Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/access/actor';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { findActiveGrants } from '../../src/lib/server/auth/auth.repository';

export { seedDemo };

export async function actorFor(db: Db, username: string): Promise<Actor> {
  const account = await db
    .selectFrom('account')
    .select(['id', 'username'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return {
    kind: 'account',
    accountId: account.id,
    name: account.username,
    grants: await findActiveGrants(db, account.id),
    via: 'session'
  };
}

export async function orgId(db: Db, name: string): Promise<string> {
  const row = await db.selectFrom('organisation').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}
