/**
 * SQL for what a news item can be written from: an activity, a model or a published, handled
 * report, in the officer's scope. Only public-safe facts are read: never attendees' names,
 * a report's reporter, identity, exact position or internal notes.
 */
import type { Db } from '$lib/server/db';
import type { OrgScope } from '$lib/server/access/access';
import { publishedAwards } from '$lib/server/emulation/award.repository';

const unitColumns = ['u.name as unit_name', 'u.level as unit_level', 'u.parent_id as unit_parent_id'] as const;

export async function activityFacts(db: Db, id: string, scope: OrgScope) {
  return db
    .selectFrom('activity as a')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .innerJoin('admin_unit as u', 'u.id', 'a.admin_unit_id')
    .select([
      'a.id',
      'a.kind',
      'a.outreach_mode',
      'a.organisation_id',
      'a.admin_unit_id',
      'a.started_on',
      'a.count_total',
      'a.count_elderly',
      'a.count_women',
      'a.count_ethnic_minority',
      'a.partners',
      'o.name as org_name',
      ...unitColumns
    ])
    .where('a.id', '=', id)
    .where('a.organisation_id', 'in', scope)
    .executeTakeFirst();
}

export async function activityTopicNames(db: Db, id: string) {
  const rows = await db
    .selectFrom('activity_topic as at')
    .innerJoin('topic as t', 't.id', 'at.topic_id')
    .select('t.name_vi')
    .where('at.activity_id', '=', id)
    .orderBy('t.sort_order')
    .execute();
  return rows.map((r) => r.name_vi);
}

export async function activityPhotos(db: Db, id: string) {
  return db
    .selectFrom('program_media')
    .select(['id', 'public_path', 'mime'])
    .where('owner_type', '=', 'activity')
    .where('owner_id', '=', id)
    .orderBy('created_at')
    .execute();
}

export async function modelFacts(db: Db, id: string, scope: OrgScope) {
  return db
    .selectFrom('model as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .innerJoin('admin_unit as u', 'u.id', 'm.admin_unit_id')
    .select([
      'm.id',
      'm.name',
      'm.kind',
      'm.organisation_id',
      'm.admin_unit_id',
      'm.started_on',
      'm.people_involved',
      'm.recognised_by',
      'o.name as org_name',
      ...unitColumns
    ])
    .where('m.id', '=', id)
    .where('m.organisation_id', 'in', scope)
    .executeTakeFirst();
}

export async function modelResults(db: Db, id: string) {
  return db
    .selectFrom('model_result')
    .select(['description', 'quantity', 'unit'])
    .where('model_id', '=', id)
    .orderBy('recorded_on')
    .execute();
}

const HANDLED = ['resolved', 'closed'];

/**
 * A report that is public and handled, by its commune association in scope. Its description is
 * the text the public reads: an officer's redaction (a name, a house number the reporter wrote)
 * must not come back through a news item quoting the original.
 */
export async function handledPublicReport(db: Db, id: string, scope: OrgScope) {
  return db
    .selectFrom('report as r')
    .innerJoin('category as c', 'c.id', 'r.category_id')
    .leftJoin('admin_unit as u', 'u.id', 'r.commune_unit_id')
    .leftJoin('organisation as a', 'a.id', 'r.agency_org_id')
    .select((eb) => eb.fn.coalesce('r.public_description', 'r.description').as('description'))
    .select([
      'r.id',
      'r.created_at',
      'r.resolved_at',
      'r.outcome_kind',
      'r.commune_org_id',
      'r.commune_unit_id',
      'c.name_vi as category_vi',
      'u.name as unit_name',
      'a.name as agency_name'
    ])
    .where('r.id', '=', id)
    .where('r.is_public', '=', 1)
    .where('r.status', 'in', HANDLED)
    .where('r.commune_org_id', 'in', scope)
    .executeTakeFirst();
}

export async function approvedReportPhotos(db: Db, reportId: string) {
  return db
    .selectFrom('attachment')
    .select(['id', 'public_path', 'mime'])
    .where('report_id', '=', reportId)
    .where('kind', '=', 'photo')
    .where('approved_public', '=', 1)
    .where('public_path', 'is not', null)
    .orderBy('created_at')
    .execute();
}

/**
 * An award in force whose awardee agreed to publication (and has not withdrawn), in scope:
 * the public facts the honour board shows — never the cash, the dossier or the score.
 */
export async function publicAwardFacts(db: Db, id: string | null, scope: OrgScope, limit = 1) {
  let q = publishedAwards(db)
    .innerJoin('emu_campaign as c', 'c.id', 'r.campaign_id')
    .innerJoin('organisation as g', 'g.id', 'a.granted_by_org_id')
    .leftJoin('admin_unit as u', 'u.id', 'o.admin_unit_id')
    .select([
      'r.organisation_id',
      'c.name as campaign_name',
      'g.name as granted_by',
      'o.name as org_name',
      'o.admin_unit_id',
      ...unitColumns
    ])
    .where('r.organisation_id', 'in', scope);
  if (id) q = q.where('a.id', '=', id);
  return q.orderBy('a.decided_on', 'desc').orderBy('a.id').limit(limit).execute();
}

/** Recent records in scope an officer may start a news item from. */
export async function recentSources(db: Db, scope: OrgScope, limit: number) {
  const [activities, models, reports, awards] = await Promise.all([
    db
      .selectFrom('activity as a')
      .innerJoin('admin_unit as u', 'u.id', 'a.admin_unit_id')
      .select(['a.id', 'a.kind', 'a.started_on as on', 'u.name as place'])
      .where('a.organisation_id', 'in', scope)
      .orderBy('a.started_on', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('model as m')
      .innerJoin('admin_unit as u', 'u.id', 'm.admin_unit_id')
      .select(['m.id', 'm.name', 'm.started_on as on', 'u.name as place'])
      .where('m.organisation_id', 'in', scope)
      .orderBy('m.started_on', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('report as r')
      .innerJoin('category as c', 'c.id', 'r.category_id')
      .leftJoin('admin_unit as u', 'u.id', 'r.commune_unit_id')
      .select(['r.id', 'c.name_vi as category', 'r.resolved_at as on', 'u.name as place'])
      .where('r.is_public', '=', 1)
      .where('r.status', 'in', HANDLED)
      .where('r.commune_org_id', 'in', scope)
      .orderBy('r.resolved_at', 'desc')
      .limit(limit)
      .execute(),
    publicAwardFacts(db, null, scope, limit)
  ]);
  return { activities, models, reports, awards };
}
