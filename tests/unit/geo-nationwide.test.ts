import { expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { ACTOR, HAS_DATA, data } from './geo-support';
import { importMergesFile, importUnitsFile } from '../../src/lib/server/geo/import/files';
import { listUnits, predecessorsOf, unitAt } from '../../src/lib/server/geo/unit.service';

// The heavy one: the whole country at 01/07/2025, then the mid-2026 list on top of it.
forEachDb('geo: nationwide lists', (ctx) => {
  const communes = async (at: string) => (await listUnits(ctx.db, { level: 'commune', at, limit: 1, offset: 0 })).total;

  it.skipIf(!HAS_DATA)('imports the 3,321-commune list of 01/07/2025', { timeout: 120_000 }, async () => {
    const started = performance.now();
    const stats = await importUnitsFile(ctx.db, ACTOR, data('vietnam/units-2025-07-01_v3.0.2_34-provinces.json'), {
      validFrom: '2025-07-01'
    });
    const ms = Math.round(performance.now() - started);
    console.log(`[${ctx.kind}] nationwide 2025 import: ${stats.created} units in ${ms} ms`);
    expect(stats.created).toBe(34 + 3321);
    expect(await communes('2025-07-01')).toBe(3321);
    expect((await listUnits(ctx.db, { level: 'province', at: '2025-07-01', limit: 1, offset: 0 })).total).toBe(34);
  });

  it.skipIf(!HAS_DATA)(
    're-imports the 2026 list: Đồng Nai retypes, one rename, respellings untouched',
    { timeout: 120_000 },
    async () => {
      const before = await ctx.db
        .selectFrom('admin_unit')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const started = performance.now();
      const stats = await importUnitsFile(ctx.db, ACTOR, data('vietnam/units-2026-07-25_v4.2.0_34-provinces.json'), {
        validFrom: '2026-07-25',
        legalBasis: '30/2026/QH16'
      });
      console.log(
        `[${ctx.kind}] nationwide 2026 re-import: ${JSON.stringify(stats)} in ${Math.round(performance.now() - started)} ms`
      );
      // Đồng Nai province and 10 of its communes change type; "Phó Bảng" → "Phố Bảng" is a real rename.
      expect(stats).toMatchObject({ retype: 11, rename: 1, created: 0, reparent: 0, corrected: 0 });
      expect(stats.unchanged).toBe(34 + 3321 - 12);
      const after = await ctx.db
        .selectFrom('admin_unit')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n) - Number(before.n)).toBe(12); // no new versions for ~190 tone-mark respellings
      expect(await communes('2026-07-25')).toBe(3321);

      const ward = await unitAt(ctx.db, '26368', '2026-07-25');
      expect(ward).toMatchObject({ full_name: 'Phường Long Thành', type: 'phuong' });
      expect((await unitAt(ctx.db, '26368', '2026-07-24'))?.type).toBe('xa');
      const history = await predecessorsOf(ctx.db, ward!.id);
      expect(history.map((h) => [h.kind, h.effective_date, h.legal_basis, h.unit.full_name])).toEqual([
        ['retype', '2026-07-25', '30/2026/QH16', 'Xã Long Thành']
      ]);
      // A respelled commune keeps its single row and its 2025 spelling.
      const hoa = await ctx.db
        .selectFrom('admin_unit')
        .select(['code', 'valid_from', 'valid_to'])
        .where('name', 'like', '%Hòa%')
        .where('level', '=', 'commune')
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(hoa).toMatchObject({ valid_from: '2025-07-01', valid_to: null });
      // Children of Đồng Nai as of 2026 follow the new province version and the old one.
      const dongNai = await unitAt(ctx.db, '75', '2026-07-25');
      expect(dongNai?.type).toBe('thanh_pho');
      const kids = await listUnits(ctx.db, { at: '2026-07-25', parent: dongNai!.id, limit: 1, offset: 0 });
      const kidsBefore = await listUnits(ctx.db, { at: '2026-01-01', parent: '75', limit: 1, offset: 0 });
      expect(kids.total).toBe(kidsBefore.total);
      expect(kids.total).toBeGreaterThan(90);
    }
  );
});

forEachDb('geo: nationwide 2025 mapping', (ctx) => {
  it.skipIf(!HAS_DATA)(
    'links 10,035 old communes to the 3,321 new ones; refuses unknown codes unless told to skip them',
    { timeout: 180_000 },
    async () => {
      await importUnitsFile(ctx.db, ACTOR, data('vietnam/units-pre-2025_v2.4.1_63-provinces.json'), {
        validFrom: '2008-01-01'
      });
      await importUnitsFile(ctx.db, ACTOR, data('vietnam/units-2025-07-01_v3.0.2_34-provinces.json'), {
        validFrom: '2025-07-01'
      });
      const file = data('vietnam/mapping-2025/merges.json');
      // DV25 and TLQ disagree on a dozen codes: the strict import names them and writes nothing.
      const refused = await importMergesFile(ctx.db, ACTOR, file, '2025-07-01', 'NQ 1654–1687/NQ-UBTVQH15').catch(
        (e) => e
      );
      expect(refused.issues.length).toBeGreaterThan(5);
      expect(refused.issues[0].where).toMatch(/^data\[\d+\]\.level2s\[\d+\]/);
      expect(await ctx.db.selectFrom('unit_change').select('id').where('kind', '=', 'merge').execute()).toHaveLength(0);
      const started = performance.now();
      const stats = await importMergesFile(ctx.db, ACTOR, file, '2025-07-01', 'NQ 1654–1687/NQ-UBTVQH15', {
        skipUnknown: true
      });
      console.log(
        `[${ctx.kind}] nationwide merges: ${stats.merges} merges, ${stats.links} links in ${Math.round(performance.now() - started)} ms`
      );
      expect(stats.unknownSkipped).toBe(refused.issues.length);
      expect(stats.abolishedDistricts).toBeGreaterThan(680);
      expect((await listUnits(ctx.db, { level: 'district', at: '2025-07-01', limit: 1, offset: 0 })).total).toBe(0);
      const baDinh = await unitAt(ctx.db, '00004', '2025-07-01');
      const preds = await predecessorsOf(ctx.db, baDinh!.id);
      expect(preds.some((p) => p.share === 'partial')).toBe(true);
    }
  );
});
