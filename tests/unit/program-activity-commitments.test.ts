/** Commitment pages' services on both databases: coverage, batches by count, one-time keys, scope, exports. */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, seedDemo } from '../support/demo';
import { useTempMedia } from './reports-intake-support';
import * as cpages from '../../src/lib/server/program/commitments/commitment-page.service';
import { commitmentQuerySchema } from '../../src/lib/server/program/commitments/commitment-filter';
import { commitmentTable, toCsv } from '../../src/lib/server/program/activities/export-program.service';
import type { Actor } from '../../src/lib/server/access/actor';
import { demoIds, photoWithExif, readCommitmentForm } from './program-activity-support';

const noCommitmentFilter = commitmentQuerySchema.parse({});

forEachDb('program commitment pages', (ctx) => {
  const who: Record<string, Actor> = {};
  let ids: Awaited<ReturnType<typeof demoIds>>;
  beforeAll(async () => {
    useTempMedia();
    await seedDemo(ctx.db);
    for (const u of ['chihoi.truong', 'canbo.doanket', 'canbo.binhlu']) who[u] = await actorFor(ctx.db, u);
    ids = await demoIds(ctx.db);
  });
  async function commit(
    actor: Actor,
    fields: Record<string, string>,
    key: string | null = null,
    photo: Buffer | null = null
  ) {
    const f = new FormData();
    for (const [k, v] of Object.entries({
      party: 'household',
      kind_id: 'ck-sorting',
      signed_on: '15/03/2026',
      ...fields
    }))
      f.append(k, v);
    const read = readCommitmentForm(f);
    if (!read.parsed.ok) throw new Error(JSON.stringify(read.parsed.errors));
    const { household_count, ...input } = read.parsed.data;
    return cpages.submitCommitment(
      ctx.db,
      actor,
      input,
      photo ? [{ data: photo, type: 'image/jpeg' }] : [],
      key,
      household_count
    );
  }
  const village = async (actor: Actor, id: string) =>
    (await cpages.villageSummary(ctx.db, actor, noCommitmentFilter)).find((v) => v.id === id)!;

  it('counts per village and coverage of known households; a household signing twice is one household', async () => {
    const before = await village(who['chihoi.truong'], ids.village1);
    expect(before.households_known).toBe(120);
    const at = { organisation_id: ids.branch1, village_unit_id: ids.village1 };
    await commit(who['chihoi.truong'], { ...at, household_name: 'Hộ ông Lò Văn Pọm' });
    await commit(who['chihoi.truong'], { ...at, household_name: 'Hộ ông Lò Văn Pọm', kind_id: 'ck-no_burning' });
    await commit(who['chihoi.truong'], { ...at, household_name: 'Hộ bà Tòng Thị Ín' });
    const after = await village(who['chihoi.truong'], ids.village1);
    expect(after.total - before.total).toBe(3);
    expect(after.distinct_households - before.distinct_households).toBe(2);
    expect(after.coverage).toBe(cpages.coverage(after.distinct_households, 120));
    expect(cpages.coverage(3, 120)).toBe(2.5);
  });

  it('records a number of households without names, once per household', async () => {
    const at = {
      organisation_id: ids.branch1,
      village_unit_id: ids.village1,
      household_count: '12',
      signed_on: '20/03/2026'
    };
    const before = await village(who['chihoi.truong'], ids.village1);
    await commit(who['chihoi.truong'], at, 'b'.repeat(24));
    await commit(who['chihoi.truong'], at, 'b'.repeat(24)); // a retry
    await commit(who['chihoi.truong'], { ...at, kind_id: 'ck-no_burning' }); // the same households, another commitment
    const after = await village(who['chihoi.truong'], ids.village1);
    expect([
      after.total - before.total,
      after.households - before.households,
      after.distinct_households - before.distinct_households
    ]).toEqual([24, 24, 12]);
    const names = (
      await cpages.findCommitments(
        ctx.db,
        who['chihoi.truong'],
        commitmentQuerySchema.parse({ from: '2026-03-20', to: '2026-03-20' }),
        100,
        0
      )
    ).map((r) => r.household_name);
    expect(names).toContain('Hộ thứ 12/12, ký ngày 20/03/2026');
  });

  it('shows no coverage where the household count is unknown', async () => {
    expect((await village(who['canbo.binhlu'], ids.village4)).coverage).toBeNull();
    expect(cpages.coverage(5, null)).toBeNull();
    expect(cpages.coverage(500, 120)).toBe(100);
  });

  it('is idempotent, keeps the signed sheet, and is out of reach of another commune', async () => {
    const key = 'c'.repeat(22);
    const at = { organisation_id: ids.branch1, village_unit_id: ids.village1, household_name: 'Hộ ông Giàng A Sử' };
    const first = await commit(who['chihoi.truong'], at, key, await photoWithExif());
    expect((await commit(who['chihoi.truong'], at, key)).id).toBe(first.id);
    const view = await cpages.commitmentView(ctx.db, who['chihoi.truong'], first.id);
    expect(view.photos).toHaveLength(1);
    expect(view.photo_path).toBe(view.photos[0].url);
    await expect(cpages.commitmentView(ctx.db, who['canbo.binhlu'], first.id)).rejects.toMatchObject({
      code: 'NOT_FOUND'
    });
    await expect(cpages.removeCommitment(ctx.db, who['canbo.binhlu'], first.id)).rejects.toMatchObject({
      code: 'NOT_FOUND'
    });
    await expect(commit(who['chihoi.truong'], { ...at, village_unit_id: ids.village3 })).rejects.toMatchObject({
      message: 'pa_err_place'
    });
  });

  it('exports commitments in scope only', async () => {
    const t = await commitmentTable(ctx.db, who['canbo.doanket'], noCommitmentFilter);
    expect(t.rows.flat()).toContain('Hộ bà Tòng Thị Ín');
    expect(t.rows.flat()).toContain('Hộ gia đình');
    expect((await commitmentTable(ctx.db, who['canbo.binhlu'], noCommitmentFilter)).rows.flat()).not.toContain(
      'Hộ bà Tòng Thị Ín'
    );
    expect(toCsv(t).split('\r\n')[0]).toBe(
      '\uFEFFNgày,Nội dung cam kết,Bên ký,Hộ hoặc người ký,"Thôn, bản",Tổ chức,Ghi chú'
    );
  });
});
