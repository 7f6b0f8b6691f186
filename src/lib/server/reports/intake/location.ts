/**
 * Where a report is: a map pin or GPS point resolved to its commune (the polygon that holds
 * it, or the nearest commune centre while polygons are not imported), a picked village or
 * commune, the GPS found in a photo, or, for clients that can only send an address, the
 * free text alone: such a report waits, without a commune, for an officer to place it.
 */
import type { Db } from '$lib/server/db';
import type { LocationPrecision } from '$lib/shared/reports/constants';
import { findUnitOn } from './intake.repository';
import { intakeReference, type IntakeReference } from './reference';

export { NEAREST_CENTRE_MAX_METERS } from './reference';

export interface ResolvedLocation {
  lat: number | null;
  lon: number | null;
  precision: LocationPrecision;
  communeId: string | null; // null: only the free-text place is known ('address')
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
  text?: string;
  /** Accept a free-text place with no commune (Open311 clients cannot name one). */
  allowUnplaced?: boolean;
}

type Failure = { error: string; field: string };

/**
 * The commune for a point: the polygon that holds it; when polygons are imported and none
 * does, the point is outside the province (null); without polygons, the nearest centre
 * within NEAREST_CENTRE_MAX_METERS. From the in-memory reference data (reference.ts).
 */
export async function communeForPoint(db: Db, lat: number, lon: number, date: string, ref?: IntakeReference) {
  return (ref ?? (await intakeReference(db))).communeForPoint(lat, lon, date);
}

type Picked = {
  village: { id: string; parent_id: string | null } | null;
  commune: { id: string; name: string } | null;
};

async function pickedCommune(db: Db, input: LocationInput, date: string): Promise<Picked | Failure> {
  let village: { id: string; parent_id: string | null } | null = null;
  if (input.villageId) {
    const v = await findUnitOn(db, input.villageId, date);
    if (!v || v.level !== 'village' || !v.parent_id) return { error: 'err_invalid', field: 'village_id' };
    if (input.communeId && input.communeId !== v.parent_id)
      return { error: 'ri_err_village_commune', field: 'village_id' };
    village = v;
  }
  const picked = input.communeId || village?.parent_id || '';
  if (!picked) return { village, commune: null };
  const c = await findUnitOn(db, picked, date);
  if (!c || c.level !== 'commune') return { error: 'err_invalid', field: 'commune_id' };
  return { village, commune: { id: c.id, name: c.full_name } };
}

/** Returns an error key (for field `commune_id` / `village_id` / `lat`) or the location. */
export async function resolveLocation(
  db: Db,
  input: LocationInput,
  date: string,
  ref?: IntakeReference
): Promise<ResolvedLocation | Failure> {
  const picked = await pickedCommune(db, input, date);
  if ('error' in picked) return picked;
  const { village } = picked;
  let commune = picked.commune;
  let point = input.lat !== '' ? { lat: Number(input.lat), lon: Number(input.lon) } : null;
  let precision: LocationPrecision = input.source === 'gps' ? 'gps' : 'pin';
  if (!point && !commune && input.photoGps) {
    point = input.photoGps;
    precision = 'photo';
  }
  if (point && !commune) {
    commune = await communeForPoint(db, point.lat, point.lon, date, ref);
    // A photo taken elsewhere is no reason to refuse: ask for the commune instead.
    if (!commune && precision !== 'photo') return { error: 'o311_err_outside', field: 'lat' };
  }
  if (!commune && !point && input.allowUnplaced && input.text?.trim())
    return { lat: null, lon: null, precision: 'address', communeId: null, villageId: null, communeName: '' };
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
