/**
 * Migration 135 folds the reports that exist before it into the pre-aggregates, on both
 * databases: a database migrated up to just before it, with reports received, checked (an
 * event), forwarded, resolved late (the resolve's audit keeps the deadline) and on time, fined
 * and put right, gets cells equal to the direct count over those records once it runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migrator, type Migration } from 'kysely';
import { createDb, type Db } from '../../src/lib/server/db';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { migrations } from '../../src/lib/server/db/migrations';
import { createPgDatabase, dialects } from '../support/db';
import { createTestReport } from '../support/reports-factory';
import { keptReportCells, naiveReportCells } from '../support/reporting/naive-reports';
import { REPORT_CODES } from '../../src/lib/server/program/rollup/report-contributions';
import { makeOrg, makeUnit } from './program-support';

const LATER = '135_report_aggregates';

for (const kind of dialects) {
  describe(`migration 135 on existing reports [${kind}]`, () => {
    let db: Db;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      if (kind === 'sqlite') {
        db = await createDb('sqlite', ':memory:');
        drop = () => db.destroy();
      } else {
        const pgDb = await createPgDatabase();
        db = await createDb('postgresql', pgDb.url);
        drop = async () => {
          await db.destroy();
          await pgDb.drop();
        };
      }
      const before: Record<string, Migration> = Object.fromEntries(
        Object.entries(migrations).filter(([name]) => name < LATER)
      );
      const r = await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest();
      expect(r.error).toBeUndefined();
      // the one category the factory files reports under
      await db
        .insertInto('category_group')
        .values({ id: 'grp-rung', code: 'rung', name_vi: 'Rừng', name_en: 'Forest', sort_order: 1, active: 1 })
        .execute();
      await db
        .insertInto('category')
        .values({
          id: 'cat-go',
          code: 'khai_thac_go',
          group_id: 'grp-rung',
          name_vi: 'Khai thác gỗ trái phép',
          name_en: 'Illegal logging',
          name_search: 'khai thac go trai phep',
          legal_basis: null,
          icon: null,
          urgent: 0,
          sort_order: 1,
          active: 1,
          created_at: '2025-01-01T00:00:00.000Z',
          updated_at: '2025-01-01T00:00:00.000Z'
        })
        .execute();
      const province = await makeUnit(db, { level: 'province', name: 'Tỉnh K', parent_id: null });
      const xa = await makeUnit(db, { level: 'commune', name: 'Xã K', parent_id: province });
      const p = await makeOrg(db, 'Hội tỉnh K', null, province);
      const a = await makeOrg(db, 'Hội xã K', p, xa);
      const mk = (over: Record<string, unknown>) =>
        createTestReport(db, { commune_org_id: a, commune_unit_id: xa, ...(over as object) });
      const checked = await mk({ created_at: '2025-03-12T02:00:00.000Z', status: 'verified' });
      await db
        .insertInto('report_event')
        .values({
          id: 'ev-1',
          report_id: checked.id,
          kind: 'status',
          from_status: 'new',
          to_status: 'verified',
          actor_account_id: null,
          actor_org_id: a,
          visible_to_reporter: 1,
          body: null,
          data: null,
          created_at: '2025-03-14T02:00:00.000Z'
        })
        .execute();
      const outcome = (fine: number, remedies: string) =>
        JSON.stringify({
          kind: 'violation_confirmed',
          decision_no: '1/QĐ',
          decision_date: '',
          fine_vnd: fine,
          remedies,
          note: ''
        });
      const late = await mk({
        status: 'resolved',
        agency_org_id: p,
        outcome_kind: 'violation_confirmed',
        outcome_json: outcome(2_500_000, 'Trồng lại'),
        created_at: '2025-05-01T02:00:00.000Z',
        resolved_at: '2025-06-30T18:30:00.000Z' // 1 July in Vietnam
      });
      await db
        .insertInto('audit_event')
        .values({
          id: 'au-1',
          at: '2025-06-30T18:30:00.000Z',
          actor_account_id: null,
          actor_name: 'Kiểm lâm',
          action: 'report.resolve',
          entity_type: 'report',
          entity_id: late.id,
          organisation_id: a,
          before_json: JSON.stringify({ deadline_on: '2025-06-30' }),
          after_json: null,
          note: null
        })
        .execute();
      await mk({
        status: 'resolved',
        outcome_kind: 'warned_remedied',
        outcome_json: JSON.stringify({ kind: 'warned_remedied', note: 'Đã dọn' }),
        created_at: '2025-08-01T02:00:00.000Z',
        resolved_at: '2025-08-05T02:00:00.000Z'
      });
      // the factory already counts them as today's code does: before 135 nothing had
      await db.deleteFrom('agg_unit_month').where('indicator_code', 'in', REPORT_CODES).execute();
      await db.deleteFrom('agg_commune_month').where('indicator_code', 'in', REPORT_CODES).execute();
      await migrateToLatest(db);
    }, 120_000);
    afterAll(() => drop?.());

    it('fills both aggregate tables with the direct count', async () => {
      const naive = await naiveReportCells(db);
      expect(naive.length).toBeGreaterThan(8);
      expect(await keptReportCells(db, REPORT_CODES)).toEqual(naive);
      const lifted = await db
        .selectFrom('agg_commune_month')
        .select(['indicator_code', 'month', 'value'])
        .where('indicator_code', 'in', ['reports_on_time', 'fines_vnd'])
        .orderBy('indicator_code')
        .orderBy('month')
        .execute();
      expect(lifted.map((r) => [r.indicator_code, r.month, Number(r.value)])).toEqual([
        ['fines_vnd', '2025-07', 2_500_000],
        ['reports_on_time', '2025-08', 1]
      ]);
    });

    it('keeps the facts on the rows', async () => {
      const rows = await db
        .selectFrom('report')
        .select(['checked_at', 'resolved_due_on'])
        .where((eb) => eb.or([eb('checked_at', 'is not', null), eb('resolved_due_on', 'is not', null)]))
        .execute();
      expect(rows.map((r) => [r.checked_at && new Date(r.checked_at).toISOString(), r.resolved_due_on]).sort()).toEqual(
        [
          ['2025-03-14T02:00:00.000Z', null],
          [null, '2025-06-30']
        ].sort()
      );
    });
  });
}
