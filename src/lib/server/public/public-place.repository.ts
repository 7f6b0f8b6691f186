/**
 * SQL for the public pages: the places they are about (the province, today's communes) and
 * report figures. Only counts leave here, never a report's reporter or exact position.
 */
import type { Db } from '$lib/server/db';
import { collate } from '$lib/server/db/dialect';
import { validOn } from '$lib/server/db/predicates';

const PLACE = ['id', 'code', 'name', 'full_name', 'level', 'parent_id', 'centre_lat', 'centre_lon'] as const;

/** Provinces in force on `day` (a deployment usually holds one). */
export async function provincesOn(db: Db, day: string) {
  return db
    .selectFrom('admin_unit')
    .select(PLACE)
    .where('level', '=', 'province')
    .where(validOn('admin_unit', day))
    .orderBy(collate(db, 'sort_key'))
    .execute();
}

/** Communes in force on `day` under the given provinces, in Vietnamese order. */
export async function communesOn(db: Db, provinceIds: string[], day: string) {
  if (!provinceIds.length) return [];
  return db
    .selectFrom('admin_unit')
    .select(PLACE)
    .where('level', '=', 'commune')
    .where('parent_id', 'in', provinceIds)
    .where(validOn('admin_unit', day))
    .orderBy(collate(db, 'sort_key'))
    .execute();
}

export async function communeByCode(db: Db, code: string, day: string) {
  return db
    .selectFrom('admin_unit')
    .select(PLACE)
    .where('level', '=', 'commune')
    .where('code', '=', code)
    .where(validOn('admin_unit', day))
    .executeTakeFirst();
}

export interface ReportCounts {
  received: number;
  handled: number;
}

/** Reports received in [from, to) and handled (resolved, then possibly closed) in that period. */
export async function reportCounts(db: Db, communeIds: string[], from: string, to: string): Promise<ReportCounts> {
  if (!communeIds.length) return { received: 0, handled: 0 };
  const base = db.selectFrom('report').where('commune_unit_id', 'in', communeIds);
  const [received, handled] = await Promise.all([
    base
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    base
      .where('resolved_at', '>=', from)
      .where('resolved_at', '<', to)
      .where('status', 'in', ['resolved', 'closed'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ]);
  return { received: Number(received.n), handled: Number(handled.n) };
}

/**
 * The resolution audit rows of reports resolved in [from, to): when each was resolved and the
 * deadline that was running then (the report row forgets it once resolved; the audit keeps it).
 */
export async function resolutions(db: Db, communeIds: string[], from: string, to: string) {
  if (!communeIds.length) return [];
  return db
    .selectFrom('audit_event as e')
    .innerJoin('report as r', 'r.id', 'e.entity_id')
    .where('e.entity_type', '=', 'report')
    .where('e.action', '=', 'report.resolve')
    .where('e.at', '>=', from)
    .where('e.at', '<', to)
    .where('r.commune_unit_id', 'in', communeIds)
    .select(['e.at', 'e.before_json'])
    .execute();
}

/** Effective models recorded in the commune or one of its villages, running ones first. */
export async function communeModels(db: Db, communeId: string, limit: number) {
  return db
    .selectFrom('model as m')
    .innerJoin('admin_unit as u', 'u.id', 'm.admin_unit_id')
    .where((eb) => eb.or([eb('m.admin_unit_id', '=', communeId), eb('u.parent_id', '=', communeId)]))
    .where('m.status', '!=', 'ended')
    .select(['m.id', 'm.name', 'm.kind', 'm.status', 'm.started_on', 'm.people_involved', 'u.name as place'])
    .orderBy('m.status')
    .orderBy('m.started_on', 'desc')
    .limit(limit)
    .execute();
}
