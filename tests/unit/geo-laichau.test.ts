import { expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forEachDb } from '../support/db';
import { ACTOR, HAS_DATA, data } from './geo-support';
import { importChangeTableFile, importGeoJsonPath, importUnitsFile } from '../../src/lib/server/geo/import/files';
import { ImportError } from '../../src/lib/server/geo/import/issues';
import { parseCsv } from '../../src/lib/server/geo/import/csv';
import {
  childrenOf,
  listUnits,
  predecessorsOf,
  resolvePoint,
  successorsAt,
  successorsOf,
  unitAt
} from '../../src/lib/server/geo/unit.service';
import { findUnitById } from '../../src/lib/server/geo/unit.repository';

const count = async (db: Parameters<typeof listUnits>[0], level: 'district' | 'commune', at: string) =>
  (await listUnits(db, { level, at, parent: '12', limit: 1, offset: 0 })).total;

forEachDb('geo: Lai Châu 2025 reform', (ctx) => {
  it.skipIf(!HAS_DATA)('imports the lists, the change table and the polygons', async () => {
    const pre = await importUnitsFile(ctx.db, ACTOR, data('lai-chau/units-pre-2025_lai-chau.json'), {
      validFrom: '2008-01-01'
    });
    expect(pre.created).toBe(1 + 8 + 106);
    const post = await importUnitsFile(ctx.db, ACTOR, data('lai-chau/units-2025-07-01_lai-chau.json'), {
      validFrom: '2025-07-01'
    });
    expect(post).toMatchObject({ created: 38, unchanged: 1 });
    const changes = await importChangeTableFile(ctx.db, ACTOR, data('lai-chau/unit-changes-2025-07-01_lai-chau.csv'));
    expect(changes).toMatchObject({ merges: 38, links: 106, abolishedDistricts: 8 });
    const geo = await importGeoJsonPath(ctx.db, ACTOR, data('lai-chau/geojson-2025/wards'), '2025-07-01');
    expect(geo.attached).toBe(38);
  });

  it.skipIf(!HAS_DATA)(
    'has 8 districts and 106 communes on 30/06/2025, 38 communes and no district on 01/07/2025',
    async () => {
      expect(await count(ctx.db, 'district', '2025-06-30')).toBe(8);
      expect((await listUnits(ctx.db, { level: 'commune', at: '2025-06-30', limit: 1, offset: 0 })).total).toBe(106);
      expect(await count(ctx.db, 'commune', '2025-07-01')).toBe(38);
      expect((await listUnits(ctx.db, { level: 'district', at: '2025-07-01', limit: 1, offset: 0 })).total).toBe(0);
      expect((await childrenOf(ctx.db, '105', '2025-06-30')).map((c) => c.name)).toHaveLength(7);
    }
  );

  it.skipIf(!HAS_DATA)('reads code 03388 as Quyết Tiến before the reform and Đoàn Kết after', async () => {
    expect((await unitAt(ctx.db, '03388', '2025-06-30'))?.full_name).toBe('Phường Quyết Tiến');
    expect((await unitAt(ctx.db, '03388', '2025-07-01'))?.full_name).toBe('Phường Đoàn Kết');
    const oldDoanKet = await unitAt(ctx.db, '03389', '2025-06-30');
    expect((await successorsAt(ctx.db, oldDoanKet!.id, '2026-01-01')).map((u) => u.code)).toEqual(['03388']);
    expect(await unitAt(ctx.db, '03389', '2025-07-01')).toBeNull();
  });

  it.skipIf(!HAS_DATA)('traces each of the 6 communes straddling two former districts back to both', async () => {
    const { records } = parseCsv(fs.readFileSync(data('lai-chau/communes-2025_lai-chau_summary.csv'), 'utf8'));
    const straddling = records.filter((r) => r.values.former_districts.includes(';'));
    expect(straddling).toHaveLength(6);
    for (const r of straddling) {
      const unit = await unitAt(ctx.db, r.values.code, '2025-07-01');
      const preds = await predecessorsOf(ctx.db, unit!.id);
      expect(preds.every((p) => p.kind === 'merge' && p.legal_basis === '1670/NQ-UBTVQH15')).toBe(true);
      const districts = new Set<string>();
      for (const p of preds) districts.add((await findUnitById(ctx.db, p.unit.parent_id!))!.full_name);
      expect([...districts].sort()).toEqual(r.values.former_districts.split('; ').sort());
    }
  });

  it.skipIf(!HAS_DATA)('records district abolition and successor links', async () => {
    const district = await unitAt(ctx.db, '106', '2025-06-30');
    expect(district?.valid_to).toBe('2025-07-01');
    const quyetTien = await unitAt(ctx.db, '03388', '2025-06-30');
    const succ = await successorsOf(ctx.db, quyetTien!.id);
    expect(succ.map((s) => [s.unit.full_name, s.kind, s.effective_date])).toEqual([
      ['Phường Đoàn Kết', 'merge', '2025-07-01']
    ]);
  });

  it.skipIf(!HAS_DATA)(
    'resolves a coordinate inside a commune polygon to that commune, and one outside to none',
    async () => {
      const hit = await resolvePoint(ctx.db, 22.4328, 103.4008, '2025-07-01');
      expect(hit?.full_name).toBe('Phường Đoàn Kết');
      expect((await resolvePoint(ctx.db, 22.3516, 103.6752, '2025-07-01'))?.full_name).toBe('Xã Bình Lư');
      expect(await resolvePoint(ctx.db, 21.0285, 105.8542, '2025-07-01')).toBeNull(); // Hà Nội
      expect(await resolvePoint(ctx.db, 22.4328, 103.4008, '2025-06-30')).toBeNull(); // polygons are 2025 units
    }
  );

  it.skipIf(!HAS_DATA)('searches ignoring diacritics and đ, and sorts in Vietnamese order', async () => {
    const found = await listUnits(ctx.db, { at: '2025-07-01', q: 'doan ket', limit: 10, offset: 0 });
    expect(found.items.map((u) => u.full_name)).toEqual(['Phường Đoàn Kết']);
    const all = await listUnits(ctx.db, { level: 'commune', at: '2025-07-01', limit: 100, offset: 0 });
    const names = all.items.map((u) => u.name);
    expect(names.indexOf('Bum Tở')).toBeLessThan(names.indexOf('Đoàn Kết'));
    expect(names.indexOf('Đoàn Kết')).toBeLessThan(names.indexOf('Hua Bum'));
  });

  it.skipIf(!HAS_DATA)('re-importing the same files changes nothing', async () => {
    const again = await importUnitsFile(ctx.db, ACTOR, data('lai-chau/units-2025-07-01_lai-chau.json'), {
      validFrom: '2025-07-01'
    });
    expect(again).toMatchObject({ created: 0, unchanged: 39 });
    const changes = await importChangeTableFile(ctx.db, ACTOR, data('lai-chau/unit-changes-2025-07-01_lai-chau.csv'));
    expect(changes).toMatchObject({ merges: 0, skipped: 38 });
  });
});

