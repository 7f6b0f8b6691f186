/**
 * Protected identities in the workflow: only the custodian reveals, with a reason, audited
 * without the identity; and for every role, no officer output, queue, event, audit row or
 * notification contains the reporter's name, phone or address. Also the reminder job.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { DEMO_ACCOUNTS } from '../../src/lib/server/seed/demo';
import { isAppError } from '../../src/lib/server/errors';
import { readJson } from '../../src/lib/server/db/dialect';
import { validate } from '../../src/lib/server/forms';
import { revealSchema } from '../../src/lib/server/reports/workflow/workflow.schema';
import { revealIdentity } from '../../src/lib/server/reports/workflow/reveal.service';
import { forwardReport, verifyReport } from '../../src/lib/server/reports/workflow/association.service';
import { acceptReport, closeWithOutcome } from '../../src/lib/server/reports/workflow/agency.service';
import { officerReport, reporterTimeline } from '../../src/lib/server/reports/workflow/view.service';
import { listQueue } from '../../src/lib/server/reports/workflow/queue.service';
import { notifyUrgent, remindOverdue } from '../../src/lib/server/reports/workflow/remind.service';
import { listNotifications } from '../../src/lib/server/reports/workflow/notification.repository';

const WHO = { name: 'Giàng Thị Mỷ Bí', phone: '0987123456', address: 'Bản Nậm Xe Kín', nationalId: '011223344556' };
const PW = 'ChungSuc@2026'; // the demo accounts' password: reveal asks for it again
const SECRETS = Object.values(WHO);
const at = (d: string) => new Date(`${d}T10:00:00+07:00`);

async function settle<T>(p: Promise<T>): Promise<T | { error: string }> {
  try {
    return await p;
  } catch (e) {
    if (isAppError(e)) return { error: e.code };
    throw e;
  }
}

forEachDb('report identities and reminders', (ctx) => {
  let reportId = '';
  beforeAll(async () => {
    await seedDemo(ctx.db);
    reportId = (await createTestReport(ctx.db, { identity: WHO, categoryCode: 'chay_rung' })).id;
    const rangers = await orgId(ctx.db, 'Chi cục Kiểm lâm tỉnh Lai Châu');
    await notifyUrgent(ctx.db, { id: reportId });
    await verifyReport(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), reportId, {
      note: 'Có khói',
      site_visit: 'yes',
      visit_date: '2026-03-03',
      evidence: 'Ảnh chụp'
    });
    await forwardReport(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), reportId, {
      agency_org_id: rangers,
      doc_no: '7/HNCT',
      doc_date: '2026-03-03',
      note: ''
    });
    await acceptReport(ctx.db, await actorFor(ctx.db, 'kiemlam'), reportId, '');
  });

  it('lets only the custodian reveal, and audits the reason without the identity', async () => {
    for (const user of ['canbo.doanket', 'canbo.tinh', 'kiemlam', 'lanhdao.so', 'quantri']) {
      expect(
        await settle(revealIdentity(ctx.db, await actorFor(ctx.db, user), reportId, 'Cần liên hệ xác minh thêm', PW))
      ).toEqual({ error: 'FORBIDDEN' });
    }
    for (const user of ['canbo.binhlu', 'hoivien', 'chihoi.truong', 'lanhdao']) {
      expect(
        await settle(revealIdentity(ctx.db, await actorFor(ctx.db, user), reportId, 'Cần liên hệ xác minh thêm', PW))
      ).toEqual({ error: 'NOT_FOUND' });
    }
    const custodian = await actorFor(ctx.db, 'baomat');
    expect(await revealIdentity(ctx.db, custodian, reportId, 'Cơ quan công an đề nghị bằng văn bản số 3', PW)).toEqual(
      WHO
    );
    const rows = await ctx.db.selectFrom('audit_event').selectAll().where('action', '=', 'reveal').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entity_type: 'report_identity',
      entity_id: reportId,
      actor_name: 'baomat',
      note: 'Cơ quan công an đề nghị bằng văn bản số 3'
    });
    expect(validate(revealSchema, { reason: 'ngắn' }).ok).toBe(false);
  });

  it('never shows the identity to any role in pages, queues, events, audit or notifications', async () => {
    await closeWithOutcome(ctx.db, await actorFor(ctx.db, 'kiemlam'), reportId, {
      kind: 'violation_confirmed',
      decision_no: '15/QĐ-XPHC',
      decision_date: '2026-03-20',
      fine_vnd: 5_000_000,
      remedies: 'Trồng lại rừng',
      note: ''
    });
    await remindOverdue(ctx.db, at('2030-01-01'));
    const outputs: unknown[] = [];
    for (const a of DEMO_ACCOUNTS) {
      const actor = await actorFor(ctx.db, a.username);
      outputs.push(await settle(officerReport(ctx.db, actor, reportId)));
      for (const tab of ['open', 'forwarded', 'handling', 'extensions', null])
        outputs.push(await settle(listQueue(ctx.db, actor, tab)));
    }
    outputs.push(await reporterTimeline(ctx.db, reportId));
    outputs.push(await ctx.db.selectFrom('report_event').selectAll().execute());
    outputs.push(await ctx.db.selectFrom('audit_event').selectAll().execute());
    outputs.push(await ctx.db.selectFrom('report').selectAll().execute());
    outputs.push(await listNotifications(ctx.db));
    const dump = JSON.stringify(outputs);
    expect(dump).toContain(reportId); // the outputs are about this report
    for (const secret of SECRETS) expect(dump).not.toContain(secret);
    // The custodian's page offers the reveal form; nobody else's does.
    const custodianView = await officerReport(ctx.db, await actorFor(ctx.db, 'baomat'), reportId);
    const officerView = await officerReport(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), reportId);
    expect([custodianView.can.reveal, officerView.can.reveal]).toEqual([true, false]);
    // The outcome reached the reporter's timeline.
    const timeline = await reporterTimeline(ctx.db, reportId);
    expect(timeline.at(-1)).toMatchObject({
      to: 'resolved',
      data: { outcome: { kind: 'violation_confirmed', fine_vnd: 5_000_000 } }
    });
  });

  it('alerts the on-duty officers of urgent reports once', async () => {
    const urgent = await listNotifications(ctx.db, { kind: 'urgent', reportId });
    const recipients = await ctx.db
      .selectFrom('account')
      .select(['id', 'username'])
      .where(
        'id',
        'in',
        urgent.map((n) => n.account_id!)
      )
      .execute();
    expect(recipients.map((r) => r.username).sort()).toEqual(['canbo.doanket', 'kiemlam']);
    expect(await notifyUrgent(ctx.db, { id: reportId })).toBe(0);
    const calm = await createTestReport(ctx.db, { categoryCode: 'do_rac' });
    expect(await notifyUrgent(ctx.db, { id: calm.id })).toBe(0);
  });

  it('reminds each responsible office once a day about due and overdue reports', async () => {
    const binhLu = await orgId(ctx.db, 'Hội Người cao tuổi xã Bình Lư');
    const a = await createTestReport(ctx.db, { communeCode: '03390', deadline_on: '2029-06-01' });
    const b = await createTestReport(ctx.db, { communeCode: '03390', deadline_on: '2029-06-03' });
    await createTestReport(ctx.db, { communeCode: '03390', deadline_on: '2029-06-04', status: 'rejected' });
    const first = await remindOverdue(ctx.db, at('2029-06-03'));
    expect(first.created).toBeGreaterThan(0);
    const again = await remindOverdue(ctx.db, at('2029-06-03'));
    expect(again.created).toBe(0);
    const mine = (await listNotifications(ctx.db, { day: '2029-06-03', kind: 'overdue' })).filter(
      (n) => n.organisation_id === binhLu
    );
    expect(mine).toHaveLength(1);
    const body = readJson<{ reports: { id: string }[]; overdue: number; dueToday: number }>(mine[0].body_json)!;
    expect(body.reports.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect([body.overdue, body.dueToday]).toEqual([1, 1]);
  });
});
