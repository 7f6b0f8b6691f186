/**
 * Commune polygons in the TLQ GeoJSON format: a FeatureCollection (or one Feature) whose
 * feature `id` or `properties.code` is the unit code.
 */
import type { ImportIssue } from './issues';
import { bboxOf, checkGeometry, type BBox, type PolygonGeometry } from '../geometry';

export interface GeometryRecord {
  where: string;
  code: string;
  geometry: PolygonGeometry;
  bbox: BBox;
}

export function parseGeoJson(json: unknown, file: string): { records: GeometryRecord[]; issues: ImportIssue[] } {
  const root = json as { type?: string; features?: unknown[] } | null;
  const features =
    root?.type === 'FeatureCollection' && Array.isArray(root.features)
      ? root.features
      : root?.type === 'Feature'
        ? [root]
        : null;
  if (!features)
    return { records: [], issues: [{ where: file, message: 'not a GeoJSON Feature or FeatureCollection' }] };
  const records: GeometryRecord[] = [];
  const issues: ImportIssue[] = [];
  features.forEach((f, i) => {
    const where = `${file}#features[${i}]`;
    const feature = f as { id?: unknown; properties?: { code?: unknown }; geometry?: unknown };
    const code = String(feature?.properties?.code ?? feature?.id ?? '');
    const problem = !/^\d{2}(\d{3})?$/.test(code)
      ? `code "${code}" must be 2 or 5 digits`
      : checkGeometry(feature.geometry);
    if (problem) issues.push({ where, message: problem });
    else
      records.push({
        where,
        code,
        geometry: feature.geometry as PolygonGeometry,
        bbox: bboxOf(feature.geometry as PolygonGeometry)
      });
  });
  return { records, issues };
}
