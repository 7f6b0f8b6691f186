/**
 * The emulation council (hội đồng thi đua – khen thưởng) of an association level: a meeting
 * with its members and attendance, a vote per candidate, the passing rule of the form of
 * reward voted on (configured per level, default explained on screen), then the results
 * published to those evaluated with a window for appeals.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { inScope, requireAction } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { formatDate, todayVn } from '$lib/shared/format';
import { addDays } from '$lib/shared/emulation/dates';
import { DEFAULT_PASS_RULE, hasQuorum, passes, type PassRule } from '$lib/shared/emulation/rules';
import * as repo from './registration.repository';
import { withEmuCells } from './aggregate.repository';
import type { CouncilInput } from './emulation.schema';
import { DEFAULT_APPEAL_DAYS, MANAGE } from './policy';

const invalid = (field: string, key: string) => new AppError('VALIDATION', key, { field });

export async function passRuleOf(db: Db, organisationId: string, awardForm: string): Promise<PassRule> {
  return ((await repo.passRule(db, organisationId, awardForm)) as PassRule | null) ?? DEFAULT_PASS_RULE;
}

export async function setPassRule(db: Db, actor: Actor, organisationId: string, awardForm: string, rule: PassRule) {
  requireAction(actor, MANAGE);
  if (!(await inScope(db, actor, MANAGE, organisationId))) throw notFound();
  await repo.upsertPassRule(db, organisationId, awardForm, rule, nowIso());
  await audit(db, actor, {
    action: 'emu.pass_rule',
    entityType: 'organisation',
    entityId: organisationId,
    organisationId,
    after: { awardForm, rule }
  });
}

async function candidate(db: Db, councilOrg: string, campaignId: string, registrationId: string) {
  const row = await repo.findCandidate(db, registrationId);
  if (!row || row.campaign_id !== campaignId || !(await repo.isAncestor(db, councilOrg, row.organisation_id)))
    throw invalid('votes', 'emu_err_candidate');
  if (!['branch_assessed', 'council_done'].includes(row.status)) throw invalid('votes', 'emu_err_not_assessed');
  return row;
}

/** Records a council meeting and its votes; each candidate passes or fails by the rule of the form voted on. */
export async function recordCouncil(db: Db, actor: Actor, input: CouncilInput) {
  requireAction(actor, MANAGE);
  if (!(await inScope(db, actor, MANAGE, input.organisation_id)))
    throw invalid('organisation_id', 'emu_err_organisation');
  const total = input.members.length;
  if (input.members_present > total) throw invalid('members_present', 'emu_err_present');
  if (!hasQuorum({ membersTotal: total, membersPresent: input.members_present }))
    throw invalid('members_present', 'emu_err_quorum');
  const same = await sameDayMeeting(db, input);
  if (same) return same;
  const councilId = newId();
  const results: Results = [];
  for (const v of input.votes) {
    await candidate(db, input.organisation_id, input.campaign_id, v.registration_id);
    if (v.in_favour + v.against + v.abstain > total) throw invalid('votes', 'emu_err_vote_total');
    const rule = await passRuleOf(db, input.organisation_id, v.award_form);
    const tally = {
      membersTotal: total,
      membersPresent: input.members_present,
      inFavour: v.in_favour,
      against: v.against,
      abstain: v.abstain
    };
    results.push({ registrationId: v.registration_id, passed: passes(rule, tally), rule });
  }
  await db.transaction().execute(async (tx) =>
    withEmuCells(
      tx,
      results.map((r) => r.registrationId),
      () => writeCouncil(tx, actor, input, councilId, results)
    )
  );
  return { councilId, results };
}

type Results = { registrationId: string; passed: boolean; rule: PassRule }[];

const voteKey = (v: {
  registration_id: string;
  award_form: string;
  in_favour: number;
  against: number;
  abstain: number;
}) => [v.registration_id, v.award_form, v.in_favour, v.against, v.abstain].join('|');

/**
 * One meeting a day votes on a candidate once. The same minutes posted again (a retried form)
 * return the meeting already recorded; different votes on a candidate already voted on that
 * day are refused, naming the day: a second record would double the vote lines in the history.
 */
async function sameDayMeeting(db: Db, input: CouncilInput) {
  const day = await repo.votesOfDay(db, input.organisation_id, input.campaign_id, input.meeting_on);
  const asked = new Set(input.votes.map((v) => v.registration_id));
  const overlap = day.filter((v) => asked.has(v.registration_id));
  if (!overlap.length) return null;
  const councilId = overlap[0].council_id;
  const recorded = day.filter((v) => v.council_id === councilId);
  const retried =
    recorded.length === input.votes.length &&
    recorded[0].members_present === input.members_present &&
    recorded[0].members_total === input.members.length &&
    new Set(recorded.map(voteKey)).size === new Set([...recorded, ...input.votes].map(voteKey)).size;
  if (!retried) {
    const names = await repo.namesOf(db, [...new Set(overlap.map((v) => v.registration_id))]);
    throw new AppError('CONFLICT', 'fix10_err_council_same_day', {
      field: 'votes',
      date: formatDate(input.meeting_on),
      names: names.map((n) => n.person_name ?? n.household_name ?? n.subject_org_name).join(', ')
    });
  }
  const results: Results = recorded.map((v) => ({
    registrationId: v.registration_id,
    passed: v.passed === 1,
    rule: v.rule as PassRule
  }));
  return { councilId, results };
}

async function writeCouncil(tx: Db, actor: Actor, input: CouncilInput, councilId: string, results: Results) {
  const now = nowIso();
  const total = input.members.length;
  await repo.insertCouncil(
    tx,
    {
      id: councilId,
      organisation_id: input.organisation_id,
      campaign_id: input.campaign_id,
      meeting_on: input.meeting_on,
      members: JSON.stringify(input.members),
      members_total: total,
      members_present: input.members_present,
      created_by: actor.accountId,
      created_at: now
    },
    input.votes.map((v, i) => ({
      council_id: councilId,
      ...v,
      rule: results[i].rule,
      passed: results[i].passed ? 1 : 0
    }))
  );
  for (const r of results)
    await repo.updateRegistration(tx, r.registrationId, {
      status: 'council_done',
      result: r.passed ? 'passed' : 'failed',
      published_on: null,
      appeal_until: null,
      updated_at: now
    });
  await audit(tx, actor, {
    action: 'emu.council',
    entityType: 'emu_council',
    entityId: councilId,
    organisationId: input.organisation_id,
    after: { ...input, results }
  });
}

/** Publishes the council's results in the organisation's subtree; appeals are open for `appealDays`. */
export async function publishResults(
  db: Db,
  actor: Actor,
  input: { organisation_id: string; campaign_id: string; appeal_days?: number },
  now = new Date()
): Promise<number> {
  requireAction(actor, MANAGE);
  if (!(await inScope(db, actor, MANAGE, input.organisation_id))) throw notFound();
  const today = todayVn(now);
  const until = addDays(today, input.appeal_days ?? DEFAULT_APPEAL_DAYS);
  const n = await repo.publishInSubtree(db, input.organisation_id, input.campaign_id, {
    published_on: today,
    appeal_until: until,
    updated_at: nowIso()
  });
  await audit(db, actor, {
    action: 'emu.publish',
    entityType: 'emu_campaign',
    entityId: input.campaign_id,
    organisationId: input.organisation_id,
    after: { published: n, appeal_until: until }
  });
  return n;
}
