/**
 * Point-in-polygon for GeoJSON Polygon / MultiPolygon (WGS84, [lon, lat]). Ray casting,
 * with holes: a point is inside a polygon when it is inside the outer ring and in no hole.
 * Boundaries are approximate anyway (see shared/data README), so edge cases on the line
 * itself may go either way.
 */
export type Position = number[];
export type Ring = Position[];
export type PolygonGeometry =
  { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(lon: number, lat: number, rings: Ring[]): boolean {
  if (rings.length === 0 || !inRing(lon, lat, rings[0])) return false;
  return !rings.slice(1).some((hole) => inRing(lon, lat, hole));
}

export function containsPoint(geometry: PolygonGeometry, lon: number, lat: number): boolean {
  if (geometry.type === 'Polygon') return inPolygon(lon, lat, geometry.coordinates);
  return geometry.coordinates.some((polygon) => inPolygon(lon, lat, polygon));
}

export function bboxOf(geometry: PolygonGeometry): BBox {
  const box = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const [lon, lat] of polygon[0] ?? []) {
      box.minLon = Math.min(box.minLon, lon);
      box.maxLon = Math.max(box.maxLon, lon);
      box.minLat = Math.min(box.minLat, lat);
      box.maxLat = Math.max(box.maxLat, lat);
    }
  }
  return box;
}

const isPosition = (p: unknown): boolean =>
  Array.isArray(p) &&
  p.length >= 2 &&
  typeof p[0] === 'number' &&
  typeof p[1] === 'number' &&
  Math.abs(p[0]) <= 180 &&
  Math.abs(p[1]) <= 90;
const isRing = (r: unknown): boolean => Array.isArray(r) && r.length >= 4 && r.every(isPosition);
const isPolygon = (p: unknown): boolean => Array.isArray(p) && p.length >= 1 && p.every(isRing);

/** Shape check of an untrusted geometry; returns an error message or null. */
export function checkGeometry(g: unknown): string | null {
  const geom = g as { type?: unknown; coordinates?: unknown } | null;
  if (!geom || typeof geom !== 'object') return 'geometry is missing';
  if (geom.type === 'Polygon') return isPolygon(geom.coordinates) ? null : 'Polygon coordinates are malformed';
  if (geom.type === 'MultiPolygon') {
    const ok = Array.isArray(geom.coordinates) && geom.coordinates.length > 0 && geom.coordinates.every(isPolygon);
    return ok ? null : 'MultiPolygon coordinates are malformed';
  }
  return `geometry type ${String(geom.type)} is not Polygon or MultiPolygon`;
}
