/** The demo officer a seed acts as, with the grants they hold: null when the demo has no such account. */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { findAccountIdBy } from '$lib/server/auth/account.repository';
import { findActiveGrants } from '$lib/server/auth/auth.repository';

export async function demoOfficer(db: Db, username: string): Promise<Actor | null> {
  const accountId = await findAccountIdBy(db, 'username', username);
  if (!accountId) return null;
  return { kind: 'account', accountId, name: username, grants: await findActiveGrants(db, accountId) };
}
