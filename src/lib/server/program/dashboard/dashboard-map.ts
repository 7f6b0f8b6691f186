/**
 * The dashboard map's data: the communes of the organisation's area shaded by one indicator
 * (bands with number ranges, so the legend never relies on colour), plus activities, models and
 * reports as markers. The same data is the page's table when JavaScript is off.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { can, scopeSubquery } from '$lib/server/access/access';
import { findIndicator, unitRollup } from '../rollup/rollup.service';
import type { Indicator } from '../rollup/rollup-many.service';
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
  unit_name: string | null;
  centre_lat: number | null;
  centre_lon: number | null;
}

interface MapQuery {
  indicator: string;
  from: string;
  to: string;
  asOf: string;
}

/**
 * What the dashboard already read: the indicator's row (when it is one of the view's) and
 * whether the commune-level table answered the organisation's roll-up.
 */
interface Known {
  indicator?: Indicator;
  liftSafe?: boolean;
}

export async function dashboardMap(
  db: Db,
  actor: Actor,
  org: OrgPlace,
  q: MapQuery,
  known: Known = {}
): Promise<DashboardMap> {
  const empty: DashboardMap = { indicator: q.indicator, areas: [], shapes: [], bands: bandsFor(0), markers: [] };
  if (!org.admin_unit_id) return empty;
  const ind = known.indicator ?? (await findIndicator(db, q.indicator));
  const unitId = org.admin_unit_id;
  const { result: r, units } = await unitRollup(
    db,
    actor,
    unitId,
    org.level ? { level: org.level } : undefined,
    ind,
    { indicator: q.indicator, from: q.from, to: q.to, asOf: q.asOf, org: org.id },
    { liftSafe: known.liftSafe }
  );
  // A province shows its communes; a commune or village association shows its own area.
  const province = org.level === 'province';
  const parts = province ? r.children : [{ id: unitId, name: '', value: r.total }];
  const own = { id: unitId, full_name: org.unit_name, centre_lat: org.centre_lat, centre_lon: org.centre_lon };
  const byId = new Map<string, Pick<typeof own, 'full_name' | 'centre_lat' | 'centre_lon'>>(
    province ? units.map((u) => [u.id, u]) : org.level ? [[unitId, own]] : []
  );
  const shapes = await repo.unitShapes(
    db,
    parts.map((p) => p.id)
  );
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
  const [{ activities: acts, models }, reports] = await Promise.all([
    repo.placeMarkers(db, period),
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
      label: `${a.label}`,
      place: a.place,
      count: a.count
    })),
    ...models.map((m) => ({
      type: 'model' as const,
      id: m.id,
      lat: m.lat,
      lon: m.lon,
      on: m.on,
      label: m.label,
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
    shapes: shapes.map((s) => ({ unitId: s.unit_id, geojson: s.geojson })),
    bands,
    markers
  };
}
