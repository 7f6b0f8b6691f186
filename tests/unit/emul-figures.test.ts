/**
 * The emulation pre-aggregate equals the raw records: random registrations go through
 * assessment, council votes (passed or not), publication, decisions and revocations, and
 * after every run the table `agg_emu_month` equals the cells recomputed from the records.
 * The dashboard's figures for a subtree and months equal a plain count of the records, and
 * each figure's list holds exactly that many registrations.
 */
import { beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { forEachDb } from '../support/db';
import { useTempMedia } from './reports-intake-support';
import { as, campaign, person, tree } from './emulation-support';
import { branchAssess, register } from '../../src/lib/server/emulation/registration.service';
import { publishResults, recordCouncil } from '../../src/lib/server/emulation/council.service';
import { decide, revokeAward } from '../../src/lib/server/emulation/award.service';
import { naiveCells, type Cell } from '../../src/lib/server/emulation/aggregate.repository';
import { emulationFigures, figureRecords } from '../../src/lib/server/emulation/figures.service';

useTempMedia();

const plan = fc.record({
  second: fc.boolean(),
  council: fc.constantFrom(null, 'pass', 'fail'),
  meeting: fc.constantFrom('2025-03-10', '2025-11-30', '2026-01-02'),
  award: fc.boolean(),
  decidedOn: fc.constantFrom('2026-01-15T03:00:00Z', '2026-02-20T03:00:00Z'),
  revoke: fc.boolean(),
  again: fc.boolean()
});
type Plan = typeof plan extends fc.Arbitrary<infer T> ? T : never;

const key = (c: Cell) => `${c.indicator_code}|${c.subject_kind}|${c.organisation_id}|${c.month}`;
const sorted = (cells: Cell[]) => cells.map((c) => `${key(c)}=${Number(c.value)}`).sort();

forEachDb('emulation figures', (ctx) => {
  let t: Awaited<ReturnType<typeof tree>>;
  let campaignId: string;
  let n = 0;
  const officer = () => as('association_officer', t.commune);

  beforeAll(async () => {
    t = await tree(ctx.db, 'Chỉ số');
    campaignId = await campaign(ctx.db, t.province);
  });

  async function run(p: Plan) {
    const branch = p.second ? t.branch2 : t.branch;
    const leader = as('branch_leader', branch);
    const pid = await person(ctx.db, branch, `Hội viên ${++n}`);
    const [rid] = await register(ctx.db, leader, {
      campaign_id: campaignId,
      organisation_id: branch,
      subject_kind: 'person',
      person_ids: [pid],
      household_name: null,
      subject_org_ids: [],
      commitments: []
    });
    if (!p.council) return;
    await branchAssess(ctx.db, leader, rid, { score: 70, note: null });
    const inFavour = p.council === 'pass' ? 3 : 1;
    await recordCouncil(ctx.db, officer(), {
      organisation_id: t.commune,
      campaign_id: campaignId,
      meeting_on: p.meeting,
      members: [1, 2, 3].map((i) => ({ name: `TV ${i}`, role: null })),
      members_present: 3,
      votes: [
        { registration_id: rid, award_form: 'title_commune', in_favour: inFavour, against: 3 - inFavour, abstain: 0 }
      ]
    });
    // published on New Year's day with no appeal days, so the January and February decisions may follow
    await publishResults(
      ctx.db,
      officer(),
      { organisation_id: t.commune, campaign_id: campaignId, appeal_days: 0 },
      new Date('2026-01-01T03:00:00Z')
    );
    if (p.council !== 'pass' || !p.award) return;
    const grant = (form: 'title_commune' | 'gk_commune') =>
      decide(
        ctx.db,
        officer(),
        { organisation_id: t.commune, award_form: form, registration_ids: [rid], signer_name: 'Chủ tịch' },
        new Date(p.decidedOn)
      );
    const d = await grant('title_commune');
    if (!p.revoke) return;
    await revokeAward(ctx.db, officer(), d.awardIds[0], 'Kê khai sai');
    if (p.again) await grant('gk_commune');
  }

  it('the pre-aggregate equals the cells recomputed from the records, after any history', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(plan, { minLength: 1, maxLength: 5 }), async (plans) => {
        for (const p of plans) await run(p);
        const table = await ctx.db.selectFrom('agg_emu_month').selectAll().execute();
        expect(sorted(table)).toEqual(sorted(await naiveCells(ctx.db)));
      }),
      { numRuns: 6 }
    );
  });

  it('the dashboard figures for a subtree and months equal the records, and each links to as many', async () => {
    const cells = await naiveCells(ctx.db);
    const branchOnly = new Set([t.branch]);
    for (const [root, inRoot] of [
      [t.commune, () => true],
      [t.branch, (c: Cell) => branchOnly.has(c.organisation_id)]
    ] as const) {
      for (const [from, to] of [
        ['2000-01', '2099-12'],
        ['2025-01', '2025-12'],
        ['2026-01', '2026-01']
      ]) {
        const f = await emulationFigures(ctx.db, officer(), root, from, to);
        const expected = (code: string) =>
          cells
            .filter((c) => c.indicator_code === code && c.month >= from && c.month <= to && inRoot(c))
            .reduce((s, c) => s + Number(c.value), 0);
        const person = f!.bySubject.find((s) => s.kind === 'person')!;
        expect([person.registered, person.evaluated, person.passed]).toEqual([
          expected('registered'),
          expected('evaluated'),
          expected('passed')
        ]);
        for (const a of f!.awards) expect(a.count).toBe(expected(`award:${a.form}`));
        for (const code of ['registered', 'evaluated', 'passed', 'award:title_commune', 'award:gk_commune']) {
          const rows = await figureRecords(ctx.db, officer(), { org: root, from, to, code, kind: null });
          expect(rows.length).toBe(expected(code));
        }
      }
    }
  });

  it('another scope sees none of it', async () => {
    const other = await tree(ctx.db, 'Xa lạ');
    await expect(
      emulationFigures(ctx.db, as('association_officer', other.commune), t.commune, '2000-01', '2099-12')
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      figureRecords(ctx.db, as('association_officer', other.commune), {
        org: t.commune,
        from: '2000-01',
        to: '2099-12',
        code: 'registered',
        kind: null
      })
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
