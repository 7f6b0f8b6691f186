/**
 * Roll-up across the 2025 reform with the real Lai Châu change table: a 2024 outreach session
 * in each of the 106 old communes counts, as of 2026, under its 2025 successor and the
 * province; as of 2024 under its old district.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { HAS_LAI_CHAU, laiChauChanges, loadLaiChau, unitIdAt } from '../support/lai-chau-geo';
import { SYSTEM } from '../../src/lib/server/access/actor';
import { createActivity } from '../../src/lib/server/program/activities/activity.service';
import { createCommitment } from '../../src/lib/server/program/commitments/commitment.service';
import { rollupUnit } from '../../src/lib/server/program/rollup/rollup.service';
import { activity, commitment, makeOrg, makeUnit } from './program-support';

const OLD = '2024-12-31';
const NEW = '2026-03-01';
const year = { from: '2024-01', to: '2024-12' };

forEachDb('roll-up: Lai Châu 2025 merger', (ctx) => {
  const changes = laiChauChanges();
  // participants of the session in old commune i: distinct, so a wrong attribution shows
  const participants = (i: number) => 10 + i;
  let province = '';
  let village = '';

  beforeAll(async () => {
    if (!HAS_LAI_CHAU) return;
    await loadLaiChau(ctx.db);
    province = await unitIdAt(ctx.db, '12', NEW);
    const org = await makeOrg(ctx.db, 'Hội NCT tỉnh Lai Châu', null, province);
    for (const [i, c] of changes.entries()) {
      const unit = await unitIdAt(ctx.db, c.oldCode, '2024-05-10');
      await createActivity(
        ctx.db,
        SYSTEM,
        activity({
          organisation_id: org,
          admin_unit_id: unit,
          count_total: String(participants(i)),
          count_elderly: '0'
        })
      );
    }
    // A village that was never re-versioned still points at its pre-2025 commune (Quyết Tiến).
    village = await makeUnit(ctx.db, {
      level: 'village',
      name: 'Bản Thử',
      parent_id: await unitIdAt(ctx.db, '03388', OLD)
    });
    await createCommitment(ctx.db, SYSTEM, commitment({ organisation_id: org, village_unit_id: village }));
  });

  it.skipIf(!HAS_LAI_CHAU)('as of 2026 counts every 2024 session under the province and its 2025 commune', async () => {
    const r = await rollupUnit(ctx.db, SYSTEM, province, { indicator: 'outreach_participants', ...year, asOf: NEW });
    const expected = new Map<string, number>();
    changes.forEach((c, i) => expected.set(c.newCode, (expected.get(c.newCode) ?? 0) + participants(i)));
    expect(r.total).toBe(changes.reduce((s, _c, i) => s + participants(i), 0));
    expect(r.own).toBe(0);
    expect(r.children).toHaveLength(38);
    const codes = await ctx.db
      .selectFrom('admin_unit')
      .select(['id', 'code'])
      .where(
        'id',
        'in',
        r.children.map((c) => c.id)
      )
      .execute();
    const codeOf = new Map(codes.map((c) => [c.id, c.code!]));
    expect(new Map(r.children.map((c) => [codeOf.get(c.id)!, c.value]))).toEqual(expected);
  });

  it.skipIf(!HAS_LAI_CHAU)('as of 2024 counts them under the 8 old districts', async () => {
    const r = await rollupUnit(ctx.db, SYSTEM, province, { indicator: 'outreach_sessions', ...year, asOf: OLD });
    expect(r.total).toBe(106);
    expect(r.children).toHaveLength(8);
    const perDistrict = new Map<string, number>();
    changes.forEach((c) => perDistrict.set(c.oldDistrict, (perDistrict.get(c.oldDistrict) ?? 0) + 1));
    const tamDuong = await unitIdAt(ctx.db, '106', OLD);
    expect(r.children.find((c) => c.id === tamDuong)?.value).toBe(perDistrict.get('106'));
    const d = await rollupUnit(ctx.db, SYSTEM, tamDuong, { indicator: 'outreach_sessions', ...year, asOf: OLD });
    expect(d.total).toBe(perDistrict.get('106'));
  });

  it.skipIf(!HAS_LAI_CHAU)(
    'an abolished district holds nothing as of 2026; a merged commune holds its predecessors',
    async () => {
      const tamDuong = await unitIdAt(ctx.db, '106', OLD);
      expect(
        (await rollupUnit(ctx.db, SYSTEM, tamDuong, { indicator: 'outreach_sessions', ...year, asOf: NEW })).total
      ).toBe(0);
      // New Phường Đoàn Kết (03388) merges several old wards: all of them land on it, as its own.
      const doanKet = await unitIdAt(ctx.db, '03388', NEW);
      const merged = changes.filter((c) => c.newCode === '03388').length;
      const r = await rollupUnit(ctx.db, SYSTEM, doanKet, { indicator: 'outreach_sessions', ...year, asOf: NEW });
      expect(r.total).toBe(merged);
      expect(r.own).toBe(merged);
    }
  );

  it.skipIf(!HAS_LAI_CHAU)('a village under a pre-2025 commune climbs through its successor as of 2026', async () => {
    const doanKet = await unitIdAt(ctx.db, '03388', NEW);
    const quyetTien = await unitIdAt(ctx.db, '03388', OLD);
    const q = { indicator: 'commitments_households', ...year };
    const now = await rollupUnit(ctx.db, SYSTEM, doanKet, { ...q, asOf: NEW });
    expect(now.total).toBe(1);
    expect(now.children.find((c) => c.id === village)?.value).toBe(1);
    expect((await rollupUnit(ctx.db, SYSTEM, quyetTien, { ...q, asOf: OLD })).total).toBe(1);
    expect((await rollupUnit(ctx.db, SYSTEM, province, { ...q, asOf: NEW })).total).toBe(1);
  });

  it.skipIf(!HAS_LAI_CHAU)('gives the monthly series', async () => {
    const r = await rollupUnit(ctx.db, SYSTEM, province, {
      indicator: 'outreach_sessions',
      from: '2024-01',
      to: '2024-12',
      asOf: NEW,
      byMonth: true
    });
    expect(r.months).toEqual([{ month: '2024-05', value: 106 }]);
  });
});
