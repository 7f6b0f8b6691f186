/** SQL for the activity pages and exports: filtered lists with names, and form options. */
import { validOn } from '$lib/server/db/predicates';
import type { Db } from '$lib/server/db';
import type { scopeSubquery } from '$lib/server/access/access';
import { collate } from '$lib/server/db/dialect';

type Scope = ReturnType<typeof scopeSubquery>;

export interface ActivityListFilter {
  scope: Scope;
  kind?: string;
  from?: string;
  to?: string;
  /** a commune (matches it and its villages) or a village */
  unitId?: string;
  topicId?: string;
}

function filtered(db: Db, f: ActivityListFilter) {
  let q = db
    .selectFrom('activity as a')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .innerJoin('admin_unit as u', 'u.id', 'a.admin_unit_id')
    .where('a.organisation_id', 'in', f.scope);
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  if (f.from) q = q.where('a.started_on', '>=', f.from);
  if (f.to) q = q.where('a.started_on', '<=', f.to);
  if (f.unitId) {
    const unit = f.unitId;
    q = q.where((eb) => eb.or([eb('a.admin_unit_id', '=', unit), eb('u.parent_id', '=', unit)]));
  }
  if (f.topicId) {
    const topic = f.topicId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('activity_topic as t')
          .select('t.topic_id')
          .whereRef('t.activity_id', '=', 'a.id')
          .where('t.topic_id', '=', topic)
      )
    );
  }
  return q;
}

export async function countActivities(db: Db, f: ActivityListFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listActivityPage(db: Db, f: ActivityListFilter, limit: number, offset: number) {
  return filtered(db, f)
    .select([
      'a.id',
      'a.kind',
      'a.outreach_mode',
      'a.started_on',
      'a.ended_on',
      'a.count_total',
      'a.count_elderly',
      'a.count_women',
      'a.count_ethnic_minority',
      'a.audiences',
      'a.partners',
      'a.materials',
      'a.ntm_criterion',
      'a.notes',
      'a.organisation_id',
      'o.name as organisation_name',
      'u.name as unit_name'
    ])
    .orderBy('a.started_on', 'desc')
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** Topic names per activity, for a page of rows. */
export async function topicsOf(db: Db, activityIds: string[]) {
  if (!activityIds.length) return [];
  return db
    .selectFrom('activity_topic as at')
    .innerJoin('topic as t', 't.id', 'at.topic_id')
    .select(['at.activity_id', 't.id', 't.name_vi', 't.name_en'])
    .where('at.activity_id', 'in', activityIds)
    .orderBy('t.sort_order')
    .execute();
}

export async function attendeeNames(db: Db, activityId: string) {
  return db
    .selectFrom('activity_attendee as aa')
    .innerJoin('person as p', 'p.id', 'aa.person_id')
    .select(['p.id', 'p.full_name'])
    .where('aa.activity_id', '=', activityId)
    .orderBy(collate(db, 'p.sort_key'))
    .execute();
}

export async function recordingOrganisations(db: Db, scope: Scope) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'type', 'admin_unit_id'])
    .where('id', 'in', scope)
    .where('kind', '=', 'association')
    .orderBy(collate(db, 'sort_key'))
    .execute();
}

/** The units of these organisations and their direct children (villages of a commune), valid on `date` if given. */
export async function unitsAround(db: Db, unitIds: string[], date: string | null) {
  if (!unitIds.length) return [];
  let q = db
    .selectFrom('admin_unit')
    .select(['id', 'name', 'level', 'parent_id', 'households'])
    .where((eb) => eb.or([eb('id', 'in', unitIds), eb('parent_id', 'in', unitIds)]))
    .where('level', 'in', ['commune', 'village']);
  if (date) q = q.where(validOn('admin_unit', date));
  return q.orderBy(collate(db, 'sort_key')).execute();
}

export async function activeCodes(db: Db, table: 'topic' | 'commitment_kind') {
  return db
    .selectFrom(table)
    .select(['id', 'name_vi', 'name_en'])
    .where('active', '=', 1)
    .orderBy('sort_order')
    .execute();
}

export async function personsInScope(db: Db, scope: Scope, limit: number) {
  return db
    .selectFrom('person')
    .select(['id', 'full_name', 'organisation_id'])
    .where('organisation_id', 'in', scope)
    .where('anonymised_at', 'is', null)
    .orderBy(collate(db, 'sort_key'))
    .limit(limit)
    .execute();
}

export async function namesOf(db: Db, organisationId: string, unitId: string) {
  const [org, unit] = await Promise.all([
    db.selectFrom('organisation').select('name').where('id', '=', organisationId).executeTakeFirst(),
    db.selectFrom('admin_unit').select('name').where('id', '=', unitId).executeTakeFirst()
  ]);
  return { organisation_name: org?.name ?? '', unit_name: unit?.name ?? '' };
}
