/** Role grants: an administrator grants and revokes roles only inside their own scope. */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { assertInScope } from '$lib/server/access/access';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { audit } from '$lib/server/audit/audit.service';
import * as repo from '$lib/server/auth/account.repository';
import { todayVn } from '$lib/shared/format';
import { requireAdmin } from './admin.policy';
import { adminScope, getAccount } from './accounts.service';
import type { GrantInput } from './accounts.schema';
import { grantCustodianAsOperator, requestCustodian } from './custodian.service';
import { isSensitiveRole } from './separation.service';

export interface OrgOption {
  id: string;
  name: string;
  depth: number;
}

/**
 * Organisations the administrator may grant on, still valid today, as a tree in Vietnamese
 * order (parents before children), so a select can indent them.
 */
export async function grantableOrganisations(db: Db, actor: Actor): Promise<OrgOption[]> {
  requireAdmin(actor);
  const today = todayVn();
  const rows = (await repo.organisationsIn(db, adminScope(db, actor))).filter((o) => !o.valid_to || o.valid_to > today);
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, typeof rows>();
  for (const r of rows) {
    const parent = r.parent_id && ids.has(r.parent_id) ? r.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: OrgOption[] = [];
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) =>
      a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : 0
    );
    for (const r of list) {
      out.push({ id: r.id, name: r.name, depth });
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export async function listAccountGrants(db: Db, actor: Actor, accountId: string) {
  await getAccount(db, actor, accountId);
  return repo.listGrants(db, accountId);
}

/** NOT_FOUND unless the organisation exists and is inside the actor's scope; returns its name. */
export async function assertGrantable(db: Db, actor: Actor, organisationId: string): Promise<string> {
  requireAdmin(actor);
  await assertInScope(db, actor, 'account.manage', organisationId);
  // The system actor's scope is everything, so check the organisation really exists.
  const name = await repo.findOrganisationName(db, organisationId);
  if (name === null) throw notFound();
  return name;
}

/** What granting did: the grant's id, or (custodian role) the id of the request awaiting a second administrator. */
export interface GrantOutcome {
  id: string;
  pending: boolean;
}

export async function grantRole(db: Db, actor: Actor, accountId: string, input: GrantInput): Promise<GrantOutcome> {
  const account = await getAccount(db, actor, accountId);
  // Separation of duties: whoever can reveal identities (or approve who may) was given the
  // role by two other people, or by the operator at the server.
  const role = input.role;
  if (isSensitiveRole(role) && accountId === actor.accountId)
    throw new AppError('FORBIDDEN', 'sec_err_self_custodian', { field: 'role' });
  const organisation = await assertGrantable(db, actor, input.organisation_id);
  if (isSensitiveRole(role)) {
    const target = { id: accountId, username: account.username };
    return actor.kind === 'system'
      ? {
          id: await grantCustodianAsOperator(db, actor, target, input.organisation_id, organisation, role),
          pending: false
        }
      : { id: await requestCustodian(db, actor, target, input.organisation_id, organisation, role), pending: true };
  }
  const id = await db.transaction().execute(async (tx) => {
    if (await repo.findSameGrant(tx, accountId, input.role, input.organisation_id)) {
      throw new AppError('CONFLICT', 'admin_err_grant_exists', { field: 'organisation_id' });
    }
    const id = newId();
    await repo.insertGrant(tx, {
      id,
      account_id: accountId,
      role: input.role,
      organisation_id: input.organisation_id,
      granted_by: actor.accountId,
      created_at: nowIso(),
      revoked_at: null
    });
    await audit(tx, actor, {
      action: 'create',
      entityType: 'role_grant',
      entityId: id,
      organisationId: input.organisation_id,
      after: { username: account.username, role: input.role, organisation }
    });
    return id;
  });
  return { id, pending: false };
}

export async function revokeRole(db: Db, actor: Actor, accountId: string, grantId: string): Promise<void> {
  const account = await getAccount(db, actor, accountId);
  const grant = await repo.findLiveGrant(db, grantId);
  if (!grant || grant.account_id !== accountId) throw notFound();
  await assertInScope(db, actor, 'account.manage', grant.organisation_id);
  await db.transaction().execute(async (tx) => {
    await repo.revokeGrant(tx, grantId, nowIso());
    const organisation = await repo.findOrganisationName(tx, grant.organisation_id);
    await audit(tx, actor, {
      action: 'delete',
      entityType: 'role_grant',
      entityId: grantId,
      organisationId: grant.organisation_id,
      before: { username: account.username, role: grant.role, organisation }
    });
  });
}
