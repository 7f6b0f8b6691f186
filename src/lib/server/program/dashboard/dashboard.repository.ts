/** Reads the dashboard needs beyond the roll-up engine: plans, pickers, places and markers. */
import { sql } from 'kysely';
import type { Db } from '$lib/server/db';
import type { scopeSubquery } from '$lib/server/access/access';
import { collate } from '$lib/server/db/dialect';

type Scope = ReturnType<typeof scopeSubquery>;

/**
 * The active computed indicators, in display order, each with the sum of the targets the
 * organisation's plans of the year set for it (null without one).
 */
export async function computedIndicatorsWithTargets(db: Db, orgId: string, year: number) {
  const rows = await db
    .selectFrom('indicator')
    .selectAll('indicator')
    .select((eb) =>
      eb
        .selectFrom('plan')
        .innerJoin('plan_target', 'plan_target.plan_id', 'plan.id')
        .select(sql<number | null>`sum(plan_target.target_value)`.as('t'))
        .whereRef('plan_target.indicator_id', '=', 'indicator.id')
        .where('plan.organisation_id', '=', orgId)
        .where('plan.year', '=', year)
        .as('target')
    )
    .where('source', '=', 'computed')
    .where('active', '=', 1)
    .orderBy('sort_order')
    .execute();
  return rows.map(({ target, ...indicator }) => ({ indicator, target: target === null ? null : Number(target) }));
}

const orgColumns = [
  'o.id',
  'o.name',
  'o.kind',
  'o.parent_id',
  'o.admin_unit_id',
  'u.level',
  'u.full_name as unit_name',
  'u.centre_lat',
  'u.centre_lon'
] as const;

/**
 * Organisations the picker offers: those in scope, still open on `date`, each with its area
 * (level, name and centre) for the map.
 */
export async function orgsInScope(db: Db, scope: Scope, date: string) {
  return db
    .selectFrom('organisation as o')
    .leftJoin('admin_unit as u', 'u.id', 'o.admin_unit_id')
    .select(orgColumns)
    .where('o.id', 'in', scope)
    .where((eb) => eb.or([eb('o.valid_to', 'is', null), eb('o.valid_to', '>', date)]))
    .orderBy('o.kind')
    .orderBy(collate(db, 'o.sort_key'))
    .limit(1000)
    .execute();
}

export async function findOrg(db: Db, id: string) {
  return db
    .selectFrom('organisation as o')
    .leftJoin('admin_unit as u', 'u.id', 'o.admin_unit_id')
    .select(orgColumns)
    .where('o.id', '=', id)
    .executeTakeFirst();
}

/** Outlines of units (when imported), for the map. */
export async function unitShapes(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('unit_geometry').select(['unit_id', 'geojson']).where('unit_id', 'in', ids).execute();
}

interface Period {
  orgs: Scope;
  from: string;
  /** exclusive upper day */
  until: string;
  limit: number;
}

/** Activities of the period, placed at their unit's centre or, for villages, their commune's. */
function activityMarkers(db: Db, p: Period) {
  return db
    .selectFrom('activity as a')
    .innerJoin('admin_unit as u', 'u.id', 'a.admin_unit_id')
    .leftJoin('admin_unit as c', 'c.id', 'u.parent_id')
    .select([
      sql<'activity' | 'model'>`'activity'`.as('type'),
      'a.id',
      'a.kind as label',
      'a.started_on as on',
      sql<number | null>`a.count_total`.as('count'),
      'u.full_name as place',
      sql<number | null>`coalesce(u.centre_lat, c.centre_lat)`.as('lat'),
      sql<number | null>`coalesce(u.centre_lon, c.centre_lon)`.as('lon')
    ])
    .where('a.organisation_id', 'in', p.orgs)
    .where('a.started_on', '>=', p.from)
    .where('a.started_on', '<', p.until)
    .orderBy('a.started_on', 'desc')
    .limit(p.limit);
}

/** Models running at some point in the period, placed the same way. */
function modelMarkers(db: Db, p: Period) {
  return db
    .selectFrom('model as mo')
    .innerJoin('admin_unit as u', 'u.id', 'mo.admin_unit_id')
    .leftJoin('admin_unit as c', 'c.id', 'u.parent_id')
    .select([
      sql<'activity' | 'model'>`'model'`.as('type'),
      'mo.id',
      'mo.name as label',
      'mo.started_on as on',
      sql<number | null>`cast(null as integer)`.as('count'),
      'u.full_name as place',
      sql<number | null>`coalesce(u.centre_lat, c.centre_lat)`.as('lat'),
      sql<number | null>`coalesce(u.centre_lon, c.centre_lon)`.as('lon')
    ])
    .where('mo.organisation_id', 'in', p.orgs)
    .where('mo.started_on', '<', p.until)
    .where((eb) => eb.or([eb('mo.ended_on', 'is', null), eb('mo.ended_on', '>=', p.from)]))
    .orderBy('mo.started_on', 'desc')
    .limit(p.limit);
}

/**
 * Activities and models of the period in one read (each list limited and newest first on its
 * own); rows say which they are.
 */
export async function placeMarkers(db: Db, p: Period) {
  const rows = await db
    .selectFrom(activityMarkers(db, p).as('a'))
    .selectAll()
    .unionAll(db.selectFrom(modelMarkers(db, p).as('m')).selectAll())
    .execute();
  // newest first within each kind, as each branch was read (a stable sort keeps ties in that order)
  const newest = (a: { on: string }, b: { on: string }) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0);
  return {
    activities: rows.filter((r) => r.type === 'activity').sort(newest),
    models: rows.filter((r) => r.type === 'model').sort(newest)
  };
}

/** Environmental reports received in the period in communes of the subtree (officers only). */
export async function reportMarkers(db: Db, p: Period) {
  return db
    .selectFrom('report as r')
    .innerJoin('category as c', 'c.id', 'r.category_id')
    .select(['r.id', 'r.status', 'r.created_at as on', 'c.name_vi', 'c.name_en', 'r.lat', 'r.lon'])
    .where('r.commune_org_id', 'in', p.orgs)
    .where('r.created_at', '>=', p.from)
    .where('r.created_at', '<', p.until)
    .where('r.lat', 'is not', null)
    .orderBy('r.created_at', 'desc')
    .limit(p.limit)
    .execute();
}
