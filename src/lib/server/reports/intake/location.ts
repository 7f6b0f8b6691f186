/**
 * Where a report is: a map pin or GPS point resolved to its commune (the polygon that holds
 * it, or the nearest commune centre while polygons are not imported), a picked village or
 * commune, or the GPS found in a photo.
 */
import type { Db } from '$lib/server/db';
import { resolvePoint } from '$lib/server/geo/unit.service';
import { haversineMeters } from '$lib/shared/reports/geo';
import type { LocationPrecision } from '$lib/shared/reports/constants';
import { findUnitOn, listCommunesOn } from './intake.repository';

export interface ResolvedLocation {
  lat: number | null;
  lon: number | null;
  precision: LocationPrecision;
  communeId: string;
  villageId: string | null;
  communeName: string;
}

export interface LocationInput {
  lat: string;
  lon: string;
  source: 'gps' | 'pin' | 'photo' | '';
  communeId: string;
  villageId: string;
  photoGps: { lat: number; lon: number } | null;
}

/** The commune for a point: its polygon, else the nearest centre. */
export async function communeForPoint(db: Db, lat: number, lon: number, date: string) {
  const hit = await resolvePoint(db, lat, lon, date);
  if (hit && hit.level === 'commune') return { id: hit.id, name: hit.full_name };
  let best: { id: string; name: string; d: number } | null = null;
  for (const c of await listCommunesOn(db, date)) {
    if (c.centre_lat === null || c.centre_lon === null) continue;
    const d = haversineMeters(lat, lon, c.centre_lat, c.centre_lon);
    if (!best || d < best.d) best = { id: c.id, name: c.full_name, d };
  }
  return best ? { id: best.id, name: best.name } : null;
}

/** Returns an error key (for field `commune_id` / `village_id`) or the location. */
export async function resolveLocation(
  db: Db,
  input: LocationInput,
  date: string
): Promise<ResolvedLocation | { error: string; field: string }> {
  let village: { id: string; parent_id: string | null } | null = null;
  if (input.villageId) {
    const v = await findUnitOn(db, input.villageId, date);
    if (!v || v.level !== 'village' || !v.parent_id) return { error: 'err_invalid', field: 'village_id' };
    if (input.communeId && input.communeId !== v.parent_id)
      return { error: 'ri_err_village_commune', field: 'village_id' };
    village = v;
  }
  const picked = input.communeId || village?.parent_id || '';
  let commune: { id: string; name: string } | null = null;
  if (picked) {
    const c = await findUnitOn(db, picked, date);
    if (!c || c.level !== 'commune') return { error: 'err_invalid', field: 'commune_id' };
    commune = { id: c.id, name: c.full_name };
  }
  let point = input.lat !== '' ? { lat: Number(input.lat), lon: Number(input.lon) } : null;
  let precision: LocationPrecision = input.source === 'gps' ? 'gps' : 'pin';
  if (!point && !commune && input.photoGps) {
    point = input.photoGps;
    precision = 'photo';
  }
  if (point && !commune) commune = await communeForPoint(db, point.lat, point.lon, date);
  if (!commune) return { error: 'ri_err_location_required', field: 'commune_id' };
  if (!point) precision = village ? 'village' : 'commune';
  return {
    lat: point?.lat ?? null,
    lon: point?.lon ?? null,
    precision,
    communeId: commune.id,
    villageId: village?.id ?? null,
    communeName: commune.name
  };
}
