/** The signed-in user's own account: profile with roles, password change, sign out everywhere. */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { AppError, notFound } from '$lib/server/errors';
import { nowIso } from '$lib/server/db/ids';
import { audit } from '$lib/server/audit/audit.service';
import { hashPassword, verifyPassword } from './password';
import { passwordProblem } from './password.policy';
import { invalidateAllSessions } from './session';
import * as accounts from './account.repository';
import * as repo from './auth.repository';

function requireSignedIn(actor: Actor): string {
  if (actor.kind !== 'account' || !actor.accountId) throw new AppError('UNAUTHENTICATED');
  return actor.accountId;
}

export async function getMyAccount(db: Db, actor: Actor) {
  const id = requireSignedIn(actor);
  const row = await accounts.findAccountById(db, id);
  if (!row) throw notFound();
  const grants = await accounts.listGrants(db, id);
  return {
    username: row.username,
    displayName: row.display_name,
    phone: row.phone,
    lastSignInAt: row.last_sign_in_at,
    mustChangePassword: !!row.must_change_password,
    grants: grants.map((g) => ({ id: g.id, role: g.role, organisationName: g.organisation_name }))
  };
}

export interface PasswordChange {
  current: string;
  password: string;
}

/**
 * Changes the user's own password, clears "must change", and ends every other session
 * (the one in use stays, so the user is not thrown out right after changing it).
 */
/** The signed-in person typed their own password again (for steps that need fresh proof). */
export async function confirmOwnPassword(db: Db, actor: Actor, password: string): Promise<boolean> {
  const row = actor.accountId ? await accounts.findAccountById(db, actor.accountId) : null;
  return !!row && !row.disabled && (await verifyPassword(row.password_hash, password));
}

export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  keepSessionId: string,
  input: PasswordChange
): Promise<void> {
  const id = requireSignedIn(actor);
  const row = await accounts.findAccountById(db, id);
  if (!row) throw notFound();
  if (!(await verifyPassword(row.password_hash, input.current))) {
    throw new AppError('VALIDATION', 'auth_err_current_wrong', { field: 'current' });
  }
  const problem =
    passwordProblem(input.password, row.username) ??
    (input.password === input.current ? 'auth_err_password_unchanged' : null);
  if (problem) throw new AppError('VALIDATION', problem, { field: 'password' });
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (tx) => {
    await accounts.updateAccount(tx, id, {
      password_hash: passwordHash,
      must_change_password: 0,
      updated_at: nowIso()
    });
    await repo.deleteOtherSessions(tx, id, keepSessionId);
    await audit(tx, actor, {
      action: 'password_change',
      entityType: 'account',
      entityId: id,
      before: { must_change_password: Number(row.must_change_password) },
      after: { must_change_password: 0 }
    });
  });
}

/** "Sign out on all devices", this one included. */
export async function signOutEverywhere(db: Db, actor: Actor): Promise<void> {
  const id = requireSignedIn(actor);
  await db.transaction().execute(async (tx) => {
    await invalidateAllSessions(tx, id);
    await audit(tx, actor, { action: 'sign_out_everywhere', entityType: 'account', entityId: id });
  });
}
