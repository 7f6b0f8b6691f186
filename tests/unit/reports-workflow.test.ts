/**
 * Report workflow: who may do what from which status (table-driven), scope answering
 * NOT_FOUND, deadlines (across Tết, extension limits) and the duplicate merge timeline.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { newId, nowIso } from '../../src/lib/server/db/ids';
import type { Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/access/actor';
import { isAppError } from '../../src/lib/server/errors';
import {
  askForInformation,
  escalateReport,
  forwardReport,
  markDuplicate,
  rejectReport,
  verifyReport
} from '../../src/lib/server/reports/workflow/association.service';
import {
  acceptReport,
  closeWithOutcome,
  decideExtension,
  recordAction,
  requestExtension,
  returnReport
} from '../../src/lib/server/reports/workflow/agency.service';
import { officerReport, reporterTimeline } from '../../src/lib/server/reports/workflow/view.service';
import { listQueue } from '../../src/lib/server/reports/workflow/queue.service';

const RANGERS = 'Chi cục Kiểm lâm tỉnh Lai Châu';
const ENV = 'Chi cục Bảo vệ môi trường';
const at = (d: string) => new Date(`${d}T10:00:00+07:00`);

type Act = (db: Db, a: Actor, id: string, orgs: Record<string, string>) => Promise<unknown>;
const ACT: Record<string, Act> = {
  verify: (db, a, id) =>
    verifyReport(db, a, id, { note: 'Đã kiểm tra', site_visit: 'no', visit_date: null, evidence: '' }),
  needs_info: (db, a, id) => askForInformation(db, a, id, 'Ở khoảnh nào?'),
  reject: (db, a, id) => rejectReport(db, a, id, 'Không phải vi phạm'),
  escalate: (db, a, id) => escalateReport(db, a, id, ''),
  forward: (db, a, id, o) =>
    forwardReport(db, a, id, { agency_org_id: o.rangers, doc_no: '12/HNCT', doc_date: '2026-03-02', note: '' }),
  accept: (db, a, id) => acceptReport(db, a, id, ''),
  return: (db, a, id) => returnReport(db, a, id, 'Không thuộc thẩm quyền'),
  note: (db, a, id) => recordAction(db, a, id, 'Đã kiểm tra hiện trường'),
  extension: (db, a, id) => requestExtension(db, a, id, 'Cần giám định'),
  approve: (db, a, id) => decideExtension(db, a, id, true, ''),
  close: (db, a, id) => closeWithOutcome(db, a, id, { kind: 'not_a_violation', note: 'Không có vi phạm' })
};

// [username, status before, action, expected outcome, agency the report sits with]
const RULES: [string, string, keyof typeof ACT, 'ok' | 'CONFLICT' | 'FORBIDDEN' | 'NOT_FOUND', ('rangers' | 'env')?][] =
  [
    ['canbo.doanket', 'new', 'verify', 'ok'],
    ['canbo.doanket', 'new', 'needs_info', 'ok'],
    ['canbo.doanket', 'new', 'reject', 'ok'],
    ['canbo.doanket', 'new', 'escalate', 'ok'],
    ['canbo.doanket', 'new', 'forward', 'ok'],
    ['canbo.doanket', 'verified', 'forward', 'ok'],
    ['canbo.doanket', 'needs_info', 'forward', 'CONFLICT'],
    ['canbo.doanket', 'rejected', 'verify', 'CONFLICT'],
    ['canbo.doanket', 'forwarded', 'verify', 'CONFLICT', 'rangers'],
    ['canbo.doanket', 'escalated', 'verify', 'FORBIDDEN'],
    ['canbo.tinh', 'escalated', 'forward', 'ok'],
    ['canbo.tinh', 'new', 'verify', 'ok'],
    ['canbo.binhlu', 'new', 'verify', 'NOT_FOUND'],
    ['canbo.doanket', 'forwarded', 'accept', 'FORBIDDEN', 'rangers'],
    ['kiemlam', 'new', 'verify', 'NOT_FOUND'],
    ['kiemlam', 'forwarded', 'accept', 'ok', 'rangers'],
    ['kiemlam', 'forwarded', 'return', 'ok', 'rangers'],
    ['kiemlam', 'forwarded', 'close', 'CONFLICT', 'rangers'],
    ['kiemlam', 'forwarded', 'accept', 'NOT_FOUND', 'env'],
    ['kiemlam', 'accepted', 'note', 'ok', 'rangers'],
    ['kiemlam', 'accepted', 'extension', 'ok', 'rangers'],
    ['kiemlam', 'accepted', 'close', 'ok', 'rangers'],
    ['kiemlam', 'accepted', 'verify', 'FORBIDDEN', 'rangers'],
    ['kiemlam', 'extension_requested', 'approve', 'FORBIDDEN', 'rangers'],
    ['lanhdao.so', 'extension_requested', 'approve', 'ok', 'rangers'],
    ['lanhdao.so', 'resolved', 'close', 'CONFLICT', 'rangers'],
    ['baomat', 'new', 'verify', 'FORBIDDEN'],
    ['quantri', 'new', 'verify', 'FORBIDDEN'],
    ['hoivien', 'new', 'verify', 'NOT_FOUND'],
    ['lanhdao', 'new', 'verify', 'NOT_FOUND']
  ];

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
}

forEachDb('report workflow', (ctx) => {
  const orgs: Record<string, string> = {};
  beforeAll(async () => {
    await seedDemo(ctx.db);
    orgs.rangers = await orgId(ctx.db, RANGERS);
    orgs.env = await orgId(ctx.db, ENV);
  });

  it.each(RULES)('%s on a %s report: %s → %s', async (user, status, action, expected, agency) => {
    const { id } = await createTestReport(ctx.db, {
      status,
      agency_org_id: agency ? orgs[agency] : null,
      accepted_on: ['accepted', 'extension_requested', 'resolved'].includes(status) ? '2026-03-02' : null
    });
    if (status === 'extension_requested') {
      await ctx.db
        .insertInto('extension_request')
        .values({
          id: newId(),
          report_id: id,
          requested_by_account_id: (await actorFor(ctx.db, 'kiemlam')).accountId!,
          reason: 'x',
          days: 30,
          status: 'pending',
          decided_by_account_id: null,
          decided_at: null,
          decision_note: null,
          created_at: nowIso()
        })
        .execute();
    }
    const actor = await actorFor(ctx.db, user);
    expect(await outcome(ACT[action](ctx.db, actor, id, orgs))).toBe(expected);
    const after = await ctx.db.selectFrom('report').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    if (expected !== 'ok') expect(after.status).toBe(status);
  });

  it('writes one event and one audit row per step, in the same transaction', async () => {
    const { id } = await createTestReport(ctx.db);
    await ACT.reject(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), id, orgs);
    const events = await ctx.db
      .selectFrom('report_event')
      .selectAll()
      .where('report_id', '=', id)
      .orderBy('created_at')
      .execute();
    expect(events.map((e) => [e.to_status, e.visible_to_reporter, e.body])).toEqual([
      ['new', 1, null],
      ['rejected', 1, 'Không phải vi phạm']
    ]);
    const audits = await ctx.db.selectFrom('audit_event').selectAll().where('entity_id', '=', id).execute();
    expect(audits.map((a) => a.action)).toEqual(['report.reject']);
  });

  describe('deadlines', () => {
    it('gives the agency 7 working days from forwarding, skipping the Tết break', async () => {
      const { id } = await createTestReport(ctx.db);
      await forwardReport(
        ctx.db,
        await actorFor(ctx.db, 'canbo.doanket'),
        id,
        { agency_org_id: orgs.rangers, doc_no: '5/HNCT', doc_date: '2026-02-12', note: '' },
        at('2026-02-12')
      );
      const r = await ctx.db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect([r.deadline_kind, r.deadline_on, r.agency_org_id]).toEqual(['accept', '2026-03-02', orgs.rangers]);
    });

    it('resolves 30 days after acceptance (+30 per approved extension), tố cáo at most twice', async () => {
      const { id } = await createTestReport(ctx.db, {
        channel: 'to_cao',
        status: 'forwarded',
        agency_org_id: orgs.rangers
      });
      const [officer, manager] = [await actorFor(ctx.db, 'kiemlam'), await actorFor(ctx.db, 'lanhdao.so')];
      const deadline = async () =>
        await ctx.db
          .selectFrom('report')
          .select(['deadline_on', 'extensions_used', 'status'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
      await acceptReport(ctx.db, officer, id, '', at('2026-01-20'));
      expect((await deadline()).deadline_on).toBe('2026-02-23'); // 19/02 falls in the Tết break
      await requestExtension(ctx.db, officer, id, 'Cần giám định gỗ');
      await decideExtension(ctx.db, manager, id, true, '');
      expect(await deadline()).toEqual({ deadline_on: '2026-03-23', extensions_used: 1, status: 'in_progress' }); // 21/03 is a Saturday
      await requestExtension(ctx.db, officer, id, 'Chờ kết quả giám định');
      await decideExtension(ctx.db, manager, id, false, 'Không đủ lý do');
      expect((await deadline()).deadline_on).toBe('2026-03-23');
      await requestExtension(ctx.db, officer, id, 'Lần nữa');
      await decideExtension(ctx.db, manager, id, true, '');
      expect(await deadline()).toEqual({ deadline_on: '2026-04-20', extensions_used: 2, status: 'in_progress' });
      await expect(requestExtension(ctx.db, officer, id, 'Lần thứ ba')).rejects.toMatchObject({
        code: 'CONFLICT',
        message: 'reports_err_extension_limit'
      });
    });

    it('allows one extension for a phản ánh', async () => {
      const { id } = await createTestReport(ctx.db, { status: 'forwarded', agency_org_id: orgs.rangers });
      const [officer, manager] = [await actorFor(ctx.db, 'kiemlam'), await actorFor(ctx.db, 'lanhdao.so')];
      await acceptReport(ctx.db, officer, id, '', at('2026-05-04'));
      await requestExtension(ctx.db, officer, id, 'Cần thêm thời gian');
      await decideExtension(ctx.db, manager, id, true, '');
      await expect(requestExtension(ctx.db, officer, id, 'Lần hai')).rejects.toMatchObject({ code: 'CONFLICT' });
    });
  });

  it('suggests and merges duplicates; the duplicate reporter follows the master', async () => {
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    const master = await createTestReport(ctx.db, { lat: 22.3901, lon: 103.4601 });
    const dup = await createTestReport(ctx.db, { lat: 22.392, lon: 103.461 });
    const far = await createTestReport(ctx.db, { lat: 22.45, lon: 103.46 });
    const view = await officerReport(ctx.db, officer, dup.id);
    expect(view.duplicates.map((d) => d.id)).toContain(master.id);
    expect(view.duplicates.map((d) => d.id)).not.toContain(far.id);
    await expect(markDuplicate(ctx.db, officer, dup.id, dup.id, '')).rejects.toMatchObject({ code: 'VALIDATION' });
    await markDuplicate(ctx.db, officer, dup.id, master.id, 'Cùng vụ chặt gỗ');
    await rejectReport(ctx.db, officer, master.id, 'Đã kiểm tra, là cây khô đổ');
    const timeline = await reporterTimeline(ctx.db, dup.id);
    expect(timeline.some((e) => e.merged && e.to === 'rejected' && e.body === 'Đã kiểm tra, là cây khô đổ')).toBe(true);
    expect(timeline.some((e) => e.body === 'Cùng vụ chặt gỗ')).toBe(false); // internal note stays internal
    expect(timeline.every((e) => e.visibleToReporter)).toBe(true);
    const masterTimeline = await reporterTimeline(ctx.db, master.id);
    expect(masterTimeline.some((e) => e.merged)).toBe(false);
  });

  it('orders the association queue urgent first and flags overdue', async () => {
    const officer = await actorFor(ctx.db, 'canbo.binhlu');
    const late = await createTestReport(ctx.db, {
      communeCode: '03390',
      categoryCode: 'do_rac',
      deadline_on: '2026-01-05'
    });
    const urgent = await createTestReport(ctx.db, {
      communeCode: '03390',
      categoryCode: 'chay_rung',
      deadline_on: '2026-01-09'
    });
    const q = await listQueue(ctx.db, officer, 'open', at('2026-01-07'));
    expect(q.items.map((i) => i.id).slice(0, 2)).toEqual([urgent.id, late.id]);
    expect(q.items.find((i) => i.id === late.id)?.overdue).toBe(true);
    const overdue = await listQueue(ctx.db, officer, 'overdue', at('2026-01-07'));
    expect(overdue.items.map((i) => i.id)).toEqual([late.id]);
    const rangers = await listQueue(ctx.db, await actorFor(ctx.db, 'kiemlam'), null, at('2026-01-07'));
    expect(rangers.tab).toBe('forwarded');
    expect(rangers.items.map((i) => i.id)).not.toContain(late.id);
  });
});
