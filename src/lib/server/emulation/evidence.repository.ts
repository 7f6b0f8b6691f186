/**
 * Evidence from the records: what a member, a household, a branch, a commune Hội or an
 * environment-sector collective did in the evaluation period, each row with its id and date so
 * the form can link to it. Every query takes the reader's scope, so nothing outside it is counted
 * or linked. Reports count only when the reporter chose to be named: crediting a confidential or
 * anonymous report to a person would reveal who made it.
 */
import type { Db } from '$lib/server/db';
import type { OrgScope } from '$lib/server/access/access';

export interface Period {
  from: string;
  to: string;
}
export interface Row {
  id: string;
  on: string;
}
/**
 * Whose evidence: a member (person id), a branch, a household, a commune Hội (the sum of its
 * own records and those of the branches under it) or an environment-sector collective (an
 * agency and its units: the reports it handled, and any program records it keeps).
 */
export type Who =
  | { kind: 'person'; personId: string }
  | { kind: 'branch'; orgId: string }
  | { kind: 'commune'; orgId: string }
  | { kind: 'agency'; orgId: string }
  | { kind: 'household'; orgId: string; name: string };
type OrgWho = Extract<Who, { kind: 'branch' | 'commune' | 'agency' }>;

const accountsOf = (db: Db, personId: string) =>
  db.selectFrom('account').select('id').where('person_id', '=', personId);
/** The organisations whose records are the subject's: a branch its own, a collective its subtree. */
const orgsOf = (db: Db, who: OrgWho) =>
  who.kind === 'branch'
    ? db.selectFrom('organisation').select('id').where('id', '=', who.orgId)
    : db.selectFrom('organisation_closure').select('descendant_id as id').where('ancestor_id', '=', who.orgId);
const personsOfOrg = (db: Db, who: OrgWho) =>
  db.selectFrom('person').select('id').where('organisation_id', 'in', orgsOf(db, who));

/** Reports the subject made or that were entered on their behalf, named only. */
export async function reportRows(db: Db, who: Who, p: Period, scope: OrgScope, only?: 'verified' | 'outcome') {
  if (who.kind === 'household') return [];
  let q = db
    .selectFrom('report')
    .select(['id', 'observed_on as on'])
    .where('observed_on', '>=', p.from)
    .where('observed_on', '<=', p.to)
    .where('commune_org_id', 'in', scope);
  if (who.kind === 'agency') {
    // An agency is credited for handling a report, not for making it: nothing about who reported
    // is revealed, so confidential and anonymous reports count too.
    q = q.where('agency_org_id', 'in', orgsOf(db, who));
    if (only === 'verified') q = q.where('status', 'not in', ['new', 'needs_info', 'rejected', 'duplicate']);
    if (only === 'outcome') q = q.where('outcome_kind', 'is not', null);
    return q.orderBy('observed_on').orderBy('id').execute();
  }
  q = q.where('protection', '=', 'named');
  const people = who.kind === 'person' ? null : personsOfOrg(db, who);
  q = q.where((eb) =>
    who.kind === 'person'
      ? eb.or([
          eb('observer_person_id', '=', who.personId),
          eb('reporter_account_id', 'in', accountsOf(db, who.personId))
        ])
      : eb.or([
          eb('observer_person_id', 'in', people!),
          eb('reporter_account_id', 'in', db.selectFrom('account').select('id').where('person_id', 'in', people!))
        ])
  );
  if (only === 'verified') q = q.where('status', 'not in', ['new', 'needs_info', 'rejected', 'duplicate']);
  if (only === 'outcome') q = q.where('outcome_kind', 'is not', null);
  return q.orderBy('observed_on').orderBy('id').execute();
}

/**
 * Activities of a kind the subject led (a branch: held; a commune Hội: held by it or a branch
 * under it; a member: recorded by their account) or attended (by its members).
 */
export async function activityRows(
  db: Db,
  who: Who,
  p: Period,
  scope: OrgScope,
  kind: string,
  role: 'led' | 'attended'
) {
  if (who.kind === 'household') return [];
  let q = db
    .selectFrom('activity as a')
    .select(['a.id', 'a.started_on as on'])
    .where('a.kind', '=', kind)
    .where('a.started_on', '>=', p.from)
    .where('a.started_on', '<=', p.to)
    .where('a.organisation_id', 'in', scope);
  if (role === 'led')
    q =
      who.kind === 'person'
        ? q.where('a.created_by', 'in', accountsOf(db, who.personId))
        : q.where('a.organisation_id', 'in', orgsOf(db, who));
  else
    q = q.where(
      'a.id',
      'in',
      db
        .selectFrom('activity_attendee')
        .select('activity_id')
        .where(
          'person_id',
          who.kind === 'person' ? '=' : 'in',
          who.kind === 'person' ? who.personId : personsOfOrg(db, who)
        )
    );
  return q.orderBy('a.started_on').orderBy('a.id').execute();
}

export async function commitmentRows(db: Db, who: Who, p: Period, scope: OrgScope, fold: (s: string) => string) {
  let q = db
    .selectFrom('commitment')
    .select(['id', 'signed_on as on', 'household_name'])
    .where('signed_on', '>=', p.from)
    .where('signed_on', '<=', p.to)
    .where('organisation_id', 'in', scope);
  if (who.kind === 'person') q = q.where('person_id', '=', who.personId);
  else if (who.kind === 'household') q = q.where('organisation_id', '=', who.orgId).where('party', '=', 'household');
  else q = q.where('organisation_id', 'in', orgsOf(db, who));
  const rows = await q.orderBy('signed_on').orderBy('id').execute();
  // Household names are typed freely; compare them folded (case and diacritics aside).
  const rowsOf = who.kind === 'household' ? rows.filter((r) => fold(r.household_name ?? '') === fold(who.name)) : rows;
  return rowsOf.map(({ id, on }) => ({ id, on }));
}

/** Models running during the period that the subject leads, or that copied one of those. */
export async function modelRows(db: Db, who: Who, p: Period, scope: OrgScope, role: 'led' | 'replicated') {
  if (who.kind === 'household') return [];
  const models = db.selectFrom('model').select('id');
  const ledIds =
    who.kind === 'person'
      ? models.where('created_by', 'in', accountsOf(db, who.personId))
      : models.where('organisation_id', 'in', orgsOf(db, who));
  let q = db
    .selectFrom('model')
    .select(['id', 'started_on as on'])
    .where('started_on', '<=', p.to)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', p.from)]))
    .where('organisation_id', 'in', scope);
  q = role === 'led' ? q.where('id', 'in', ledIds) : q.where('replicated_from_id', 'in', ledIds);
  return q.orderBy('started_on').orderBy('id').execute();
}
