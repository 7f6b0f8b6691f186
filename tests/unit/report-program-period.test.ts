/**
 * A program's sơ kết or tổng kết: any period inside the program's dates is accepted, one that
 * starts before or ends after it is refused on the field at fault with the program's dates.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { isAppError } from '../../src/lib/server/errors';
import { t } from '../../src/lib/server/i18n';
import { createReport } from '../../src/lib/server/reporting/report.service';

type Case = [string, 'midterm' | 'final', string, string, string | null, 'ok' | [string, string]];
const OUTSIDE = t('report_err_outside_program', { from: '01/01/2022', to: '31/12/2026' });
const CASES: Case[] = [
  ['mid-term inside', 'midterm', '2022-01-01', '2024-06-30', 'p', 'ok'],
  ['final over the whole program', 'final', '2022-01-01', '2026-12-31', 'p', 'ok'],
  ['starts before the program', 'midterm', '2021-12-15', '2024-06-30', 'p', ['start_on', OUTSIDE]],
  ['ends after the program', 'final', '2022-01-01', '2027-01-14', 'p', ['end_on', OUTSIDE]],
  ['unknown program', 'final', '2022-01-01', '2026-12-31', 'nope', ['program_id', t('report_err_program')]],
  ['no program: any range', 'final', '2015-01-01', '2016-12-31', null, 'ok']
];

forEachDb('program-bound sơ kết / tổng kết', (ctx) => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    await seedDemo(ctx.db);
    ids.org = await orgId(ctx.db, 'Hội Người cao tuổi tỉnh Lai Châu');
    ids.p = (
      await ctx.db.selectFrom('program').select('id').where('period_from', '=', '2022-01-01').executeTakeFirstOrThrow()
    ).id;
  });

  describe.each(CASES)('%s', (_, kind, start, end, program, expected) => {
    it(`→ ${expected === 'ok' ? 'accepted' : expected[0]}`, async () => {
      const actor = await actorFor(ctx.db, 'canbo.tinh');
      const input = {
        organisation_id: ids.org,
        report_kind: kind,
        period_kind: 'range' as const,
        year: Number(end.slice(0, 4)),
        period_index: 1,
        start_on: start,
        end_on: end,
        program_id: program === 'p' ? ids.p : program
      };
      const got = await createReport(ctx.db, actor, input).then(
        async (id) => {
          const row = await ctx.db
            .selectFrom('periodic_report')
            .select('program_id')
            .where('id', '=', id)
            .executeTakeFirst();
          expect(row?.program_id ?? null).toBe(input.program_id);
          return 'ok' as const;
        },
        (e) => {
          if (!isAppError(e)) throw e;
          return [String(e.details?.field), t(e.message, e.details)];
        }
      );
      expect(got).toEqual(expected);
    });
  });
});
