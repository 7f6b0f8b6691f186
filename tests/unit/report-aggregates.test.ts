/**
 * Citizen-report and outcome figures come from the pre-aggregates (migration 135), on both
 * databases:
 * - the workflow keeps the cells current: after intake and every step (verify, forward,
 *   accept, a late resolve with a fine and remedies, a warned report) the cells equal the
 *   figures counted straight from the records (report rows, events, the resolve's audit);
 * - a province's report on 2025, read after the merger (Hội A closed into Hội B on
 *   2025-07-01), equals a direct count over the records for that period, in total and per
 *   member unit, with A's reports in B's row; Vietnamese months bound it (a report received at
 *   01:00 on 1 January 2026 in Vietnam is not 2025's, one at 01:00 on 1 January 2025 is).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { keptReportCells, naiveReportCells } from '../support/reporting/naive-reports';
import { SYSTEM } from '../../src/lib/server/access/actor';
import { forwardReport, verifyReport } from '../../src/lib/server/reports/workflow/association.service';
import { acceptReport, closeWithOutcome } from '../../src/lib/server/reports/workflow/agency.service';
import { computeFigures } from '../../src/lib/server/reporting/figures.service';
import { REPORT_CODES } from '../../src/lib/server/program/rollup/report-contributions';
import { periodOf } from '../../src/lib/shared/reporting/periods';
import { todayVn } from '../../src/lib/shared/format';
import type { Figures } from '../../src/lib/shared/reporting/figures';
import { makeOrg, makeUnit } from './program-support';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

forEachDb('report figures from the pre-aggregates', (ctx) => {
  beforeAll(async () => {
    await seedDemo(ctx.db);
  }, 120_000);

  describe('kept current by intake and the workflow', () => {
    const same = async () =>
      expect(await keptReportCells(ctx.db, REPORT_CODES)).toEqual(await naiveReportCells(ctx.db));

    it('equals the direct count after each step', async () => {
      const commune = await actorFor(ctx.db, 'canbo.doanket');
      const rangers = await actorFor(ctx.db, 'kiemlam');
      const rangersOrg = await orgId(ctx.db, 'Chi cục Kiểm lâm tỉnh Lai Châu');
      const forward = { agency_org_id: rangersOrg, doc_no: '', doc_date: null, note: 'Chuyển kiểm lâm' };
      const a = await createTestReport(ctx.db);
      const b = await createTestReport(ctx.db);
      await same();
      await verifyReport(ctx.db, commune, a.id, {
        note: 'Đã kiểm tra',
        site_visit: 'no',
        visit_date: null,
        evidence: ''
      });
      await same();
      await forwardReport(ctx.db, commune, a.id, forward as never);
      await forwardReport(ctx.db, commune, b.id, forward as never); // straight away: checked now
      await same();
      await acceptReport(ctx.db, rangers, a.id, '', daysAgo(100)); // its deadline ran out long ago
      await acceptReport(ctx.db, rangers, b.id, '');
      await same();
      await closeWithOutcome(ctx.db, rangers, a.id, {
        kind: 'violation_confirmed',
        decision_no: '21/QĐ-XPHC',
        decision_date: todayVn(),
        fine_vnd: 4_500_000,
        remedies: 'Trồng lại rừng',
        note: ''
      });
      await closeWithOutcome(ctx.db, rangers, b.id, { kind: 'warned_remedied', note: 'Đã khắc phục' });
      await same();
      const cells = await keptReportCells(ctx.db, REPORT_CODES);
      const sum = (code: string) => cells.filter((c) => c.indicator_code === code).reduce((s, c) => s + c.value, 0);
      // the steps above really moved the cells (the demo data may have its own)
      expect(sum('fines_vnd')).toBeGreaterThanOrEqual(4_500_000);
      expect(sum('reports_verified')).toBeGreaterThanOrEqual(2);
    }, 120_000);
  });

  describe('a 2025 report across the merger', () => {
    const o: Record<string, string> = {};
    let figures: Figures;

    beforeAll(async () => {
      const province = await makeUnit(ctx.db, { level: 'province', name: 'Tỉnh N', parent_id: null });
      const xa = await makeUnit(ctx.db, { level: 'commune', name: 'Xã N', parent_id: province });
      const xc = await makeUnit(ctx.db, { level: 'commune', name: 'Xã C', parent_id: province });
      o.p = await makeOrg(ctx.db, 'Hội tỉnh N', null, province);
      o.a = await makeOrg(ctx.db, 'Hội xã A (cũ)', o.p, xa);
      o.b = await makeOrg(ctx.db, 'Hội xã B', o.p, xa);
      o.c = await makeOrg(ctx.db, 'Hội xã C', o.p, xc);
      await ctx.db
        .updateTable('organisation')
        .set({ valid_to: '2025-07-01', successor_id: o.b })
        .where('id', '=', o.a)
        .execute();
      const fined = (fine: number, remedies = '') =>
        JSON.stringify({
          kind: 'violation_confirmed',
          decision_no: '07/QĐ-XPHC',
          decision_date: '2025-04-01',
          fine_vnd: fine,
          remedies,
          note: ''
        });
      const report = (org: string, unit: string, over: Record<string, unknown>) =>
        createTestReport(ctx.db, { commune_org_id: org, commune_unit_id: unit, ...over });
      // Hội A, before it closed: received, checked, forwarded, fined and put right, on time
      const checked = await report(o.a, xa, {
        status: 'resolved',
        agency_org_id: o.p,
        checked_at: '2025-03-13T02:00:00.000Z',
        outcome_kind: 'violation_confirmed',
        outcome_json: fined(3_000_000, 'Trả lại hiện trạng'),
        created_at: '2025-03-12T02:00:00.000Z',
        resolved_at: '2025-04-02T02:00:00.000Z'
      });
      // the step the row's checked_at stands for, as the workflow would have written it
      await ctx.db
        .insertInto('report_event')
        .values({
          id: `ev-${checked.id}`,
          report_id: checked.id,
          kind: 'status',
          from_status: 'new',
          to_status: 'verified',
          actor_account_id: null,
          actor_org_id: o.a,
          visible_to_reporter: 1,
          body: null,
          data: null,
          created_at: '2025-03-13T02:00:00.000Z'
        })
        .execute();
      // Hội A, 01:00 on 1 January 2025 in Vietnam (still 2024 in UTC): 2025's
      await report(o.a, xa, { created_at: '2024-12-31T18:00:00.000Z' });
      // Hội B after the merger: resolved late (the resolve's audit keeps the deadline), fined
      const late = await report(o.b, xa, {
        status: 'resolved',
        agency_org_id: o.p,
        outcome_kind: 'violation_confirmed',
        outcome_json: fined(1_200_000),
        resolved_due_on: '2025-09-30',
        created_at: '2025-09-01T02:00:00.000Z',
        resolved_at: '2025-10-20T02:00:00.000Z'
      });
      await ctx.db
        .insertInto('audit_event')
        .values({
          id: `au-${late.id}`,
          at: '2025-10-20T02:00:00.000Z',
          actor_account_id: null,
          actor_name: 'Kiểm lâm',
          action: 'report.resolve',
          entity_type: 'report',
          entity_id: late.id,
          organisation_id: o.b,
          before_json: JSON.stringify({ deadline_on: '2025-09-30' }),
          after_json: null,
          note: null
        })
        .execute();
      // Hội C: warned and put right; one received 01:00 on 1 January 2026 in Vietnam: not 2025's
      await report(o.c, xc, {
        status: 'resolved',
        outcome_kind: 'warned_remedied',
        outcome_json: JSON.stringify({ kind: 'warned_remedied', note: 'Đã dọn' }),
        created_at: '2025-05-05T02:00:00.000Z',
        resolved_at: '2025-06-05T02:00:00.000Z'
      });
      await report(o.c, xc, { created_at: '2025-12-31T18:00:00.000Z' });
      figures = await computeFigures(ctx.db, SYSTEM, o.p, periodOf('year', 2025, 1, 'calendar'));
    }, 120_000);

    /** The records counted directly: 2025's cells of the province's communes, A's under B. */
    async function direct() {
      const heir = (org: string) => (org === o.a ? o.b : org);
      const mine = [o.a, o.b, o.c];
      const cells = (await naiveReportCells(ctx.db)).filter(
        (c) => mine.includes(c.organisation_id) && c.month >= '2025-01' && c.month <= '2025-12'
      );
      const out = new Map<string, { total: number; rows: Map<string, number> }>();
      for (const code of REPORT_CODES) {
        const rows = new Map<string, number>([
          [o.b, 0],
          [o.c, 0]
        ]);
        let total = 0;
        for (const c of cells.filter((x) => x.indicator_code === code)) {
          total += c.value;
          rows.set(heir(c.organisation_id), rows.get(heir(c.organisation_id))! + c.value);
        }
        out.set(code, { total, rows });
      }
      return out;
    }

    it('equals the direct count, in total and per member unit', async () => {
      const expected = await direct();
      for (const code of REPORT_CODES) {
        const f = figures.figures.find((x) => x.code === code)!;
        expect({ code, total: f.value }).toEqual({ code, total: expected.get(code)!.total });
        expect({ code, rows: new Map(f.children.map((c) => [c.id, c.value])) }).toEqual({
          code,
          rows: expected.get(code)!.rows
        });
      }
    });

    it('counts what the records say', () => {
      const value = (code: string) => figures.figures.find((x) => x.code === code)!.value;
      expect(REPORT_CODES.map((c) => [c, value(c)])).toEqual([
        ['reports_received', 4],
        ['reports_verified', 1],
        ['reports_forwarded', 2],
        ['reports_resolved', 3],
        ['reports_on_time', 2],
        ['violations_fined', 2],
        ['fines_vnd', 4_200_000],
        ['violations_remedied', 2]
      ]);
      const row = (code: string) =>
        new Map(figures.figures.find((x) => x.code === code)!.children.map((c) => [c.id, c.value]));
      expect(row('reports_received')).toEqual(
        new Map([
          [o.b, 3],
          [o.c, 1]
        ])
      );
      expect(row('fines_vnd')).toEqual(
        new Map([
          [o.b, 4_200_000],
          [o.c, 0]
        ])
      );
    });

    it('lists the sanction decisions of the period', () => {
      expect((figures.sanctions ?? []).map((s) => s.fineVnd).sort()).toEqual([1_200_000, 3_000_000]);
    });
  });
});
