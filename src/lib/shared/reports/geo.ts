/**
 * Distances, public location rounding and duplicate suggestions (pure, isomorphic).
 * WGS84 degrees; distances in metres on a spherical Earth (good to ~0.5 %, plenty for 500 m).
 */
import { LIMITS } from './constants';

const R = 6_371_008.8; // mean Earth radius, metres
const rad = (d: number) => (d * Math.PI) / 180;
const M_PER_DEG_LAT = 111_320;

export function haversineMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * The centre of the ~500 m grid cell holding the point. Snapping to a fixed grid (rather than
 * adding noise) means repeated publications of one place cannot be averaged back to it.
 */
export function roundToGrid(
  lat: number,
  lon: number,
  meters: number = LIMITS.publicGridMeters
): { lat: number; lon: number } {
  const latStep = meters / M_PER_DEG_LAT;
  const cellLat = (Math.floor(lat / latStep) + 0.5) * latStep;
  // Longitude step from the cell's centre latitude, so every point in a row shares one step.
  const lonStep = meters / (M_PER_DEG_LAT * Math.cos(rad(cellLat)));
  const cellLon = (Math.floor(lon / lonStep) + 0.5) * lonStep;
  return { lat: Number(cellLat.toFixed(5)), lon: Number(cellLon.toFixed(5)) };
}

/** Lat/lon box around a point, for a cheap indexed pre-filter before `haversineMeters`. */
export function boundingBox(lat: number, lon: number, meters: number) {
  const dLat = meters / M_PER_DEG_LAT;
  const dLon = meters / (M_PER_DEG_LAT * Math.max(0.01, Math.cos(rad(lat))));
  return { minLat: lat - dLat, maxLat: lat + dLat, minLon: lon - dLon, maxLon: lon + dLon };
}

export interface DuplicateProbe {
  id: string;
  categoryId: string;
  observedOn: string; // 'YYYY-MM-DD'
  lat: number | null;
  lon: number | null;
}

const dayDiff = (a: string, b: string) =>
  Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;

/**
 * Likely duplicates of `report`: same category, within 500 m and 14 days of each other,
 * nearest first. Reports without coordinates are never suggested (officers merge them by hand).
 */
export function suggestDuplicates<T extends DuplicateProbe>(
  report: DuplicateProbe,
  candidates: readonly T[]
): (T & { meters: number })[] {
  if (report.lat === null || report.lon === null) return [];
  const out: (T & { meters: number })[] = [];
  for (const c of candidates) {
    if (c.id === report.id || c.categoryId !== report.categoryId || c.lat === null || c.lon === null) continue;
    if (dayDiff(c.observedOn, report.observedOn) > LIMITS.duplicateDays) continue;
    const meters = haversineMeters(report.lat, report.lon, c.lat, c.lon);
    if (meters <= LIMITS.duplicateMeters) out.push({ ...c, meters: Math.round(meters) });
  }
  return out.sort((a, b) => a.meters - b.meters);
}
