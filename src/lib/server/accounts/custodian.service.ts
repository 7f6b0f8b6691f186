/**
 * Who may reveal protected reporter identities is decided by two people: an administrator asks
 * for the custodian role for someone else, and a second administrator (neither the one who
 * asked nor the person concerned) approves or refuses. Only an operator at the server (the CLI,
 * the system actor) grants it directly. Every step is audited and every current custodian is
 * told, so a custodian added behind their backs cannot go unnoticed.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { assertInScope } from '$lib/server/access/access';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { audit } from '$lib/server/audit/audit.service';
import * as accounts from '$lib/server/auth/account.repository';
import { todayVn } from '$lib/shared/format';
import { requireAdmin } from './admin.policy';
import { adminScope, getAccount } from './accounts.service';
import * as repo from './custodian.repository';
import { approverProblem, assertRequesterIndependent, type SensitiveRole } from './separation.service';

export const CUSTODIAN_ROLE = 'identity_custodian';

type Event = 'requested' | 'approved' | 'refused' | 'granted';

/** How a notice names who acted: the person's display name, the username only if it is blank. */
async function nameOf(db: Db, actor: Actor): Promise<string> {
  const account = actor.accountId ? await repo.namesOf(db, actor.accountId) : undefined;
  return account?.display_name.trim() || account?.username || actor.name;
}

/** Tells every current custodian (except the person concerned) what happened to the role. */
async function tellCustodians(
  db: Db,
  event: Event,
  subject: { id: string; username: string },
  organisation: string,
  actor: Actor,
  ref: string,
  role: SensitiveRole
): Promise<void> {
  const at = nowIso();
  const by = await nameOf(db, actor);
  const seen = new Set<string>([subject.id]);
  const body = { event, username: subject.username, organisation, by, role };
  for (const c of await repo.liveCustodians(db)) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const dedupe_key = `custodian:${ref}:${event}:${c.id}`;
    // The notifications page always has it; e-mail and SMS, when the account has them, are extra.
    await repo.insertAccountNotice(db, { id: newId(), dedupe_key, account_id: c.id, body, at });
    await repo.queueNotification(db, {
      id: newId(),
      dedupe_key,
      organisation_id: c.organisation_id,
      account_id: c.id,
      day: todayVn(),
      body,
      at
    });
  }
}

async function insertCustodianGrant(
  tx: Db,
  actor: Actor,
  target: { id: string; username: string },
  organisationId: string,
  organisation: string,
  role: SensitiveRole
): Promise<string> {
  if (await accounts.findSameGrant(tx, target.id, role, organisationId))
    throw new AppError('CONFLICT', 'admin_err_grant_exists', { field: 'organisation_id' });
  const id = newId();
  await accounts.insertGrant(tx, {
    id,
    account_id: target.id,
    role,
    organisation_id: organisationId,
    granted_by: actor.accountId,
    created_at: nowIso(),
    revoked_at: null
  });
  await audit(tx, actor, {
    action: 'create',
    entityType: 'role_grant',
    entityId: id,
    organisationId,
    after: { username: target.username, role, organisation }
  });
  return id;
}

/** The operator at the server (CLI): grants at once, audited as the CLI, custodians told. */
export async function grantCustodianAsOperator(
  db: Db,
  actor: Actor,
  target: { id: string; username: string },
  organisationId: string,
  organisation: string,
  role: SensitiveRole = CUSTODIAN_ROLE
): Promise<string> {
  if (actor.kind !== 'system') throw new AppError('FORBIDDEN', 'seca_err_custodian_needs_second');
  return db.transaction().execute(async (tx) => {
    const id = await insertCustodianGrant(tx, actor, target, organisationId, organisation, role);
    await tellCustodians(tx, 'granted', target, organisation, actor, id, role);
    return id;
  });
}

