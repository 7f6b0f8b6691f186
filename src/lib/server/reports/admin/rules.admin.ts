/**
 * Administrators edit routing rules (category × area → competent agency) and deadline rules
 * (channel × stage, optionally per category). Both are audited; a preview computes a due date
 * with the current rules and holidays so the effect of a change can be checked at once.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { requireAdmin } from '$lib/server/accounts/admin.policy';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { deadlineFor, type Deadline } from '../deadline.service';
import * as repo from './reference.repository';
import type { DeadlineInput, PreviewInput, RoutingInput } from './admin.schema';

const invalid = (field: string, key: string) => new AppError('VALIDATION', key, { field });

export async function routingAdminData(db: Db, actor: Actor) {
  requireAdmin(actor);
  const [rules, categories, units, agencies] = await Promise.all([
    repo.listRoutingRules(db),
    repo.listAllCategories(db),
    repo.listRoutableUnits(db),
    repo.listAgencies(db)
  ]);
  return { rules, categories, units, agencies };
}

async function checkRouting(db: Db, r: RoutingInput, exceptId: string | null): Promise<void> {
  if (r.category_id && !(await repo.categoryExists(db, r.category_id))) throw invalid('category_id', 'ra_err_category');
  if (r.admin_unit_id && !(await repo.unitExists(db, r.admin_unit_id))) throw invalid('admin_unit_id', 'ra_err_unit');
  if (!(await repo.agencyExists(db, r.agency_org_id))) throw invalid('agency_org_id', 'ra_err_agency');
  if (await repo.findRoutingDuplicate(db, r.category_id, r.admin_unit_id, exceptId))
    throw invalid('category_id', 'ra_err_routing_duplicate');
}

/** Creates a rule, or replaces rule `id` when given. */
export async function saveRoutingRule(
  db: Db,
  actor: Actor,
  input: RoutingInput,
  id: string | null = null
): Promise<string> {
  requireAdmin(actor);
  const before = id ? await repo.findRoutingRule(db, id) : null;
  if (id && !before) throw notFound();
  await checkRouting(db, input, id);
  const ruleId = id ?? newId();
  await db.transaction().execute(async (tx) => {
    if (before) await repo.updateRoutingRule(tx, ruleId, { ...input, updated_at: nowIso() });
    else await repo.insertRoutingRule(tx, { id: ruleId, ...input, updated_at: nowIso() });
    await audit(tx, actor, {
      action: before ? 'update' : 'create',
      entityType: 'routing_rule',
      entityId: ruleId,
      before: before ? strip(before) : null,
      after: input
    });
  });
  return ruleId;
}

export async function removeRoutingRule(db: Db, actor: Actor, id: string): Promise<void> {
  requireAdmin(actor);
  const before = await repo.findRoutingRule(db, id);
  if (!before) throw notFound();
  await db.transaction().execute(async (tx) => {
    await repo.deleteRoutingRule(tx, id);
    await audit(tx, actor, { action: 'delete', entityType: 'routing_rule', entityId: id, before: strip(before) });
  });
}

const strip = <T extends { id: string; updated_at: string }>(row: T) => {
  const { id: _i, updated_at: _u, ...rest } = row;
  return rest;
};

export async function deadlineAdminData(db: Db, actor: Actor) {
  requireAdmin(actor);
  const [rules, categories] = await Promise.all([repo.listAllDeadlineRules(db), repo.listAllCategories(db)]);
  return { rules, categories };
}

export async function saveDeadlineRule(
  db: Db,
  actor: Actor,
  input: DeadlineInput,
  id: string | null = null
): Promise<string> {
  requireAdmin(actor);
  const before = id ? await repo.findDeadlineRule(db, id) : null;
  if (id && !before) throw notFound();
  if (input.category_id && !(await repo.categoryExists(db, input.category_id)))
    throw invalid('category_id', 'ra_err_category');
  if (await repo.findDeadlineDuplicate(db, input, id)) throw invalid('category_id', 'ra_err_deadline_duplicate');
  const ruleId = id ?? newId();
  await db.transaction().execute(async (tx) => {
    if (before) await repo.updateDeadlineRule(tx, ruleId, { ...input, updated_at: nowIso() });
    else await repo.insertDeadlineRule(tx, { id: ruleId, ...input, updated_at: nowIso() });
    await audit(tx, actor, {
      action: before ? 'update' : 'create',
      entityType: 'deadline_rule',
      entityId: ruleId,
      before: before ? strip(before) : null,
      after: input
    });
  });
  return ruleId;
}

/** Channel-level rules (no category) are the floor every report relies on: they stay. */
export async function removeDeadlineRule(db: Db, actor: Actor, id: string): Promise<void> {
  requireAdmin(actor);
  const before = await repo.findDeadlineRule(db, id);
  if (!before) throw notFound();
  if (before.category_id === null) throw new AppError('CONFLICT', 'ra_err_deadline_default');
  await db.transaction().execute(async (tx) => {
    await repo.deleteDeadlineRule(tx, id);
    await audit(tx, actor, { action: 'delete', entityType: 'deadline_rule', entityId: id, before: strip(before) });
  });
}

/** The due date a report would get today from `start` (no write). */
export async function previewDeadline(db: Db, actor: Actor, p: PreviewInput): Promise<Deadline> {
  requireAdmin(actor);
  return deadlineFor(db, p.stage, p.channel, p.category_id, p.start);
}
