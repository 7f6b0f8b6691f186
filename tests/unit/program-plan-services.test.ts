/**
 * Programs, yearly plans, manual values and models on the demo seed: plans sum their
 * children's targets beside their own, scope answers 404, manual values replace not add.
 */
import { beforeAll, expect, it, vi } from 'vitest';

vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'cs-pp-'));
});

import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import type { Actor } from '../../src/lib/server/access/actor';
import * as programs from '../../src/lib/server/program/programs/program.service';
import * as plans from '../../src/lib/server/program/plans/plan.service';
import * as manual from '../../src/lib/server/program/indicators/manual-value.service';
import * as models from '../../src/lib/server/program/models/model.service';
import { modelDetails, replicationTree } from '../../src/lib/server/program/models/model-list.service';
import { programSchema } from '../../src/lib/server/program/programs/program.schema';
import { planSchema } from '../../src/lib/server/program/plans/plan.schema';
import { manualValueSchema } from '../../src/lib/server/program/indicators/manual-value.schema';
import { modelSchema } from '../../src/lib/server/program/models/model.schema';
import { rollupOrg } from '../../src/lib/server/program/rollup/rollup.service';

const TINH = 'Hội Người cao tuổi tỉnh Lai Châu';
const DOAN_KET = 'Hội Người cao tuổi phường Đoàn Kết';
const BINH_LU = 'Hội Người cao tuổi xã Bình Lư';

