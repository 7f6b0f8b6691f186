/**
 * Intake's reference data (categories, communes with their centres and polygons, the Hội of
 * each area, deadline rules, holidays) kept in memory per process. A report used to re-read
 * seven tables for it; now it reads one row, migration 181's token, which triggers change on
 * every write to those tables, and reloads everything when it differs. So an edit by any path
 * (admin page, import, seed, another server process) is seen by the very next report.
 * Answers are the same as the SQL they replace (validity as of the report's date included).
 */
import type { Db } from '$lib/server/db';
import { readJson } from '$lib/server/db/dialect';
import { containsPoint, type PolygonGeometry } from '$lib/server/geo/geometry';
import { toCalendar, type WorkCalendar } from '$lib/server/calendar/workdays';
import { isValidOn } from '$lib/shared/validity';
import { haversineMeters } from '$lib/shared/reports/geo';
import type { Channel, Stage } from '$lib/shared/reports/constants';
import { computeDeadline, pickRule, type DeadlineRule, type RuleRow } from '../deadline';
import * as repo from './reference.repository';

export interface CategoryRef {
  id: string;
  code: string;
  urgent: number;
  active: number;
  name_vi: string;
  group_active: number;
}
type Commune = Awaited<ReturnType<typeof repo.loadCommunes>>[number];
type Association = Awaited<ReturnType<typeof repo.loadAssociations>>[number];
interface Polygon {
  unitId: string;
  box: [number, number, number, number];
  shape: PolygonGeometry;
}

/**
 * Without polygons, a point counts as in a commune only this close to its centre: the largest
 * communes of the province are ~20 km across, and a point in another province (Hà Nội, or
 * (0, 0) from a broken GPS) must not be filed under whichever centre happens to be nearest.
 */
export const NEAREST_CENTRE_MAX_METERS = 25_000;

export class IntakeReference {
  private readonly categories: Map<string, CategoryRef>;
  private readonly byCode = new Map<string, CategoryRef>();
  private readonly communes: Map<string, Commune>;
  private readonly calendar: WorkCalendar;

  constructor(
    categories: CategoryRef[],
    communes: Commune[],
    private readonly polygons: Polygon[],
    private readonly associations: Association[],
    private readonly rules: RuleRow[],
    holidays: { date: string; kind: string; name: string }[]
  ) {
    this.categories = new Map(categories.map((c) => [c.id, c]));
    for (const c of categories) if (c.active === 1 && c.group_active === 1) this.byCode.set(c.code, c);
    this.communes = new Map(communes.map((c) => [c.id, c]));
    this.calendar = toCalendar(holidays as Parameters<typeof toCalendar>[0]);
  }

  category = (id: string): CategoryRef | undefined => this.categories.get(id);

  /** An Open311 service: an active category of an active group. */
  service = (code: string): CategoryRef | undefined => this.byCode.get(code);

  /** The commune whose polygon holds the point; without polygons, the nearest centre in range. */
  communeForPoint(lat: number, lon: number, date: string): { id: string; name: string } | null {
    const live = this.polygons.filter((p) => this.communeOn(p.unitId, date));
    if (live.length) {
      const [minLon, minLat, maxLon, maxLat] = [0, 1, 2, 3];
      const hit = live.find(
        (p) =>
          p.box[minLon] <= lon &&
          p.box[maxLon] >= lon &&
          p.box[minLat] <= lat &&
          p.box[maxLat] >= lat &&
          containsPoint(p.shape, lon, lat)
      );
      const unit = hit && this.communes.get(hit.unitId);
      return unit ? { id: unit.id, name: unit.full_name } : null;
    }
    let best: { id: string; name: string; d: number } | null = null;
    for (const c of this.communes.values()) {
      if (c.centre_lat === null || c.centre_lon === null || !isValidOn(c, date)) continue;
      const d = haversineMeters(lat, lon, c.centre_lat, c.centre_lon);
      if (d <= NEAREST_CENTRE_MAX_METERS && (!best || d < best.d)) best = { id: c.id, name: c.full_name, d };
    }
    return best ? { id: best.id, name: best.name } : null;
  }

  private communeOn(id: string, date: string): Commune | undefined {
    const c = this.communes.get(id);
    return c && isValidOn(c, date) ? c : undefined;
  }

  private association(type: string, unitId: string | null, date: string): Association[] {
    return this.associations.filter(
      (a) => a.type === type && (unitId === null || a.admin_unit_id === unitId) && isValidOn(a, date)
    );
  }

  /** The Hội whose queue receives a report of this commune (null commune: the sole province Hội). */
  associationFor(communeId: string | null, date: string): string | null {
    if (!communeId) {
      const province = this.association('province_association', null, date);
      return province.length === 1 ? province[0].id : null;
    }
    const hoi = this.association('commune_association', communeId, date)[0];
    if (hoi) return hoi.id;
    const parent = this.communeOn(communeId, date)?.parent_id;
    return parent ? (this.association('province_association', parent, date)[0]?.id ?? null) : null;
  }

  /** Whether this Hội sits at village level (its figures are lifted to the commune's Hội). */
  isVillageBranch(orgId: string): boolean {
    const a = this.associations.find((x) => x.id === orgId);
    return !a || a.unit_level === 'village';
  }

  deadline(stage: Stage, channel: Channel, categoryId: string | null, start: string) {
    // The whole calendar is in memory, so no horizon to cut it to (deadline.service.ts's window).
    const rule: DeadlineRule = pickRule(this.rules, stage, channel, categoryId);
    return { stage, dueOn: computeDeadline(rule, start, 0, this.calendar), rule };
  }
}

async function load(db: Db): Promise<IntakeReference> {
  const [categories, communes, polygons, associations, rules, holidays] = await Promise.all([
    repo.loadCategories(db),
    repo.loadCommunes(db),
    repo.loadCommunePolygons(db),
    repo.loadAssociations(db),
    repo.loadDeadlineRules(db),
    repo.loadHolidays(db)
  ]);
  const shapes = polygons.map((p) => ({
    unitId: p.unit_id,
    box: [p.min_lon, p.min_lat, p.max_lon, p.max_lat] as Polygon['box'],
    shape: readJson<PolygonGeometry>(p.geojson)!
  }));
  return new IntakeReference(categories, communes, shapes, associations, rules as RuleRow[], holidays);
}

/**
 * Kept per database (its adapter), as geo-index.ts does: a transaction or a plugin view of the
 * same database shares it. A load in flight is shared by the requests that asked meanwhile.
 */
const cache = new WeakMap<object, { token: string; ref: Promise<IntakeReference> }>();

/** The reference data as it is now in `db`: one one-row read, plus a reload after a change. */
export async function intakeReference(db: Db): Promise<IntakeReference> {
  const token = await repo.referenceToken(db);
  const key = db.getExecutor().adapter;
  const hit = cache.get(key);
  if (hit && hit.token === token) return hit.ref;
  const ref = load(db);
  cache.set(key, { token, ref });
  ref.catch(() => cache.get(key)?.ref === ref && cache.delete(key));
  return ref;
}
