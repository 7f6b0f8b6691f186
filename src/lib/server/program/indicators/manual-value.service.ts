/**
 * Manual indicator values: figures no record computes (e.g. recommendations sent), entered per
 * organisation, unit and month by officers who manage the organisation. Saving the same key
 * again replaces the value, so a re-sent form never counts twice.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { inScope, requireAction, scopeSubquery } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { todayVn } from '$lib/shared/format';
import * as repo from './manual-value.repository';
import { orgsIn } from '../programs/program.repository';
import type { ManualValueInput } from './manual-value.schema';
import { MANAGE } from '../policy';

const invalid = (field: string, key: string) => new AppError('VALIDATION', key, { field });

async function check(db: Db, actor: Actor, v: ManualValueInput): Promise<void> {
  if (!(await repo.manualIndicators(db)).some((i) => i.id === v.indicator_id))
    throw invalid('indicator_id', 'pp_err_indicator');
  if (!(await inScope(db, actor, MANAGE, v.organisation_id))) throw invalid('organisation_id', 'pp_err_plan_org');
  // The unit must be the organisation's area, valid during that month.
  const units = await repo.unitsOfOrg(db, v.organisation_id, `${v.month}-01`);
  if (!units.some((u) => u.id === v.admin_unit_id)) throw invalid('admin_unit_id', 'program_err_unit_date');
}

/** Insert or replace; returns the row id. */
export async function saveManualValue(db: Db, actor: Actor, input: ManualValueInput): Promise<string> {
  requireAction(actor, MANAGE);
  await check(db, actor, input);
  const now = nowIso();
  return db.transaction().execute(async (tx) => {
    const before = await repo.findValue(tx, input);
    if (before) {
      await repo.updateValue(tx, before.id, input.value, now);
      await audit(tx, actor, {
        action: 'update',
        entityType: 'manual_value',
        entityId: before.id,
        organisationId: input.organisation_id,
        before,
        after: input
      });
      return before.id;
    }
    const row = { id: newId(), ...input, created_by: actor.accountId, created_at: now, updated_at: now };
    await repo.insertValue(tx, row);
    await audit(tx, actor, {
      action: 'create',
      entityType: 'manual_value',
      entityId: row.id,
      organisationId: row.organisation_id,
      after: input
    });
    return row.id;
  });
}

export async function deleteManualValue(db: Db, actor: Actor, id: string): Promise<void> {
  requireAction(actor, MANAGE);
  const before = await repo.findValueInScope(db, id, scopeSubquery(db, actor, MANAGE));
  if (!before) throw notFound();
  await db.transaction().execute(async (tx) => {
    await repo.deleteValue(tx, id);
    await audit(tx, actor, {
      action: 'delete',
      entityType: 'manual_value',
      entityId: id,
      organisationId: before.organisation_id,
      before
    });
  });
}

export async function listManualValues(db: Db, actor: Actor, f: { year?: number; organisationId?: string } = {}) {
  requireAction(actor, MANAGE);
  return repo.listValues(db, scopeSubquery(db, actor, MANAGE), f);
}

/** Selects for the form: manual indicators, organisations managed, the chosen one's units. */
export async function manualValueChoices(db: Db, actor: Actor, orgId: string | null) {
  requireAction(actor, MANAGE);
  const [indicators, orgs] = await Promise.all([
    repo.manualIndicators(db),
    orgsIn(db, scopeSubquery(db, actor, MANAGE))
  ]);
  const org = orgs.find((o) => o.id === orgId) ?? orgs[0] ?? null;
  const units = org ? await repo.unitsOfOrg(db, org.id, todayVn()) : [];
  return { indicators, orgs: orgs.map((o) => ({ id: o.id, name: o.name })), organisationId: org?.id ?? null, units };
}
