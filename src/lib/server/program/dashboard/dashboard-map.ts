/**
 * The dashboard map's data: the communes of the organisation's area shaded by one indicator
 * (bands with number ranges, so the legend never relies on colour), plus activities, models and
 * reports as markers. The same data is the page's table when JavaScript is off.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { can, scopeSubquery } from '$lib/server/access/access';
import { rollupUnit } from '../rollup/rollup.service';
import { orgSubquery } from '../rollup/aggregate.repository';
import { dayAfter } from './dashboard.query';
import * as repo from './dashboard.repository';
import { READ } from '../policy';
import type { Band, DashboardMap } from '$lib/shared/program/dashboard';

export type { Band, DashboardMap };

/** Band 0 is exactly zero; bands 1–3 split 1…max into equal integer ranges. */
export function bandsFor(max: number): Band[] {
  const bands: Band[] = [{ n: 0, min: 0, max: 0 }];
  if (max <= 0) return bands;
  const step = Math.max(1, Math.ceil(max / 3));
  for (let n = 1, lo = 1; n <= 3 && lo <= max; n++, lo += step)
    bands.push({ n, min: lo, max: Math.min(max, lo + step - 1) });
  return bands;
}

export const bandOf = (bands: Band[], v: number) => bands.find((b) => v >= b.min && v <= b.max)?.n ?? 0;

interface OrgPlace {
  id: string;
  admin_unit_id: string | null;
  level: string | null;
}

interface MapQuery {
  indicator: string;
  from: string;
  to: string;
  asOf: string;
}

export async function dashboardMap(db: Db, actor: Actor, org: OrgPlace, q: MapQuery): Promise<DashboardMap> {
  const empty: DashboardMap = { indicator: q.indicator, areas: [], shapes: [], bands: bandsFor(0), markers: [] };
  if (!org.admin_unit_id) return empty;
  const r = await rollupUnit(db, actor, org.admin_unit_id, {
    indicator: q.indicator,
    from: q.from,
    to: q.to,
    asOf: q.asOf,
    org: org.id
  });
  // A province shows its communes; a commune or village association shows its own area.
  const parts = org.level === 'province' ? r.children : [{ id: org.admin_unit_id, name: '', value: r.total }];
  const places = await repo.unitPlaces(
    db,
    parts.map((p) => p.id)
  );
  const byId = new Map(places.units.map((u) => [u.id, u]));
  const bands = bandsFor(Math.max(0, ...parts.map((p) => p.value)));
  const areas = parts.map((p) => {
    const u = byId.get(p.id);
    return {
      id: p.id,
      name: u?.full_name ?? p.name,
      lat: u?.centre_lat ?? null,
      lon: u?.centre_lon ?? null,
      value: p.value,
      band: bandOf(bands, p.value)
    };
  });
  const period = {
    orgs: orgSubquery(db, org.id, scopeSubquery(db, actor, READ)),
    from: `${q.from}-01`,
    until: dayAfter(q.to),
    limit: 300
  };
  const [acts, models, reports] = await Promise.all([
    repo.activityMarkers(db, period),
    repo.modelMarkers(db, period),
    can(actor, 'report.read')
      ? repo.reportMarkers(db, { ...period, orgs: orgSubquery(db, org.id, scopeSubquery(db, actor, 'report.read')) })
      : []
  ]);
  const markers = [
    ...acts.map((a) => ({
      type: 'activity' as const,
      id: a.id,
      lat: a.lat,
      lon: a.lon,
      on: a.on,
      label: `${a.kind}`,
      place: a.place,
      count: a.count_total
    })),
    ...models.map((m) => ({
      type: 'model' as const,
      id: m.id,
      lat: m.lat,
      lon: m.lon,
      on: m.on,
      label: m.name,
      place: m.place,
      count: null
    })),
    ...reports.map((r) => ({
      type: 'report' as const,
      id: r.id,
      lat: r.lat,
      lon: r.lon,
      on: r.on.slice(0, 10),
      label: r.name_vi,
      labelEn: r.name_en,
      place: null,
      count: null
    }))
  ].filter((m) => m.lat !== null && m.lon !== null);
  return {
    indicator: q.indicator,
    areas,
    shapes: places.shapes.map((s) => ({ unitId: s.unit_id, geojson: s.geojson })),
    bands,
    markers
  };
}
