/**
 * Case steps are atomic: two people acting on the same report at the same moment, through two
 * independent database handles (two pools on PostgreSQL, two connections to one SQLite file).
 * Exactly one step wins; the other is told the report changed meanwhile and what it is now; the
 * history shows only what really happened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { dialects, twoHandles } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import type { Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/access/actor';
import { isAppError, type AppError } from '../../src/lib/server/errors';
import { errorText, t } from '../../src/lib/server/i18n';
import { forwardReport, rejectReport } from '../../src/lib/server/reports/workflow/association.service';
import { acceptReport, returnReport } from '../../src/lib/server/reports/workflow/agency.service';
import { reply } from '../../src/lib/server/reports/intake/followup.service';
import { step } from '../../src/lib/server/reports/workflow/core';

const RANGERS = 'Chi cục Kiểm lâm tỉnh Lai Châu';

type Race = (h: { a: Db; b: Db }, id: string) => [Promise<unknown>, Promise<unknown>];

for (const kind of dialects) {
  describe(`report status transitions under concurrency [${kind}]`, () => {
    let h: { a: Db; b: Db; close: () => Promise<void> };
    let officer: Actor;
    let agency: Actor;
    let rangers: string;
    beforeAll(async () => {
      h = await twoHandles(kind);
      // In one test process a waiting SQLite connection blocks the one holding the lock, so
      // give up quickly and let the step retry; separate server processes simply wait.
      if (kind === 'sqlite') for (const d of [h.a, h.b]) await sql`pragma busy_timeout = 25`.execute(d);
      await seedDemo(h.a);
      officer = await actorFor(h.a, 'canbo.doanket');
      agency = await actorFor(h.a, 'kiemlam');
      rangers = await orgId(h.a, RANGERS);
    });
    afterAll(() => h.close());

    const statusEvents = async (id: string) =>
      (
        await h.a
          .selectFrom('report_event')
          .select(['from_status', 'to_status'])
          .where('report_id', '=', id)
          .where('to_status', 'is not', null)
          .where('from_status', 'is not', null)
          .execute()
      ).map((e) => `${e.from_status}→${e.to_status}`);

    const status = async (id: string) =>
      (await h.a.selectFrom('report').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

    const races: [string, string, Record<string, unknown>, Race][] = [
      [
        'reject and forward a new report',
        'new',
        {},
        ({ a, b }, id) => [
          rejectReport(a, officer, id, 'Không phải vi phạm'),
          forwardReport(b, officer, id, { agency_org_id: rangers, doc_no: '7/HNCT', doc_date: '2026-03-02', note: '' })
        ]
      ],
      [
        'accept and return a forwarded report',
        'forwarded',
        { agencyOrg: true },
        ({ a, b }, id) => [acceptReport(a, agency, id, ''), returnReport(b, agency, id, 'Không thuộc thẩm quyền')]
      ],
      [
        "the reporter's answer and a rejection of a report waiting for information",
        'needs_info',
        {},
        ({ a, b }, id) => [reply(a, id, 'Ở khoảnh 5, gần suối', []), rejectReport(b, officer, id, 'Không đủ căn cứ')]
      ]
    ];

    describe.each(races)('%s', (_name, from, opts, race) => {
      it.each([1, 2, 3, 4])('round %i: exactly one step wins, the other is told what happened', async () => {
        const { id } = await createTestReport(h.a, { status: from, agency_org_id: opts.agencyOrg ? rangers : null });
        const results = await Promise.allSettled(race(h, id));
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        const now = await status(id);
        const history = await statusEvents(id);
        if (won.length === 2) {
          // The second step started after the first committed and was legal from the new status:
          // a serial order, and the history must say exactly that (never two steps from one status).
          expect(history).toHaveLength(2);
          const first = history.find((e) => e.startsWith(`${from}→`));
          expect(first).toBeDefined();
          expect(history).toContain(`${first!.split('→')[1]}→${now}`);
          return;
        }
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        const err = lost[0].reason as AppError;
        expect(isAppError(err) && err.code).toBe('CONFLICT');
        expect(err.details?.current).toBe(now);
        // Overlapping steps meet in the compare-and-set ("changed meanwhile, now …"); when the
        // loser only starts reading after the winner committed, it simply finds a status that
        // no longer allows its step. Both are refusals naming where the report is now.
        expect(['sec_report_changed', 'rw_err_transition']).toContain(err.message);
        if (err.message === 'sec_report_changed')
          expect(errorText(err.message, err.details)).toContain(t(`reports_status_${now}`));
        expect(history).toEqual([`${from}→${now}`]);
      });
    });

    it('refuses a step decided on a report that has moved on since the officer read it', async () => {
      const { id } = await createTestReport(h.a);
      const seen = await h.a.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      await rejectReport(h.b, officer, id, 'Không phải vi phạm');
      await expect(
        step(h.a, officer, { r: seen, side: 'association', to: 'verified', action: 'report.verify', event: {} })
      ).rejects.toMatchObject({ code: 'CONFLICT', message: 'sec_report_changed', details: { current: 'rejected' } });
      expect(await status(id)).toBe('rejected');
      const audits = await h.a.selectFrom('audit_event').select('action').where('entity_id', '=', id).execute();
      expect(audits.map((a) => a.action)).toEqual(['report.reject']);
    });
  });
}
