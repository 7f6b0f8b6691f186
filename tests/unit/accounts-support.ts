/** Factories for the account/auth/audit tests: a small organisation tree and accounts. */
import type { Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/access/actor';
import type { Role } from '../../src/lib/shared/roles';
import { newId, nowIso } from '../../src/lib/server/db/ids';
import { fold, sortKey } from '../../src/lib/shared/text';
import { insertOrganisation } from '../../src/lib/server/org/organisation.repository';
import { insertAccount, insertGrant } from '../../src/lib/server/auth/account.repository';
import { hashPassword } from '../../src/lib/server/auth/password';
import { findActiveGrants } from '../../src/lib/server/auth/auth.repository';

export async function makeOrg(db: Db, name: string, parentId: string | null = null): Promise<string> {
  const id = newId();
  const now = nowIso();
  await insertOrganisation(db, {
    id,
    kind: 'association',
    type: 'commune_association',
    name,
    name_search: fold(name),
    sort_key: sortKey(name),
    parent_id: parentId,
    admin_unit_id: null,
    valid_from: '2025-07-01',
    valid_to: null,
    successor_id: null,
    phone: null,
    address: null,
    created_at: now,
    updated_at: now
  });
  return id;
}

/** Province → two sibling communes → a branch under the first. */
export async function makeTree(db: Db) {
  const province = await makeOrg(db, `Hội tỉnh ${newId().slice(0, 6)}`);
  const communeA = await makeOrg(db, 'Hội xã Đoàn Kết', province);
  const communeB = await makeOrg(db, 'Hội xã Bình Lư', province);
  const branchA = await makeOrg(db, 'Chi hội Bản Một', communeA);
  return { province, communeA, communeB, branchA };
}

let counter = 0;
export async function makeAccount(
  db: Db,
  opts: {
    username?: string;
    phone?: string | null;
    password?: string;
    grants?: [Role, string][];
    disabled?: boolean;
    mustChange?: boolean;
  } = {}
) {
  const id = newId();
  const now = nowIso();
  const username = opts.username ?? `user${++counter}.${id.slice(0, 6)}`;
  const password = opts.password ?? 'Mat-khau-2026';
  await insertAccount(db, {
    id,
    username,
    phone: opts.phone ?? null,
    display_name: `Người dùng ${username}`,
    password_hash: await hashPassword(password),
    person_id: null,
    disabled: opts.disabled ? 1 : 0,
    must_change_password: opts.mustChange ? 1 : 0,
    last_sign_in_at: null,
    created_at: now,
    updated_at: now
  });
  for (const [role, organisation_id] of opts.grants ?? []) {
    await insertGrant(db, {
      id: newId(),
      account_id: id,
      role,
      organisation_id,
      granted_by: null,
      created_at: now,
      revoked_at: null
    });
  }
  return { id, username, password };
}

export async function actorFor(db: Db, account: { id: string; username: string }): Promise<Actor> {
  return {
    kind: 'account',
    accountId: account.id,
    name: account.username,
    grants: await findActiveGrants(db, account.id)
  };
}