forEachDb('program plans on the demo seed', (ctx) => {
  const a = {} as Record<'tinh' | 'doanket' | 'binhlu', Actor>;
  const org = {} as Record<'tinh' | 'doanket' | 'binhlu' | 'so', string>;
  const plan = async (orgName: string, year = 2026) => {
    const row = await ctx.db
      .selectFrom('plan')
      .innerJoin('organisation', 'organisation.id', 'plan.organisation_id')
      .select('plan.id')
      .where('organisation.name', '=', orgName)
      .where('plan.year', '=', year)
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const modelId = async (name: string) =>
    (await ctx.db.selectFrom('model').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    await seedDemo(ctx.db);
    a.tinh = await actorFor(ctx.db, 'canbo.tinh');
    a.doanket = await actorFor(ctx.db, 'canbo.doanket');
    a.binhlu = await actorFor(ctx.db, 'canbo.binhlu');
    org.tinh = await orgId(ctx.db, TINH);
    org.doanket = await orgId(ctx.db, DOAN_KET);
    org.binhlu = await orgId(ctx.db, BINH_LU);
    org.so = await orgId(ctx.db, 'Sở Tài nguyên và Môi trường tỉnh Lai Châu');
  });

  it('seeds the 2017 program with its parties, and the province plan beside its children', async () => {
    const list = await programs.listPrograms(ctx.db, a.tinh, 'phoi hop');
    expect(list).toHaveLength(2);
    // The agency side reads the program it signed; forest rangers below it do not.
    expect(
      (await programs.listPrograms(ctx.db, await actorFor(ctx.db, 'lanhdao.so'))).map((p) => p.period_from)
    ).toEqual(['2022-01-01']);
    expect(await programs.listPrograms(ctx.db, await actorFor(ctx.db, 'kiemlam'))).toEqual([]);
    const p2017 = await programs.getProgram(ctx.db, a.tinh, list.find((p) => p.signed_on === '2017-10-24')!.id);
    expect(p2017.parties.map((p) => p.name).sort()).toEqual([
      'Hội Người cao tuổi tỉnh Lai Châu',
      'Sở Tài nguyên và Môi trường tỉnh Lai Châu'
    ]);
    expect([p2017.period_from, p2017.period_to]).toEqual(['2017-10-24', '2022-12-31']);

    const rows = await plans.planTargets(ctx.db, a.tinh, await plan(TINH), '2026-11-29');
    const by = Object.fromEntries(rows.map((r) => [r.code, r]));
    expect(by.outreach_sessions).toMatchObject({ target: 40, childrenTarget: 20, childrenPlans: 2 });
    expect(by.outreach_participants).toMatchObject({ target: 2000, childrenTarget: 1000 });
    expect(by.commitments_households).toMatchObject({ target: 500, childrenTarget: 250 });
    // Two replications started in 2026 under the province (the original started in 2025).
    expect(by.new_models).toMatchObject({ target: 3, childrenTarget: 2, actual: 2, percent: 66.7 });
  });

  it('a commune officer reads the program of their plan but neither a neighbour nor the province plan', async () => {
    const p2022 = (await programs.listPrograms(ctx.db, a.binhlu))
      .filter((p) => p.period_from === '2022-01-01')
      .map((p) => p.id);
    expect(p2022).toHaveLength(1);
    const got = await programs.getProgram(ctx.db, a.binhlu, p2022[0]);
    expect(got.plans.map((p) => p.organisation_name)).toEqual([BINH_LU]);
    expect(got.canManage).toBe(false);
    const input = programSchema.parse({
      title: 'X',
      organisation_id: org.binhlu,
      parties: [org.so],
      period_from: '01/01/2022',
      period_to: '31/12/2026'
    });
    await expect(programs.updateProgram(ctx.db, a.binhlu, p2022[0], input)).rejects.toMatchObject({
      code: 'NOT_FOUND'
    });
    await expect(plans.getPlan(ctx.db, a.binhlu, await plan(DOAN_KET))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(plans.getPlan(ctx.db, a.binhlu, await plan(TINH))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      plans.updatePlanTargets(ctx.db, a.binhlu, await plan(DOAN_KET), { trainings: 1 })
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      models.getModel(ctx.db, a.binhlu, await modelId('Tổ người cao tuổi tự quản giữ sạch suối Nậm Lọong'))
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(programs.downloadProgramDocument(ctx.db, a.doanket, 'missing')).rejects.toMatchObject({
      code: 'NOT_FOUND'
    });
  });

  it('creates a program with its signed document, then plans that roll up into the parent', async () => {
    const input = programSchema.parse({
      title: 'Chương trình thử 2027',
      organisation_id: org.tinh,
      parties: [org.so],
      signed_on: '02/01/2027',
      period_from: '01/01/2027',
      period_to: '31/12/2028',
      content_areas: 'Tuyên truyền\n\nTập huấn\n'
    });
    const pdf = { name: 'ky.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4 test') };
    const id = await programs.createProgram(ctx.db, a.tinh, input, pdf);
    const got = await programs.getProgram(ctx.db, a.tinh, id);
    expect(got.content_areas).toEqual(['Tuyên truyền', 'Tập huấn']);
    expect(got.parties).toHaveLength(2); // the owner is a party too
    const file = await programs.downloadProgramDocument(ctx.db, a.tinh, id);
    expect([file.mime, file.body.toString()]).toEqual(['application/pdf', '%PDF-1.4 test']);
    // Forest rangers are neither below the owner nor a party of this program.
    await expect(programs.downloadProgramDocument(ctx.db, await actorFor(ctx.db, 'kiemlam'), id)).rejects.toMatchObject(
      { code: 'NOT_FOUND' }
    );
    expect((await programs.downloadProgramDocument(ctx.db, a.binhlu, id)).body.length).toBe(13);

    // Editing without a new file keeps the stored document; a new one replaces it.
    await programs.updateProgram(ctx.db, a.tinh, id, { ...input, title: 'Chương trình thử 2027 (sửa)', parties: [] });
    expect((await programs.downloadProgramDocument(ctx.db, a.tinh, id)).body.toString()).toBe('%PDF-1.4 test');
    expect((await programs.getProgram(ctx.db, a.tinh, id)).parties.map((p) => p.id)).toEqual([org.tinh]);
    await programs.updateProgram(ctx.db, a.tinh, id, input, {
      name: 'b.png',
      type: 'image/png',
      bytes: new Uint8Array([137, 80, 78, 71])
    });
    expect((await programs.downloadProgramDocument(ctx.db, a.tinh, id)).mime).toBe('image/png');

    const mk = (o: string, targets: Record<string, string>) =>
      planSchema.parse({ organisation_id: o, program_id: id, year: '2027', targets });
    const parent = await plans.createPlan(ctx.db, a.tinh, mk(org.tinh, { trainings: '6', outreach_sessions: '' }));
    await plans.createPlan(ctx.db, a.doanket, mk(org.doanket, { trainings: '2', recommendations: '10' }));
    await plans.createPlan(ctx.db, a.tinh, mk(org.binhlu, { trainings: '3' }));
    await expect(plans.createPlan(ctx.db, a.tinh, mk(org.binhlu, {}))).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'pp_err_plan_exists'
    });
    await expect(
      plans.createPlan(
        ctx.db,
        a.tinh,
        planSchema.parse({ organisation_id: org.tinh, program_id: id, year: '2030', targets: {} })
      )
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { field: 'year' }, message: 'pp_err_year_outside' });
    await expect(plans.createPlan(ctx.db, a.doanket, mk(org.binhlu, {}))).rejects.toMatchObject({
      message: 'pp_err_plan_org'
    });
    await expect(
      plans.createPlan(ctx.db, a.tinh, { ...mk(org.tinh, { nope: '1' }), year: 2028 })
    ).rejects.toMatchObject({ message: 'pp_err_indicator', details: { field: 'targets.nope' } });

    const rows = await plans.planTargets(ctx.db, a.tinh, parent);
    // The parent set no recommendations target: the children's sum still shows.
    expect(rows.map((r) => [r.code, r.target, r.childrenTarget])).toEqual([
      ['trainings', 6, 5],
      ['recommendations', null, 10]
    ]);
    await plans.updatePlanTargets(ctx.db, a.tinh, parent, { trainings: 8, recommendations: 12 });
    expect((await plans.planTargets(ctx.db, a.tinh, parent)).map((r) => r.target)).toEqual([8, 12]);
  });

  it('manual values replace on the same key and feed the roll-up', async () => {
    const units = (await manual.manualValueChoices(ctx.db, a.doanket, org.doanket)).units;
    const save = (value: string) =>
      manual.saveManualValue(
        ctx.db,
        a.doanket,
        manualValueSchema.parse({
          indicator_id: 'ind-recommendations',
          organisation_id: org.doanket,
          admin_unit_id: units[0].id,
          month: '03/2026',
          value
        })
      );
    const first = await save('4');
    expect(await save('7')).toBe(first);
    const q = { indicator: 'recommendations', from: '2026-01', to: '2026-12', asOf: '2026-11-29' };
    expect((await rollupOrg(ctx.db, a.tinh, org.tinh, q)).total).toBe(7);
    await expect(
      manual.saveManualValue(
        ctx.db,
        a.binhlu,
        manualValueSchema.parse({
          indicator_id: 'ind-recommendations',
          organisation_id: org.doanket,
          admin_unit_id: units[0].id,
          month: '2026-03',
          value: '1'
        })
      )
    ).rejects.toMatchObject({ message: 'pp_err_plan_org' });
    await expect(
      manual.saveManualValue(
        ctx.db,
        a.doanket,
        manualValueSchema.parse({
          indicator_id: 'ind-trainings',
          organisation_id: org.doanket,
          admin_unit_id: units[0].id,
          month: '2026-03',
          value: '1'
        })
      )
    ).rejects.toMatchObject({ message: 'pp_err_indicator' });
    await expect(manual.deleteManualValue(ctx.db, a.binhlu, first)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await manual.deleteManualValue(ctx.db, a.doanket, first);
    expect((await rollupOrg(ctx.db, a.tinh, org.tinh, q)).total).toBe(0);
  });

  it('shows the replication tree within scope, and a new replication joins it and the aggregates', async () => {
    const origin = await modelId('Tổ người cao tuổi tự quản giữ sạch suối Nậm Lọong');
    const third = await modelId('Tổ người cao tuổi giữ sạch suối Bản Mẫu Ba');
    const tree = await replicationTree(ctx.db, a.tinh, third);
    expect(tree!.id).toBe(origin);
    expect(tree!.children.map((c) => c.name)).toEqual([
      'Tổ người cao tuổi giữ sạch suối Bản Mẫu Hai',
      'Tổ người cao tuổi giữ sạch suối Bản Mẫu Ba'
    ]);
    // Bình Lư cannot see the Đoàn Kết original: its own replication is the root, unnamed origin.
    const theirs = await modelDetails(ctx.db, a.binhlu, third);
    expect(theirs.tree!.id).toBe(third);
    expect(theirs.labels.origin_name).toBeNull();

    const q = { indicator: 'new_models', from: '2026-01', to: '2026-12', asOf: '2026-11-29' };
    const before = (await rollupOrg(ctx.db, a.tinh, org.tinh, q)).total;
    const unit = (await manual.manualValueChoices(ctx.db, a.binhlu, org.binhlu)).units[0].id;
    const id = await models.createModel(
      ctx.db,
      a.binhlu,
      modelSchema.parse({
        name: 'Tổ giữ sạch suối xã Bình Lư',
        kind: 'clean_stream',
        organisation_id: org.binhlu,
        admin_unit_id: unit,
        started_on: '01/09/2026',
        status: 'active',
        replicated_from_id: third
      })
    );
    expect((await rollupOrg(ctx.db, a.tinh, org.tinh, q)).total).toBe(before + 1);
    const again = await replicationTree(ctx.db, a.tinh, origin);
    expect(again!.children[1].children.map((c) => c.id)).toEqual([id]);
  });
});
