/**
 * Form errors, table-driven (as fixmystreet): each bad input names the field and the message
 * key the page shows next to it; database rules (scope, duplicates, period) included.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import type { Actor } from '../../src/lib/server/access/actor';
import { validate } from '../../src/lib/server/forms';
import { programSchema } from '../../src/lib/server/program/programs/program.schema';
import { planFormInput, planSchema } from '../../src/lib/server/program/plans/plan.schema';
import { manualValueSchema } from '../../src/lib/server/program/indicators/manual-value.schema';
import { createPlan } from '../../src/lib/server/program/plans/plan.service';
import { createProgram } from '../../src/lib/server/program/programs/program.service';

const program = {
  title: 'Chương trình',
  organisation_id: 'o1',
  parties: ['o2'],
  period_from: '01/01/2027',
  period_to: '31/12/2028'
};
const plan = { organisation_id: 'o1', program_id: '', year: '2027' };
const value = {
  indicator_id: 'ind-recommendations',
  organisation_id: 'o1',
  admin_unit_id: 'u1',
  month: '05/2026',
  value: '3'
};

describe('program, plan and manual value forms', () => {
  const cases: [string, unknown, Record<string, string>][] = [
    ['program: no title', programSchema.safeParse({ ...program, title: ' ' }), { title: 'err_required' }],
    ['program: no party', programSchema.safeParse({ ...program, parties: [] }), { parties: 'pp_err_parties' }],
    [
      'program: bad signing date',
      programSchema.safeParse({ ...program, signed_on: '31/02/2017' }),
      { signed_on: 'dates_err_not_in_calendar' }
    ],
    [
      'program: period reversed',
      programSchema.safeParse({ ...program, period_to: '31/12/2026' }),
      { period_to: 'program_err_end_before_start' }
    ],
    [
      'program: no period start',
      programSchema.safeParse({ ...program, period_from: '' }),
      { period_from: 'err_required' }
    ],
    [
      'plan: year not a number',
      planSchema.safeParse(planFormInput({ ...plan, year: 'năm sau' })),
      { year: 'pp_err_year' }
    ],
    ['plan: year out of range', planSchema.safeParse(planFormInput({ ...plan, year: '27' })), { year: 'pp_err_year' }],
    [
      'plan: negative target',
      planSchema.safeParse(planFormInput({ ...plan, 'targets.trainings': '-5' })),
      { 'targets.trainings': 'pp_err_target' }
    ],
    [
      'plan: words as target',
      planSchema.safeParse(planFormInput({ ...plan, 'targets.outreach_sessions': 'bốn mươi' })),
      { 'targets.outreach_sessions': 'pp_err_target' }
    ],
    ['manual: bad month', manualValueSchema.safeParse({ ...value, month: '13/2026' }), { month: 'pp_err_month' }],
    ['manual: no value', manualValueSchema.safeParse({ ...value, value: '' }), { value: 'err_required' }],
    ['manual: no unit', manualValueSchema.safeParse({ ...value, admin_unit_id: '' }), { admin_unit_id: 'err_required' }]
  ];
  it.each(cases)('%s', (_name, result, expected) => {
    const r = result as { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
    expect(r.success).toBe(false);
    const got = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(got).toEqual(expected);
  });

  it('localises the messages for the page, and accepts Vietnamese thousands', () => {
    const bad = validate(planSchema, planFormInput({ ...plan, 'targets.trainings': 'x' }));
    expect(bad.ok ? {} : bad.errors).toEqual({ 'targets.trainings': 'Nhập một số không âm, ví dụ 40 hoặc 2.000.' });
    const good = planSchema.parse(
      planFormInput({ ...plan, 'targets.outreach_participants': '2.000', 'targets.trainings': '' })
    );
    expect(good.targets).toEqual({ outreach_participants: 2000, trainings: null });
    expect(manualValueSchema.parse({ ...value, month: '2026-05' }).month).toBe('2026-05');
  });
});

forEachDb('program and plan forms: rules that need the database', (ctx) => {
  let tinh: Actor;
  let doanket: Actor;
  const org: Record<string, string> = {};
  beforeAll(async () => {
    await seedDemo(ctx.db);
    tinh = await actorFor(ctx.db, 'canbo.tinh');
    doanket = await actorFor(ctx.db, 'canbo.doanket');
    org.tinh = await orgId(ctx.db, 'Hội Người cao tuổi tỉnh Lai Châu');
    org.doanket = await orgId(ctx.db, 'Hội Người cao tuổi phường Đoàn Kết');
    org.binhlu = await orgId(ctx.db, 'Hội Người cao tuổi xã Bình Lư');
  });

  const cases: [string, () => Promise<unknown>, { field: string; key: string }][] = [
    [
      'a commune officer cannot own a province program',
      () =>
        createProgram(
          ctx.db,
          doanket,
          programSchema.parse({ ...program, organisation_id: org.tinh, parties: [org.doanket] })
        ),
      { field: 'organisation_id', key: 'pp_err_owner' }
    ],
    [
      'an unknown party',
      () =>
        createProgram(
          ctx.db,
          tinh,
          programSchema.parse({ ...program, organisation_id: org.tinh, parties: ['nobody'] })
        ),
      { field: 'parties', key: 'pp_err_parties' }
    ],
    [
      'a document that is not a PDF or image',
      () =>
        createProgram(
          ctx.db,
          tinh,
          programSchema.parse({ ...program, organisation_id: org.tinh, parties: [org.doanket] }),
          { name: 'a.exe', type: 'application/x-msdownload', bytes: new Uint8Array(3) }
        ),
      { field: 'document', key: 'pp_err_document_type' }
    ],
    [
      'a neighbour commune plan',
      () => createPlan(ctx.db, doanket, planSchema.parse(planFormInput({ ...plan, organisation_id: org.binhlu }))),
      { field: 'organisation_id', key: 'pp_err_plan_org' }
    ],
    [
      'an unknown program',
      () =>
        createPlan(
          ctx.db,
          tinh,
          planSchema.parse(planFormInput({ ...plan, organisation_id: org.tinh, program_id: 'nope' }))
        ),
      { field: 'program_id', key: 'pp_err_program' }
    ]
  ];
  it.each(cases)('%s', async (_name, run, expected) => {
    await expect(run()).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expected.key,
      details: { field: expected.field }
    });
  });
});
