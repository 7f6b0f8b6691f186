/**
 * Reports upward on both databases: a draft pre-filled from the figures, the figures frozen on
 * submission (records added later move the live view only), return with a comment, accept,
 * lock and correction by a superseding version, one winner when two reviewers act at once,
 * and the parent's view of its children (on time / late / missing, consolidation, reminders).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'cs-rep-'));
});

import { forEachDb } from '../support/db';
import { SYSTEM, type Actor } from '../../src/lib/server/access/actor';
import { createActivity } from '../../src/lib/server/program/activities/activity.service';
import { isAppError } from '../../src/lib/server/errors';
import { createReport, reportView, saveNarrative, setCutoff } from '../../src/lib/server/reporting/report.service';
import { acceptReport, correctReport, returnReport, submitReport } from '../../src/lib/server/reporting/review.service';
import {
  childrenOf,
  childState,
  consolidate,
  remindMissing
} from '../../src/lib/server/reporting/consolidation.service';
import { narrativeSchema } from '../../src/lib/server/reporting/report.schema';
import { activity, actorWith, makeOrg, makeUnit } from './program-support';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
};

const Q1_2026 = {
  report_kind: 'periodic',
  period_kind: 'quarter',
  year: 2026,
  period_index: 1,
  start_on: null,
  end_on: null
} as const;

forEachDb('reports upward', (ctx) => {
  const o: Record<string, string> = {};
  let province: Actor;
  let officerA: Actor;
  let officerB: Actor;
  let unitA: string;

  const session = (org: string, started_on: string, count_total = '30') =>
    createActivity(ctx.db, SYSTEM, activity({ organisation_id: org, admin_unit_id: unitA, started_on, count_total }));

  beforeAll(async () => {
    const pu = await makeUnit(ctx.db, { level: 'province', name: 'Tỉnh R', parent_id: null });
    unitA = await makeUnit(ctx.db, { level: 'commune', name: 'Xã R', parent_id: pu });
    o.p = await makeOrg(ctx.db, 'Hội NCT tỉnh R', null, pu);
    o.a = await makeOrg(ctx.db, 'Hội NCT xã A', o.p, unitA);
    o.b = await makeOrg(ctx.db, 'Hội NCT xã B', o.p, unitA);
    province = { ...actorWith('association_officer', o.p), name: 'Cán bộ tỉnh' };
    officerA = { ...actorWith('association_officer', o.a), name: 'Cán bộ xã A' };
    officerB = { ...actorWith('association_officer', o.b), name: 'Cán bộ xã B' };
    // Q1 2026 under Decree 09 counts December–February (the months closed by 14/3).
    await session(o.a, '2025-12-20', '1200');
    await session(o.a, '2026-02-10', '950');
    await session(o.a, '2026-03-20'); // after the cut-off: next quarter
    await session(o.b, '2026-01-05');
  });

  it('opens a draft for the Decree-09 quarter with a narrative written from the figures', async () => {
    const id = await createReport(ctx.db, officerA, { ...Q1_2026, organisation_id: o.a });
    const v = await reportView(ctx.db, officerA, id);
    expect([v.report.start, v.report.end, v.report.due_on, v.report.status]).toEqual([
      '2025-12-15',
      '2026-03-14',
      '2026-03-19',
      'draft'
    ]);
    expect(v.report.title).toBe('Kết quả công tác Hội quý I năm 2026');
    expect(v.live.figures.find((f) => f.code === 'outreach_sessions')!.value).toBe(2);
    expect(v.narrative.outreach).toContain('tổ chức 2 buổi tuyên truyền với 2.150 lượt người tham dự');
    expect(v.frozen).toBeNull();
    expect(v.can).toMatchObject({ edit: true, submit: true, review: false });
    // opening the same period again returns the same report
    expect(await createReport(ctx.db, officerA, { ...Q1_2026, organisation_id: o.a })).toBe(id);
  });

  it('follows the calendar when the organisation chooses it', async () => {
    await setCutoff(ctx.db, officerB, o.b, 'calendar');
    const id = await createReport(ctx.db, officerB, { ...Q1_2026, organisation_id: o.b });
    const v = await reportView(ctx.db, officerB, id);
    expect([v.report.start, v.report.end]).toEqual(['2026-01-01', '2026-03-31']);
  });

  it('answers 404 to another commune and refuses to let a commune officer review', async () => {
    const id = await createReport(ctx.db, officerA, { ...Q1_2026, organisation_id: o.a });
    expect(await code(reportView(ctx.db, officerB, id))).toBe('NOT_FOUND');
    expect(await code(createReport(ctx.db, officerB, { ...Q1_2026, organisation_id: o.a }))).toBe('NOT_FOUND');
    await submitReport(ctx.db, officerA, id, new Date('2026-03-16T03:00:00Z'));
    expect(await code(acceptReport(ctx.db, officerA, id))).toBe('NOT_FOUND');
    await returnReport(ctx.db, province, id, 'Bổ sung số liệu tập huấn');
  });

  it('freezes the figures on submission; later records move the live view only', async () => {
    const id = await createReport(ctx.db, officerA, { ...Q1_2026, organisation_id: o.a });
    const before = await reportView(ctx.db, officerA, id);
    expect(before.report.status).toBe('returned');
    expect(before.report.review_comment).toBe('Bổ sung số liệu tập huấn');
    await saveNarrative(
      ctx.db,
      officerA,
      id,
      narrativeSchema.parse({ ...before.narrative, training: 'Tổ chức 1 lớp tập huấn.' })
    );
    await submitReport(ctx.db, officerA, id, new Date('2026-03-18T03:00:00Z'));
    await session(o.a, '2026-01-25', '40'); // entered late, dated inside the period
    const v = await reportView(ctx.db, province, id);
    expect(v.narrative.training).toBe('Tổ chức 1 lớp tập huấn.');
    expect(v.frozen!.figures.find((f) => f.code === 'outreach_sessions')!.value).toBe(2);
    expect(v.live.figures.find((f) => f.code === 'outreach_sessions')!.value).toBe(3);
    expect(v.changes.find((c) => c.code === 'outreach_sessions')).toMatchObject({ frozen: 2, live: 3, change: 1 });
    expect(v.changes.find((c) => c.code === 'outreach_participants')).toMatchObject({ change: 40 });
    expect(v.can).toMatchObject({ edit: false, review: true });
    // each submission went out as a numbered document of the commune's register
    expect(v.report.numbers).toEqual(['01/BC-HN', '02/BC-HN']);
  });

  it('gives one winner when two reviewers act on the same report at once', async () => {
    const id = await createReport(ctx.db, officerA, { ...Q1_2026, organisation_id: o.a });
    const results = await Promise.all([
      code(acceptReport(ctx.db, province, id)),
      code(returnReport(ctx.db, province, id, 'Sai'))
    ]);
    expect(results.sort()).toEqual(['CONFLICT', 'ok']);
    const v = await reportView(ctx.db, province, id);
    if (v.report.status === 'returned') {
      await submitReport(ctx.db, officerA, id, new Date('2026-03-18T04:00:00Z'));
      await acceptReport(ctx.db, province, id);
    }
    expect((await reportView(ctx.db, province, id)).report.status).toBe('accepted');
  });

  it('locks an accepted report; a correction is a new version that supersedes it', async () => {
    const id = await createReport(ctx.db, officerA, { ...Q1_2026, organisation_id: o.a });
    expect(await code(saveNarrative(ctx.db, officerA, id, narrativeSchema.parse({ situation: 'x' })))).toBe('CONFLICT');
    expect(await code(submitReport(ctx.db, officerA, id))).toBe('CONFLICT');
    const accepted = (await reportView(ctx.db, officerA, id)).frozen;
    const v2 = await correctReport(ctx.db, officerA, id);
    const view = await reportView(ctx.db, officerA, v2);
    expect([view.report.version, view.report.supersedes_id, view.report.status]).toEqual([2, id, 'draft']);
    expect(view.narrative.training).toBe('Tổ chức 1 lớp tập huấn.');
    const old = await reportView(ctx.db, officerA, id);
    expect(old.report.status).toBe('superseded');
    expect(old.frozen).toEqual(accepted); // the accepted version keeps its figures
    const audits = await ctx.db.selectFrom('audit_event').select('action').where('entity_id', 'in', [id, v2]).execute();
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['reporting.submitted', 'reporting.returned', 'reporting.accepted', 'reporting.correct'])
    );
    await submitReport(ctx.db, officerA, v2, new Date('2026-03-19T03:00:00Z'));
  });

  it('shows the province which communes reported, consolidates their submitted figures and reminds the missing', async () => {
    const pid = await createReport(ctx.db, province, { ...Q1_2026, organisation_id: o.p });
    const now = new Date('2026-03-25T03:00:00Z');
    const status = (await childrenOf(ctx.db, province, pid, now))!;
    const byName = new Map(status.lines.map((l) => [l.name, l]));
    expect(byName.get('Hội NCT xã A')!.state).toBe('on_time');
    // B opened a report (calendar quarter, other dates) but none for the province's period
    expect(byName.get('Hội NCT xã B')!.state).toBe('missing');
    const live = (await reportView(ctx.db, province, pid)).live;
    const rows = consolidate(live, status.lines);
    // A submitted 3 sessions (v2), B nothing; live counts A's 3 and B's 1
    expect(rows.find((r) => r.code === 'outreach_sessions')).toMatchObject({ submitted: 3, live: 4, gap: 1 });
    expect(await remindMissing(ctx.db, province, pid, now)).toBe(1);
    expect(await remindMissing(ctx.db, province, pid, now)).toBe(0); // once a day
    const queued = await ctx.db.selectFrom('notification').selectAll().where('kind', '=', 'report_due').execute();
    expect(queued.map((n) => n.organisation_id)).toEqual([o.b]);
    expect(await code(remindMissing(ctx.db, officerA, pid, now))).toBe('NOT_FOUND');
  });
});

describe('child report state', () => {
  const due = '2026-03-19';
  it.each([
    [{ status: 'submitted', submitted_at: '2026-03-19T16:59:00Z' }, '2026-03-25', 'on_time'], // 23:59 in Vietnam
    [{ status: 'accepted', submitted_at: '2026-03-19T17:01:00Z' }, '2026-03-25', 'late'],
    [{ status: 'draft', submitted_at: null }, '2026-03-20', 'missing'],
    [undefined, '2026-03-19', 'pending']
  ] as const)('%o on %s is %s', (r, today, state) => {
    expect(childState(r, due, today)).toBe(state);
  });
});
