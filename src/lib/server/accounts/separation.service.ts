/**
 * No single administrator may reach a protected identity, directly or through accounts they
 * control. An administrator controls an account they created (they chose its first password),
 * whose password or phone they set, or whose administrator/custodian role they granted or asked
 * for. A grant of a role that can reach identities therefore needs three people none of whom
 * controls another: the one who asks, the one who approves, the person concerned. And an
 * administrator cannot take over the sign-in of an account holding such a role: that is done by
 * the operator at the server (the CLI).
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { AppError } from '$lib/server/errors';
import * as repo from './custodian.repository';

/** Roles whose holder can reveal identities or approve who may. */
export const SENSITIVE_ROLES = ['identity_custodian', 'administrator'] as const;
export type SensitiveRole = (typeof SENSITIVE_ROLES)[number];
export const isSensitiveRole = (role: string): role is SensitiveRole =>
  (SENSITIVE_ROLES as readonly string[]).includes(role);

function phoneChanged(row: { before_json: string | null; after_json: string | null }): boolean {
  const parse = (v: string | null) => (v ? (JSON.parse(v) as { phone?: unknown }) : {});
  return parse(row.before_json).phone !== parse(row.after_json).phone;
}

/** Whether `by` set up or took over the sign-in of `accountId`, or gave it its sensitive role. */
async function controls(db: Db, by: string, accountId: string, requestsBy: Set<string>): Promise<boolean> {
  const changes = await repo.credentialChangesBy(db, by, accountId);
  if (changes.some((c) => c.action !== 'update' || phoneChanged(c))) return true;
  const grants = await repo.sensitiveGrantsOf(db, accountId, SENSITIVE_ROLES);
  return grants.some((g) => g.granted_by === by) || requestsBy.has(`${by}>${accountId}`);
}

/** Either of the two controls the other. */
async function tied(db: Db, a: string, b: string, requestsBy: Set<string>): Promise<boolean> {
  return (await controls(db, a, b, requestsBy)) || (await controls(db, b, a, requestsBy));
}

/** Who asked for whose sensitive role, among approved requests ("asker>holder"). */
async function approvedRequestPairs(db: Db): Promise<Set<string>> {
  const rows = await repo.approvedRequests(db);
  return new Set(rows.map((r) => `${r.requested_by}>${r.account_id}`));
}

/**
 * Null when `approver` may approve the request; otherwise the message key saying why not.
 * The approver must have been an administrator before the request, by someone other than the
 * requester, and none of requester, approver and person concerned may control another.
 */
export async function approverProblem(
  db: Db,
  approverId: string,
  request: { requested_by: string; account_id: string; requested_at: string }
): Promise<string | null> {
  const admin = await repo.sensitiveGrantsOf(db, approverId, ['administrator']);
  const earlier = admin.filter((g) => g.granted_by !== request.requested_by && g.created_at < request.requested_at);
  if (!earlier.length) return 'sep_err_approver_new';
  const pairs = await approvedRequestPairs(db);
  if (await tied(db, request.requested_by, approverId, pairs)) return 'sep_err_approver_tied';
  if (await tied(db, approverId, request.account_id, pairs)) return 'sep_err_approver_tied';
  return null;
}

/** Refuses an elevation whose requester controls the person concerned (they could sign in as them). */
export async function assertRequesterIndependent(db: Db, requesterId: string, accountId: string): Promise<void> {
  if (await tied(db, requesterId, accountId, await approvedRequestPairs(db)))
    throw new AppError('FORBIDDEN', 'sep_err_target_tied', { field: 'role' });
}

/**
 * An administrator may not set the password or phone of someone else's account that holds a
 * sensitive role: they could then sign in as it. The operator at the server (system) may.
 */
export async function assertNotTakingOver(db: Db, actor: Actor, accountId: string): Promise<void> {
  if (actor.kind === 'system' || actor.accountId === accountId) return;
  if ((await repo.sensitiveGrantsOf(db, accountId, SENSITIVE_ROLES)).length)
    throw new AppError('FORBIDDEN', 'sep_err_protected_account');
}
