/**
 * The pages that set the movement up: a new campaign (pre-filled with the movement's standard
 * criteria), a campaign's settings and criteria, and each council's passing rule per form of
 * reward. Only what the actor may manage is offered.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { inScope, requireAction, scopeSubquery } from '$lib/server/access/access';
import { AppError, notFound } from '$lib/server/errors';
import { AWARD_FORM_CODES, DEFAULT_PASS_RULE, type PassRule } from '$lib/shared/emulation/rules';
import { getCampaign, registrationsAt } from './campaign.service';
import { passRuleOf, setPassRule } from './council.service';
import { MOVEMENT_CRITERIA } from './seed';
import * as repo from './page.repository';
import { MANAGE } from './policy';

/** Levels that launch campaigns and hold councils. */
const COUNCIL_TYPES = ['commune_association', 'province_association', 'central_association'];

export async function newCampaignPage(db: Db, actor: Actor) {
  requireAction(actor, MANAGE);
  const orgs = await repo.orgsIn(db, scopeSubquery(db, actor, MANAGE), COUNCIL_TYPES);
  if (!orgs.length) throw notFound();
  return { orgs, criteria: MOVEMENT_CRITERIA };
}

export async function editCampaignPage(db: Db, actor: Actor, id: string) {
  const { campaign, criteria } = await getCampaign(db, actor, id);
  if (!(await inScope(db, actor, MANAGE, campaign.organisation_id))) throw notFound();
  return { campaign, criteria, registered: await registrationsAt(db, actor, id) };
}

/** Every council the actor manages, with the rule it applies to each form (the default where none is set). */
export async function passRulesPage(db: Db, actor: Actor) {
  requireAction(actor, MANAGE);
  const orgs = await repo.orgsIn(db, scopeSubquery(db, actor, MANAGE), COUNCIL_TYPES);
  return {
    defaultRule: DEFAULT_PASS_RULE,
    councils: await Promise.all(
      orgs.map(async (o) => ({
        ...o,
        rules: await Promise.all(AWARD_FORM_CODES.map(async (f) => ({ form: f, rule: await passRuleOf(db, o.id, f) })))
      }))
    )
  };
}

/** Saves a council's rules; every form must name a known rule. */
export async function savePassRules(
  db: Db,
  actor: Actor,
  organisationId: string,
  rules: Partial<Record<string, PassRule>>
): Promise<void> {
  requireAction(actor, MANAGE);
  if (!(await inScope(db, actor, MANAGE, organisationId))) throw notFound();
  for (const form of AWARD_FORM_CODES) {
    const rule = rules[form];
    if (!rule) throw new AppError('VALIDATION', 'err_required', { field: `rule_${form}` });
    if (rule !== (await passRuleOf(db, organisationId, form))) await setPassRule(db, actor, organisationId, form, rule);
  }
}
