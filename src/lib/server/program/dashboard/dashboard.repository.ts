/** Reads the dashboard needs beyond the roll-up engine: plans, pickers, places and markers. */
import { sql } from 'kysely';
import type { Db } from '$lib/server/db';
import type { scopeSubquery } from '$lib/server/access/access';
import { collate } from '$lib/server/db/dialect';

type Scope = ReturnType<typeof scopeSubquery>;

/** Targets of every plan of the organisation for the year, summed per indicator code. */
export async function planTargets(db: Db, orgId: string, year: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('plan')
    .innerJoin('plan_target', 'plan_target.plan_id', 'plan.id')
    .innerJoin('indicator', 'indicator.id', 'plan_target.indicator_id')
    .select(['indicator.code', sql<number>`sum(plan_target.target_value)`.as('total')])
    .where('plan.organisation_id', '=', orgId)
    .where('plan.year', '=', year)
    .groupBy('indicator.code')
    .execute();
  return new Map(rows.map((r) => [r.code, Number(r.total)]));
}

export async function computedIndicators(db: Db) {
  return db
    .selectFrom('indicator')
    .select(['code', 'name_vi', 'name_en', 'unit', 'aggregation'])
    .where('source', '=', 'computed')
    .where('active', '=', 1)
    .orderBy('sort_order')
    .execute();
}

/** Organisations the picker offers: those in scope, still open on `date`. */
export async function orgsInScope(db: Db, scope: Scope, date: string) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'kind', 'parent_id'])
    .where('id', 'in', scope)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .orderBy('kind')
    .orderBy(collate(db, 'sort_key'))
    .limit(1000)
    .execute();
}

export async function findOrg(db: Db, id: string) {
  return db
    .selectFrom('organisation as o')
    .leftJoin('admin_unit as u', 'u.id', 'o.admin_unit_id')
    .select(['o.id', 'o.name', 'o.admin_unit_id', 'u.level', 'u.parent_id as unit_parent_id'])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

/** Names, centres and (when imported) outlines of units, for the map. */
export async function unitPlaces(db: Db, ids: string[]) {
  if (!ids.length) return { units: [], shapes: [] };
  const units = await db
    .selectFrom('admin_unit')
    .select(['id', 'full_name', 'centre_lat', 'centre_lon'])
    .where('id', 'in', ids)
    .execute();
  const shapes = await db
    .selectFrom('unit_geometry')
    .select(['unit_id', 'geojson'])
    .where('unit_id', 'in', ids)
    .execute();
  return { units, shapes };
}

interface Period {
  orgs: Scope;
  from: string;
  /** exclusive upper day */
  until: string;
  limit: number;
}

/** Activities of the period, placed at their unit's centre or, for villages, their commune's. */
export async function activityMarkers(db: Db, p: Period) {
  return db
    .selectFrom('activity as a')
    .innerJoin('admin_unit as u', 'u.id', 'a.admin_unit_id')
    .leftJoin('admin_unit as c', 'c.id', 'u.parent_id')
    .select([
      'a.id',
      'a.kind',
      'a.started_on as on',
      'a.count_total',
      'u.full_name as place',
      sql<number | null>`coalesce(u.centre_lat, c.centre_lat)`.as('lat'),
      sql<number | null>`coalesce(u.centre_lon, c.centre_lon)`.as('lon')
    ])
    .where('a.organisation_id', 'in', p.orgs)
    .where('a.started_on', '>=', p.from)
    .where('a.started_on', '<', p.until)
    .orderBy('a.started_on', 'desc')
    .limit(p.limit)
    .execute();
}

/** Models running at some point in the period. */
export async function modelMarkers(db: Db, p: Period) {
  return db
    .selectFrom('model as mo')
    .innerJoin('admin_unit as u', 'u.id', 'mo.admin_unit_id')
    .leftJoin('admin_unit as c', 'c.id', 'u.parent_id')
    .select([
      'mo.id',
      'mo.name',
      'mo.started_on as on',
      'u.full_name as place',
      sql<number | null>`coalesce(u.centre_lat, c.centre_lat)`.as('lat'),
      sql<number | null>`coalesce(u.centre_lon, c.centre_lon)`.as('lon')
    ])
    .where('mo.organisation_id', 'in', p.orgs)
    .where('mo.started_on', '<', p.until)
    .where((eb) => eb.or([eb('mo.ended_on', 'is', null), eb('mo.ended_on', '>=', p.from)]))
    .orderBy('mo.started_on', 'desc')
    .limit(p.limit)
    .execute();
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
