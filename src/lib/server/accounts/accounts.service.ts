/**
 * Administrators manage accounts. Every change is audited in the same transaction with a
 * before/after view that never contains the password hash.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { scopeSubquery } from '$lib/server/access/access';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { audit } from '$lib/server/audit/audit.service';
import { hashPassword } from '$lib/server/auth/password';
import { passwordProblem } from '$lib/server/auth/password.policy';
import { invalidateAllSessions } from '$lib/server/auth/session';
import * as repo from '$lib/server/auth/account.repository';
import type { AccountTable } from '$lib/server/db/schema';
import { requireAdmin } from './admin.policy';
import type { CreateAccountInput, UpdateAccountInput } from './accounts.schema';
import { assertNotTakingOver } from './separation.service';

export const ACCOUNTS_PAGE = 50;

type AccountRow = Pick<AccountTable, 'username' | 'display_name' | 'phone'> & {
  disabled: number;
  must_change_password: number;
};

/** What the audit trail and the admin pages may show about an account. */
export const auditView = (a: AccountRow) => ({
  username: a.username,
  display_name: a.display_name,
  phone: a.phone,
  disabled: Number(a.disabled),
  must_change_password: Number(a.must_change_password)
});

export const adminScope = (db: Db, actor: Actor) => scopeSubquery(db, actor, 'account.manage');

export async function listAccounts(db: Db, actor: Actor, q: string, page = 1) {
  requireAdmin(actor);
  const rows = await repo.searchAccounts(
    db,
    adminScope(db, actor),
    q.trim(),
    ACCOUNTS_PAGE + 1,
    (page - 1) * ACCOUNTS_PAGE
  );
  return { rows: rows.slice(0, ACCOUNTS_PAGE), hasNext: rows.length > ACCOUNTS_PAGE };
}

/** The account if the administrator may manage it; NOT_FOUND otherwise (missing or out of scope). */
export async function getAccount(db: Db, actor: Actor, id: string) {
  requireAdmin(actor);
  if (!(await repo.isAccountVisible(db, adminScope(db, actor), id))) throw notFound();
  const row = await repo.findAccountById(db, id);
  if (!row) throw notFound();
  return { id: row.id, lastSignInAt: row.last_sign_in_at, ...auditView(row) };
}

/** For the CLI: an account id by username, or NOT_FOUND. */
export async function accountIdByUsername(db: Db, actor: Actor, username: string): Promise<string> {
  requireAdmin(actor);
  const id = await repo.findAccountIdBy(db, 'username', username.trim().toLowerCase());
  if (!id) throw notFound();
  return id;
}

async function assertUnique(db: Db, input: { username?: string; phone: string | null }, exceptId?: string) {
  if (input.username && (await repo.findAccountIdBy(db, 'username', input.username, exceptId))) {
    throw new AppError('CONFLICT', 'admin_err_username_taken', { field: 'username' });
  }
  if (input.phone && (await repo.findAccountIdBy(db, 'phone', input.phone, exceptId))) {
    throw new AppError('CONFLICT', 'admin_err_phone_taken', { field: 'phone' });
  }
}

function assertPassword(password: string, username: string) {
  const problem = passwordProblem(password, username, 'admin');
  if (problem) throw new AppError('VALIDATION', problem, { field: 'password' });
}

/** Creates an account with a temporary password the user must change at first sign-in. */
export async function createAccount(db: Db, actor: Actor, input: CreateAccountInput): Promise<string> {
  requireAdmin(actor);
  assertPassword(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    await assertUnique(tx, input);
    const id = newId();
    const now = nowIso();
    const row = {
      id,
      username: input.username,
      display_name: input.display_name,
      phone: input.phone,
      password_hash: passwordHash,
      person_id: null,
      must_change_password: 1,
      disabled: 0,
      last_sign_in_at: null,
      created_at: now,
      updated_at: now
    };
    await repo.insertAccount(tx, row);
    await audit(tx, actor, { action: 'create', entityType: 'account', entityId: id, after: auditView(row) });
    return id;
  });
}

export async function updateAccount(db: Db, actor: Actor, id: string, input: UpdateAccountInput): Promise<void> {
  const before = await getAccount(db, actor, id);
  // The phone is a way to sign in and recover: changing it could hand the account over.
  if ((input.phone ?? null) !== (before.phone ?? null)) await assertNotTakingOver(db, actor, id);
  await db.transaction().execute(async (tx) => {
    await assertUnique(tx, { phone: input.phone }, id);
    const patch = { display_name: input.display_name, phone: input.phone, disabled: input.disabled };
    await repo.updateAccount(tx, id, {
      ...patch,
      search_text: repo.accountSearchText({ ...patch, username: before.username }),
      updated_at: nowIso()
    });
    // A disabled account must not keep working sessions on other devices.
    if (input.disabled && !before.disabled) await invalidateAllSessions(tx, id);
    await audit(tx, actor, {
      action: 'update',
      entityType: 'account',
      entityId: id,
      before: auditView(before),
      after: auditView({ ...before, ...patch })
    });
  });
}

/** Sets a temporary password, forces a change at next sign-in and ends every session. */
export async function resetPassword(db: Db, actor: Actor, id: string, password: string): Promise<void> {
  const before = await getAccount(db, actor, id);
  await assertNotTakingOver(db, actor, id);
  assertPassword(password, before.username);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    await repo.updateAccount(tx, id, { password_hash: passwordHash, must_change_password: 1, updated_at: nowIso() });
    await invalidateAllSessions(tx, id);
    await audit(tx, actor, {
      action: 'password_reset',
      entityType: 'account',
      entityId: id,
      before: { must_change_password: before.must_change_password },
      after: { must_change_password: 1 }
    });
  });
}
