/**
 * Notification delivery: urgent alerts and reminders leave the outbox by e-mail (through a REAL
 * SMTP server process, npm smtp-server on a random port) and SMS (the recording stand-in);
 * failures are retried with backoff and end as `failed`; no message ever holds the reporter's
 * protected identity.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { startMailSink, type MailSink, type ReceivedMail } from '../support/mail-sink';
import { seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { notifyUrgent, remindOverdue } from '../../src/lib/server/reports/workflow/remind.service';
import { deliverPending } from '../../src/lib/server/notify/delivery.service';
import { emailNotifier } from '../../src/lib/server/notify/email';
import { RecordingSms } from '../../src/lib/server/notify/sms';
import { configuredNotifiers } from '../../src/lib/server/notify/channels';
import { setNotifyEmail } from '../../src/lib/server/notify/contact.service';
import { SYSTEM } from '../../src/lib/server/access/actor';
import { actorFor } from '../support/demo';

const WHO = { name: 'Lò Văn Kín Tên', phone: '0977654321', address: 'Bản Hua Bum Bí Mật', nationalId: '099887766554' };
const SECRETS = Object.values(WHO);

/** Subject and plain-text body as a mail client shows them. */
const parse = async (m: ReceivedMail) => ({ subject: m.subject, body: m.text });

let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
});
afterAll(() => sink.close());

