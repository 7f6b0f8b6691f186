/**
 * What the intake page offers: categories, communes and (for leaders) members. Villages come
 * one commune at a time (villagesOf): the second step of the picker, with or without JS.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { can, scopeSubquery } from '$lib/server/access/access';
import { readJson } from '$lib/server/db/dialect';
import { todayVn } from '$lib/shared/format';
import { iconFor } from '$lib/shared/reports/icons';
import { listActiveCategories, reportCountsSince } from '../category.repository';
import { arrangeCategories } from './category-picker';
import { listCommuneGeometries, listCommunesOn, listMembersIn, listVillagesOfCommuneOn } from './intake.repository';

/** What a row of the form shows; the grouping fields did their work above (the page is sent twice). */
const formChoice = <C extends { group_code: string; group_vi: string; group_en: string }>({
  group_code: _code,
  group_vi: _vi,
  group_en: _en,
  ...choice
}: C) => choice;

export async function intakeOptions(db: Db, actor: Actor) {
  const today = todayVn();
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString();
  const [categories, communes, counts] = await Promise.all([
    listActiveCategories(db),
    listCommunesOn(db, today),
    reportCountsSince(db, yearAgo)
  ]);
  const behalf = can(actor, 'report.on_behalf')
    ? { members: await listMembersIn(db, scopeSubquery(db, actor, 'report.on_behalf')) }
    : null;
  const picker = arrangeCategories(
    categories.map((c) => ({
      id: c.id,
      name_vi: c.name_vi,
      name_en: c.name_en,
      group: iconFor(c.icon, c.group_code),
      urgent: c.urgent === 1,
      group_code: c.group_code,
      group_vi: c.group_vi,
      group_en: c.group_en
    })),
    counts
  );
  return {
    categories: {
      common: picker.common.map(formChoice),
      groups: picker.groups.map((g) => ({ ...g, categories: g.categories.map(formChoice) }))
    },
    communes: communes.map((c) => ({ id: c.id, name: c.full_name })),
    behalf
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Villages of a commune valid today ([] for anything that is not a commune id). Public data. */
export async function villagesOf(db: Db, communeId: unknown): Promise<{ id: string; name: string }[]> {
  if (typeof communeId !== 'string' || !UUID.test(communeId)) return [];
  const rows = await listVillagesOfCommuneOn(db, communeId, todayVn());
  return rows.map((v) => ({ id: v.id, name: v.full_name }));
}

type Coords = number | Coords[];
/** ~11 m precision and no repeated vertices: plenty for choosing a pin, far fewer bytes. */
function simplify(c: Coords): Coords {
  if (typeof c === 'number') return Math.round(c * 1e4) / 1e4;
  const out = c.map(simplify);
  if (!Array.isArray(out[0]) || Array.isArray((out[0] as Coords[])[0])) return out;
  return out.filter((p, i) => i === 0 || i === out.length - 1 || JSON.stringify(p) !== JSON.stringify(out[i - 1]));
}

/**
 * Communes for the map, as GeoJSON: polygons when unit_geometry has been imported, otherwise
 * (the demo seed has none) a point at each commune centre. Public reference data.
 */
const simplifyGeometry = (g: { type: string; coordinates: Coords } | null) =>
  g ? { type: g.type, coordinates: simplify(g.coordinates) } : null;

export async function communeGeoJson(db: Db) {
  const today = todayVn();
  const polygons = await listCommuneGeometries(db, today);
  if (polygons.length) {
    return {
      type: 'FeatureCollection',
      features: polygons.map((p) => ({
        type: 'Feature',
        properties: { id: p.id, name: p.full_name },
        geometry: simplifyGeometry(readJson<{ type: string; coordinates: Coords }>(p.geojson))
      }))
    };
  }
  const centres = (await listCommunesOn(db, today)).filter((c) => c.centre_lat !== null && c.centre_lon !== null);
  return {
    type: 'FeatureCollection',
    features: centres.map((c) => ({
      type: 'Feature',
      properties: { id: c.id, name: c.full_name },
      geometry: { type: 'Point', coordinates: [c.centre_lon, c.centre_lat] }
    }))
  };
}
