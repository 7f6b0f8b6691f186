/**
 * The evaluation form, pre-filled from the records: for each criterion of the registration's
 * version, the figure found in the records for the campaign's evaluation period, the records
 * behind it (each linked) and the points it earns. Criteria assessed by hand show the
 * manual evidence instead.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { scopeSubquery, type OrgScope } from '$lib/server/access/access';
import { fold } from '$lib/shared/text';
import type { Measure } from '$lib/shared/emulation/rules';
import { campaignRow, criteriaOf } from './campaign.service';
import * as repo from './evidence.repository';
import { readRegistration, manualEvidence, type RegistrationView } from './registration.service';
import { READ } from './policy';

export interface EvidenceLink {
  id: string;
  on: string;
  /** the page of the record */
  href: string;
}

const RECORD_PAGE = {
  report: '/reports/',
  activity: '/program/activities/',
  commitment: '/program/commitments/',
  model: '/program/models/'
} as const;

const linked = (rows: repo.Row[], kind: keyof typeof RECORD_PAGE): EvidenceLink[] =>
  rows.map((r) => ({ id: r.id, on: r.on, href: RECORD_PAGE[kind] + r.id }));

export function whoOf(
  r: Pick<RegistrationView, 'subject_kind' | 'person_id' | 'subject_org_id' | 'organisation_id' | 'household_name'>
): repo.Who {
  if (r.subject_kind === 'person') return { kind: 'person', personId: r.person_id! };
  if (r.subject_kind === 'branch') return { kind: 'branch', orgId: r.subject_org_id! };
  if (r.subject_kind === 'commune') return { kind: 'commune', orgId: r.subject_org_id! };
  if (r.subject_kind === 'env_collective') return { kind: 'agency', orgId: r.subject_org_id! };
  return { kind: 'household', orgId: r.organisation_id, name: r.household_name ?? '' };
}

/** The records behind one measure, within the reader's scope. */
export const recordsFor = (db: Db, actor: Actor, who: repo.Who, period: repo.Period, measure: Measure) =>
  recordsIn(db, scopeSubquery(db, actor, READ), who, period, measure);

/** The same, from the records inside `scope` (the actor's, or the subtree of a member's own registration). */
export async function recordsIn(
  db: Db,
  scope: OrgScope,
  who: repo.Who,
  period: repo.Period,
  measure: Measure
): Promise<EvidenceLink[]> {
  switch (measure) {
    case 'reports':
      return linked(await repo.reportRows(db, who, period, scope), 'report');
    case 'reports_verified':
      return linked(await repo.reportRows(db, who, period, scope, 'verified'), 'report');
    case 'reports_outcome':
      return linked(await repo.reportRows(db, who, period, scope, 'outcome'), 'report');
    case 'outreach_led':
      return linked(await repo.activityRows(db, who, period, scope, 'outreach', 'led'), 'activity');
    case 'outreach_attended':
      return linked(await repo.activityRows(db, who, period, scope, 'outreach', 'attended'), 'activity');
    case 'trainings':
      return linked(await repo.activityRows(db, who, period, scope, 'training', 'attended'), 'activity');
    case 'commitments':
      return linked(await repo.commitmentRows(db, who, period, scope, fold), 'commitment');
    case 'models_led':
      return linked(await repo.modelRows(db, who, period, scope, 'led'), 'model');
    case 'models_replicated':
      return linked(await repo.modelRows(db, who, period, scope, 'replicated'), 'model');
    case 'manual':
      return [];
  }
}

export interface EvaluationLine {
  code: string;
  group_code: string;
  name: string;
  measure: Measure;
  target: number;
  points: number;
  committed: boolean;
  /** the figure from the records (null for criteria assessed by hand) */
  count: number | null;
  records: EvidenceLink[];
  /** points suggested from the records; a hand-assessed criterion is left to the assessors */
  suggested: number | null;
}

/** The pre-filled evaluation form of a registration. */
export async function evaluationForm(db: Db, actor: Actor, registrationId: string) {
  const { registration, scope, own, nominated } = await readRegistration(db, actor, registrationId);
  const campaign = await campaignRow(db, registration.campaign_id);
  const criteria = await criteriaOf(db, campaign.id, registration.criteria_version);
  const period = { from: campaign.evaluate_from, to: campaign.evaluate_to };
  const who = whoOf(registration);
  const lines: EvaluationLine[] = [];
  for (const c of criteria) {
    const measure = c.measure as Measure;
    const records = await recordsIn(db, scope, who, period, measure);
    const manual = measure === 'manual';
    lines.push({
      code: c.code,
      group_code: c.group_code,
      name: c.name,
      measure,
      target: c.target,
      points: c.points,
      committed: registration.commitments.includes(c.code),
      count: manual ? null : records.length,
      records,
      suggested: manual ? null : records.length >= Math.max(1, c.target) ? c.points : 0
    });
  }
  const suggestedTotal = lines.reduce((s, l) => s + (l.suggested ?? 0), 0);
  return {
    registration,
    campaign,
    lines,
    suggestedTotal,
    threshold: campaign.title_threshold,
    manual: await manualEvidence(db, registrationId),
    own,
    nominated
  };
}