forEachDb('notification delivery', (ctx) => {
  let sms: RecordingSms;
  const channels = () => ({
    email: emailNotifier({ url: sink.url, from: 'Chung Sức <no-reply@chungsuc.test>' }),
    sms
  });
  const setContact = (username: string, email: string | null, phone: string | null) =>
    ctx.db.updateTable('account').set({ email, phone }).where('username', '=', username).execute();

  beforeAll(async () => {
    await seedDemo(ctx.db);
    await setContact('canbo.doanket', 'canbo.doanket@hoi.test', null);
    await setContact('kiemlam', null, '0912000111');
  });
  beforeEach(() => {
    sink.mails.length = 0;
    sms = new RecordingSms();
  });

  it('e-mails and texts an urgent alert in Vietnamese, without the reporter identity', async () => {
    const r = await createTestReport(ctx.db, { identity: WHO, categoryCode: 'chay_rung', protection: 'confidential' });
    expect(await notifyUrgent(ctx.db, { id: r.id })).toBe(2);
    const res = await deliverPending(ctx.db, channels(), { origin: 'https://chungsuc.test' });
    expect(res).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(sink.mails).toHaveLength(1);
    const mail = await parse(sink.mails[0]);
    expect(sink.mails[0].to).toEqual(['canbo.doanket@hoi.test']);
    expect(mail.subject).toBe('[Chung Sức] Phản ánh khẩn cấp: Cháy rừng');
    expect(mail.body).toContain(`mã tham chiếu ${r.id.slice(0, 8).toUpperCase()}`);
    expect(mail.body).toContain(`https://chungsuc.test/reports/${r.id}`);
    expect(mail.body).toContain('Xin vào Chung Sức để xử lý ngay');
    expect(sms.sent).toEqual([{ to: '0912000111', subject: '', text: expect.stringContaining('KHAN CAP Chay rung') }]);
    for (const secret of SECRETS) {
      expect(sink.mails[0].raw).not.toContain(secret);
      expect(mail.subject + mail.body).not.toContain(secret);
      expect(JSON.stringify(sms.sent)).not.toContain(secret);
    }
    const rows = await ctx.db.selectFrom('notification').selectAll().where('report_id', '=', r.id).execute();
    expect(rows.map((n) => [n.status, n.attempts, n.last_error])).toEqual([
      ['sent', 1, null],
      ['sent', 1, null]
    ]);
    // Nothing is sent twice.
    expect(await deliverPending(ctx.db, channels())).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('a burst of urgent reports reaches each officer as one message listing them all', async () => {
    await deliverPending(ctx.db, channels());
    sink.mails.length = 0;
    const burst = [];
    for (let i = 0; i < 6; i++) {
      const r = await createTestReport(ctx.db, {
        identity: WHO,
        categoryCode: 'chay_rung',
        protection: 'confidential'
      });
      expect(await notifyUrgent(ctx.db, { id: r.id })).toBe(2);
      burst.push(r.id);
    }
    const res = await deliverPending(ctx.db, channels(), { origin: 'https://chungsuc.test' });
    expect(res).toEqual({ sent: 12, retrying: 0, failed: 0 });
    expect(sink.mails).toHaveLength(1);
    const mail = await parse(sink.mails[0]);
    expect(mail.subject).toBe('[Chung Sức] 6 phản ánh khẩn cấp mới');
    for (const id of burst) expect(mail.body).toContain(`Cháy rừng (${id.slice(0, 8).toUpperCase()})`);
    expect(sms.sent).toHaveLength(1);
    expect(sms.sent[0].text).toMatch(/^Chung Suc: 6 phan anh KHAN CAP moi, ma [0-9A-F]{8}, .*…/);
    expect(sms.sent[0].text.length).toBeLessThanOrEqual(160);
    for (const secret of SECRETS) expect(sink.mails[0].raw + JSON.stringify(sms.sent)).not.toContain(secret);
    const rows = await ctx.db.selectFrom('notification').select('status').where('report_id', 'in', burst).execute();
    expect(rows.map((r) => r.status)).toEqual(Array(12).fill('sent'));
  });

  it('retries with backoff when the SMTP server refuses, then succeeds', async () => {
    const r = await createTestReport(ctx.db, {
      identity: WHO,
      categoryCode: 'khai_thac_go',
      protection: 'confidential'
    });
    await notifyUrgent(ctx.db, { id: r.id });
    sink.refuseNext(1);
    const t0 = new Date('2031-01-01T00:00:00Z');
    expect(await deliverPending(ctx.db, channels(), { now: t0 })).toEqual({ sent: 1, retrying: 1, failed: 0 });
    const mailRow = await ctx.db
      .selectFrom('notification')
      .selectAll()
      .where('report_id', '=', r.id)
      .where('account_id', 'is not', null)
      .execute();
    const failedRow = mailRow.find((n) => n.status === 'pending')!;
    expect(failedRow).toMatchObject({ attempts: 1, next_attempt_at: '2031-01-01T00:01:00.000Z' });
    expect(failedRow.last_error).toMatch(/^email: /);
    for (const secret of SECRETS) expect(failedRow.last_error).not.toContain(secret);
    // Not yet due: nothing happens.
    expect(await deliverPending(ctx.db, channels(), { now: new Date('2031-01-01T00:00:30Z') })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0
    });
    expect(await deliverPending(ctx.db, channels(), { now: new Date('2031-01-01T00:01:00Z') })).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0
    });
    expect(sink.mails).toHaveLength(1);
    expect((await parse(sink.mails[0])).subject).toBe('[Chung Sức] Phản ánh khẩn cấp: Khai thác gỗ trái phép');
  });

  it('gives up after the last attempt, and at once when nobody can be reached', async () => {
    const r = await createTestReport(ctx.db, { categoryCode: 'khai_thac_go' });
    await notifyUrgent(ctx.db, { id: r.id });
    sms.failWith = 'gateway down';
    let now = new Date('2032-01-01T00:00:00Z');
    const results = [];
    for (let i = 0; i < 3; i++) {
      results.push(await deliverPending(ctx.db, { email: channels().email, sms }, { now, maxAttempts: 3 }));
      now = new Date(now.getTime() + 10 * 60_000);
    }
    expect(results.map((x) => [x.retrying, x.failed])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1]
    ]);
    const smsRow = await ctx.db
      .selectFrom('notification')
      .selectAll()
      .where('report_id', '=', r.id)
      .where('status', '=', 'failed')
      .executeTakeFirstOrThrow();
    expect(smsRow).toMatchObject({ attempts: 3, next_attempt_at: null, last_error: 'sms: gateway down' });
    // An office where no one has an e-mail or phone and the office has no phone.
    await ctx.db.updateTable('account').set({ email: null, phone: null }).execute();
    await ctx.db.updateTable('organisation').set({ phone: null }).execute();
    await remindOverdue(ctx.db, new Date('2040-01-01T10:00:00+07:00'));
    const res = await deliverPending(ctx.db, channels(), { now: new Date('2040-01-01T05:00:00Z') });
    expect(res.sent).toBe(0);
    const reminders = await ctx.db.selectFrom('notification').selectAll().where('kind', '=', 'overdue').execute();
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.every((n) => n.status === 'failed' && n.last_error === 'no_recipient')).toBe(true);
  });

  it('administrators (or the CLI) set the notification e-mail; audited; bad addresses refused', async () => {
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: { code: string }) => e.code
      );
    expect(await code(setNotifyEmail(ctx.db, SYSTEM, 'canbo.binhlu', 'not-an-address'))).toBe('VALIDATION');
    expect(await code(setNotifyEmail(ctx.db, await actorFor(ctx.db, 'canbo.tinh'), 'canbo.binhlu', 'a@b.vn'))).toBe(
      'NOT_FOUND'
    );
    expect(await code(setNotifyEmail(ctx.db, SYSTEM, 'nobody', 'a@b.vn'))).toBe('NOT_FOUND');
    await setNotifyEmail(ctx.db, await actorFor(ctx.db, 'quantri'), 'canbo.binhlu', 'canbo.binhlu@hoi.test');
    const row = await ctx.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_type', '=', 'account')
      .where('action', '=', 'update')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.after_json!)).toEqual({ email: 'canbo.binhlu@hoi.test' });
  });

  it('composes the daily reminder in Vietnamese and mails the office staff', async () => {
    await createTestReport(ctx.db, {
      identity: WHO,
      communeCode: '03390',
      deadline_on: '2041-06-01',
      protection: 'confidential'
    });
    await remindOverdue(ctx.db, new Date('2041-06-03T10:00:00+07:00'));
    await deliverPending(ctx.db, channels(), { now: new Date('2041-06-03T05:00:00Z') });
    const mine = sink.mails.filter((x) => x.to.includes('canbo.binhlu@hoi.test'));
    expect(mine).toHaveLength(1);
    const mail = await parse(mine[0]);
    expect(mail.subject).toBe('[Chung Sức] Nhắc hạn: 1 phản ánh quá hạn, 0 đến hạn hôm nay');
    expect(mail.body).toContain('Ngày 03/06/2041');
    for (const secret of SECRETS) expect(mine[0].raw + mail.body).not.toContain(secret);
  });
});

it('uses the recording SMS stand-in unless a gateway is named, and refuses an unknown gateway', () => {
  expect(configuredNotifiers({ SMTP_URL: undefined, MAIL_FROM: 'x@y', SMS_GATEWAY: undefined })).toMatchObject({
    email: undefined,
    sms: expect.any(RecordingSms)
  });
  expect(() => configuredNotifiers({ SMTP_URL: undefined, MAIL_FROM: 'x@y', SMS_GATEWAY: 'viettel' })).toThrow(
    /no SMS gateway/
  );
});