/** An administrator asks for the role for someone else; returns the request's id. */
export async function requestCustodian(
  db: Db,
  actor: Actor,
  target: { id: string; username: string },
  organisationId: string,
  organisation: string,
  role: SensitiveRole = CUSTODIAN_ROLE
): Promise<string> {
  requireAdmin(actor);
  if (target.id === actor.accountId) throw new AppError('FORBIDDEN', 'sec_err_self_custodian', { field: 'role' });
  await assertRequesterIndependent(db, actor.accountId!, target.id);
  return db.transaction().execute(async (tx) => {
    if (await accounts.findSameGrant(tx, target.id, role, organisationId))
      throw new AppError('CONFLICT', 'admin_err_grant_exists', { field: 'organisation_id' });
    if (await repo.findPending(tx, target.id, organisationId, role))
      throw new AppError('CONFLICT', 'seca_err_request_exists', { field: 'organisation_id' });
    const id = newId();
    await repo.insertRequest(tx, {
      id,
      account_id: target.id,
      organisation_id: organisationId,
      requested_by: actor.accountId!,
      requested_at: nowIso(),
      decision: null,
      decided_by: null,
      decided_at: null,
      grant_id: null,
      role
    });
    await audit(tx, actor, {
      action: 'request',
      entityType: 'custodian_request',
      entityId: id,
      organisationId,
      after: { username: target.username, role, organisation }
    });
    await tellCustodians(tx, 'requested', target, organisation, actor, id, role);
    return id;
  });
}

/** Pending requests the administrator may see (inside their scope), optionally for one account. */
export async function pendingCustodianRequests(db: Db, actor: Actor, accountId?: string) {
  requireAdmin(actor);
  const rows = await repo.listPendingIn(db, adminScope(db, actor), accountId);
  const out = [];
  for (const r of rows) {
    // Whether this administrator may decide: not their own request, not about themselves,
    // and not tied to the requester or the person concerned.
    const own = r.requested_by === actor.accountId || r.account_id === actor.accountId;
    out.push({ ...r, decidable: !own && !(await approverProblem(db, actor.accountId!, r)) });
  }
  return out;
}

/**
 * A second administrator approves (the grant is made) or refuses. The one who asked and the
 * person concerned cannot decide; a request decided meanwhile by someone else answers CONFLICT.
 */
export async function decideCustodianRequest(
  db: Db,
  actor: Actor,
  requestId: string,
  decision: 'approved' | 'refused'
): Promise<void> {
  requireAdmin(actor);
  const request = await repo.findRequest(db, requestId);
  if (!request) throw notFound();
  await assertInScope(db, actor, 'account.manage', request.organisation_id);
  if (request.requested_by === actor.accountId) throw new AppError('FORBIDDEN', 'seca_err_own_request');
  if (request.account_id === actor.accountId) throw new AppError('FORBIDDEN', 'sec_err_self_custodian');
  if (request.decision) throw new AppError('CONFLICT', 'seca_err_request_decided');
  if (actor.kind !== 'system') {
    const problem = await approverProblem(db, actor.accountId!, request);
    if (problem) throw new AppError('FORBIDDEN', problem);
  }
  const target = await getAccount(db, actor, request.account_id);
  const organisation = (await accounts.findOrganisationName(db, request.organisation_id)) ?? '';
  await db.transaction().execute(async (tx) => {
    const grantId =
      decision === 'approved'
        ? await insertCustodianGrant(tx, actor, target, request.organisation_id, organisation, request.role)
        : null;
    const decided = await repo.decide(tx, requestId, {
      decision,
      decided_by: actor.accountId!,
      decided_at: nowIso(),
      grant_id: grantId
    });
    if (!decided) throw new AppError('CONFLICT', 'seca_err_request_decided');
    await audit(tx, actor, {
      action: decision === 'approved' ? 'approve' : 'refuse',
      entityType: 'custodian_request',
      entityId: requestId,
      organisationId: request.organisation_id,
      after: { username: target.username, role: request.role, organisation, requested_by: request.requested_by }
    });
    await tellCustodians(tx, decision, target, organisation, actor, requestId, request.role);
  });
}
