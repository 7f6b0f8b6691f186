/**
 * Loads the real Lai Châu geography into a test database with the geo importers:
 * 106 pre-2025 communes under 8 districts (valid until 2025-07-01), the 38 communes of
 * 2025 directly under the province, and the 106 merge links of Resolution 1670.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/lib/server/db';
import { SYSTEM } from '../../src/lib/server/access/actor';
import { importChangeTableFile, importUnitsFile } from '../../src/lib/server/geo/import/files';

export const GEO_DATA = path.resolve(process.cwd(), '../shared/data/lai-chau');
export const HAS_LAI_CHAU = fs.existsSync(path.join(GEO_DATA, 'unit-changes-2025-07-01_lai-chau.csv'));

const file = (name: string) => path.join(GEO_DATA, name);

export async function loadLaiChau(db: Db): Promise<void> {
  const actor = { ...SYSTEM, name: 'test' };
  await importUnitsFile(db, actor, file('units-pre-2025_lai-chau.json'), { validFrom: '2008-01-01' });
  await importUnitsFile(db, actor, file('units-2025-07-01_lai-chau.json'), { validFrom: '2025-07-01' });
  await importChangeTableFile(db, actor, file('unit-changes-2025-07-01_lai-chau.csv'));
}

/** Rows of the change table: old commune code → new commune code, with the old district. */
export function laiChauChanges(): { oldCode: string; oldDistrict: string; newCode: string }[] {
  const lines = fs.readFileSync(file('unit-changes-2025-07-01_lai-chau.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map((l) => {
    const c = l.split(',');
    return { oldCode: c[0], oldDistrict: c[2], newCode: c[4] };
  });
}

/** The admin_unit id of the unit with `code` valid on `date`. */
export async function unitIdAt(db: Db, code: string, date: string): Promise<string> {
  const row = await db
    .selectFrom('admin_unit')
    .select('id')
    .where('code', '=', code)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .executeTakeFirstOrThrow();
  return row.id;
}
