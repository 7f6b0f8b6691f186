/** Attach commune (or province) polygons to the units valid on a date. One transaction. */
import type { Db } from '$lib/server/db';
import { audit } from '$lib/server/audit/audit.service';
import type { Actor } from '$lib/server/access/actor';
import type { UnitGeometryTable } from '$lib/server/db/schema';
import { deleteGeometries, findCodedUnitsAt, insertGeometries } from '../unit.repository';
import { throwIfIssues, type ImportIssue } from './issues';
import type { GeometryRecord } from './geojson';

export async function importGeometries(
  db: Db,
  actor: Actor,
  records: GeometryRecord[],
  at: string,
  source: string
): Promise<{ attached: number }> {
  return db.transaction().execute(async (tx) => {
    const units = await findCodedUnitsAt(tx, ['province', 'commune'], at);
    const byKey = new Map(units.map((u) => [`${u.level}:${u.code}`, u.id]));
    const issues: ImportIssue[] = [];
    const rows: UnitGeometryTable[] = [];
    for (const r of records) {
      const level = r.code.length === 2 ? 'province' : 'commune';
      const unitId = byKey.get(`${level}:${r.code}`);
      if (!unitId) {
        issues.push({ where: r.where, message: `no ${level} ${r.code} valid on ${at}` });
        continue;
      }
      rows.push({
        unit_id: unitId,
        geojson: JSON.stringify(r.geometry),
        min_lon: r.bbox.minLon,
        min_lat: r.bbox.minLat,
        max_lon: r.bbox.maxLon,
        max_lat: r.bbox.maxLat,
        source
      });
    }
    throwIfIssues(issues);
    await deleteGeometries(
      tx,
      rows.map((r) => r.unit_id)
    );
    await insertGeometries(tx, rows);
    await audit(tx, actor, {
      action: 'import',
      entityType: 'unit_geometry',
      entityId: null,
      after: { attached: rows.length, at, source }
    });
    return { attached: rows.length };
  });
}