forEachDb('geo: imports are all-or-nothing', (ctx) => {
  const total = async (table: 'admin_unit' | 'unit_change') =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n
    );

  it.skipIf(!HAS_DATA)('refuses files with a bad row, changes nothing and names the line', async () => {
    await importUnitsFile(ctx.db, ACTOR, data('lai-chau/units-pre-2025_lai-chau.json'), { validFrom: '2008-01-01' });
    await importUnitsFile(ctx.db, ACTOR, data('lai-chau/units-2025-07-01_lai-chau.json'), { validFrom: '2025-07-01' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'geo-'));
    const csv = fs.readFileSync(data('lai-chau/unit-changes-2025-07-01_lai-chau.csv'), 'utf8').split('\n');
    csv[5] = csv[5].replace(',full,', ',most,');
    csv[9] = csv[9].replace(/^\d+/, '99999');
    fs.writeFileSync(path.join(dir, 'bad.csv'), csv.join('\n'));
    const units = JSON.parse(fs.readFileSync(data('lai-chau/units-2025-07-01_lai-chau.json'), 'utf8'));
    units.Wards[3].Name = 'Renamed';
    units.Wards[7].Code = '12';
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(units));
    const [unitsBefore, changesBefore] = [await total('admin_unit'), await total('unit_change')];

    const parseError = await importChangeTableFile(ctx.db, ACTOR, path.join(dir, 'bad.csv')).catch((e) => e);
    expect(parseError).toBeInstanceOf(ImportError);
    expect(parseError.issues.map((i: { where: string }) => i.where)).toEqual(['line 6']);
    // A well-formed row naming an unknown commune is caught inside the transaction, after
    // 105 good rows were planned: still nothing may be written.
    csv[5] = csv[5].replace(',most,', ',full,');
    fs.writeFileSync(path.join(dir, 'bad.csv'), csv.join('\n'));
    const unknown = await importChangeTableFile(ctx.db, ACTOR, path.join(dir, 'bad.csv')).catch((e) => e);
    expect(unknown).toBeInstanceOf(ImportError);
    expect(unknown.issues).toEqual([{ where: 'line 10', message: 'no commune 99999 valid on 2025-06-30' }]);

    const jsonError = await importUnitsFile(ctx.db, ACTOR, path.join(dir, 'bad.json'), {
      validFrom: '2026-01-01'
    }).catch((e) => e);
    expect(jsonError.issues).toEqual([{ where: '$.Wards[7] (code 12)', message: expect.stringMatching(/5 digits/) }]);
    expect(await total('admin_unit')).toBe(unitsBefore);
    expect(await total('unit_change')).toBe(changesBefore);
    // The 68 old communes whose codes were not reused stay open until the mapping applies.
    expect((await listUnits(ctx.db, { level: 'commune', at: '2025-07-01', limit: 1, offset: 0 })).total).toBe(38 + 68);
    expect((await unitAt(ctx.db, units.Wards[3].Code, '2026-02-01'))?.name).not.toBe('Renamed');
  });
});
