/**
 * A parent organisation reminds the children that have not sent their report, and the
 * reminder reaches their officers by e-mail through a REAL SMTP server process (smtp-server),
 * on both databases: the right office only, the report's title, the due date as dd/mm/yyyy and
 * the link to the reports page; sent once, even when the notifier runs again.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { startMailSink, type MailSink } from '../support/mail-sink';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { createReport, reportView } from '../../src/lib/server/reporting/report.service';
import { remindMissing } from '../../src/lib/server/reporting/consolidation.service';
import { deliverPending } from '../../src/lib/server/notify/delivery.service';
import { emailNotifier } from '../../src/lib/server/notify/email';
import { RecordingSms } from '../../src/lib/server/notify/sms';

let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
});
afterAll(() => sink.close());

forEachDb('report reminders by e-mail', (ctx) => {
  const channels = () => ({
    email: emailNotifier({ url: sink.url, from: 'cs@chungsuc.test' }),
    sms: new RecordingSms()
  });
  let reportId = '';
  let title = '';

  beforeAll(async () => {
    await seedDemo(ctx.db);
    for (const [username, email] of [
      ['canbo.doanket', 'doanket@hoi.test'],
      ['canbo.binhlu', 'binhlu@hoi.test'],
      ['canbo.tinh', 'tinh@hoi.test']
    ])
      await ctx.db.updateTable('account').set({ email }).where('username', '=', username).execute();
    const province = await actorFor(ctx.db, 'canbo.tinh');
    reportId = await createReport(ctx.db, province, {
      organisation_id: await orgId(ctx.db, 'Hội Người cao tuổi tỉnh Lai Châu'),
      report_kind: 'periodic',
      period_kind: 'quarter',
      year: 2026,
      period_index: 1,
      start_on: null,
      end_on: null
    });
    title = (await reportView(ctx.db, province, reportId)).report.title;
  }, 120_000);
  beforeEach(() => {
    sink.mails.length = 0;
  });

  it('e-mails the officers of each child that has not reported, once', async () => {
    const province = await actorFor(ctx.db, 'canbo.tinh');
    const now = new Date('2026-03-25T03:00:00Z'); // after the due date 19/03
    const queued = await remindMissing(ctx.db, province, reportId, now);
    expect(queued).toBeGreaterThanOrEqual(2); // Đoàn Kết and Bình Lư among the communes
    await deliverPending(ctx.db, channels(), { origin: 'https://cs.test' });
    const first = sink.mails.length;
    const to = (a: string) => sink.mails.filter((m) => m.to.includes(a));
    expect(to('doanket@hoi.test')).toHaveLength(1);
    expect(to('binhlu@hoi.test')).toHaveLength(1);
    expect(to('tinh@hoi.test')).toHaveLength(0); // the sender is not reminded
    const mail = to('doanket@hoi.test')[0];
    expect(mail.subject).toBe(`Nhắc gửi báo cáo: ${title} (hạn 19/03/2026)`);
    expect(mail.text).toContain('Hạn gửi: 19/03/2026');
    expect(mail.text).toContain('https://cs.test/program/reports');
    const rows = await ctx.db
      .selectFrom('notification')
      .select(['organisation_id', 'status', 'sent_at', 'last_error'])
      .where('kind', '=', 'report_due')
      .execute();
    expect(rows.length).toBe(queued);
    const reached = [
      await orgId(ctx.db, 'Hội Người cao tuổi phường Đoàn Kết'),
      await orgId(ctx.db, 'Hội Người cao tuổi xã Bình Lư')
    ];
    for (const r of rows)
      if (reached.includes(r.organisation_id)) expect([r.status, !!r.sent_at]).toEqual(['sent', true]);
      else expect([r.status, r.last_error]).toEqual(['failed', 'no_recipient']); // nobody there has an address

    // The same day again: nothing queued, nothing sent.
    expect(await remindMissing(ctx.db, province, reportId, now)).toBe(0);
    await deliverPending(ctx.db, channels(), { origin: 'https://cs.test' });
    expect(sink.mails).toHaveLength(first);
    expect(to('doanket@hoi.test')).toHaveLength(1);
  });
});
