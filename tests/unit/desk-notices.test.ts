/**
 * Officers hear of what needs them and reporters of answers: in-app notices (read/unread,
 * only one's own), e-mail through a REAL SMTP server process for officers with an address,
 * SMS (recording stand-in) to a reporter who left a phone. No message holds the identity.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { startMailSink, type MailSink } from '../support/mail-sink';
import { actorFor, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { noticeDeadlines, noticeNewReport } from '../../src/lib/server/notify/notices';
import { listNotices, markNoticesRead, unreadNotices } from '../../src/lib/server/notify/inbox.service';
import { deliverPending } from '../../src/lib/server/notify/delivery.service';
import { emailNotifier } from '../../src/lib/server/notify/email';
import { RecordingSms } from '../../src/lib/server/notify/sms';
import { insertAccountNotice } from '../../src/lib/server/accounts/custodian.repository';
import { newId, nowIso } from '../../src/lib/server/db/ids';
import { askForInformation } from '../../src/lib/server/reports/workflow/association.service';
import { reply } from '../../src/lib/server/reports/intake/followup.service';

const WHO = { name: 'Lò Thị Kín Đáo', phone: '0977111222', address: 'Bản Bí Mật' };
let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
});
afterAll(() => sink.close());

forEachDb('officer and reporter notices', (ctx) => {
  let sms: RecordingSms;
  const channels = () => ({ email: emailNotifier({ url: sink.url, from: 'cs@chungsuc.test' }), sms });

  beforeAll(async () => {
    await seedDemo(ctx.db);
    await ctx.db
      .updateTable('account')
      .set({ email: 'doanket@hoi.test' })
      .where('username', '=', 'canbo.doanket')
      .execute();
  });
  beforeEach(() => {
    sink.mails.length = 0;
    sms = new RecordingSms();
  });

  it('tells the commune officer of a new report, in the app and by e-mail, once', async () => {
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    const other = await actorFor(ctx.db, 'canbo.binhlu');
    const before = await unreadNotices(ctx.db, officer);
    const r = await createTestReport(ctx.db, { identity: WHO, protection: 'confidential' });
    expect(await noticeNewReport(ctx.db, r.id)).toBe(1);
    expect(await noticeNewReport(ctx.db, r.id)).toBe(0); // idempotent
    expect(await unreadNotices(ctx.db, officer)).toBe(before + 1);
    const mine = (await listNotices(ctx.db, officer)).filter((n) => n.reportId === r.id);
    expect(mine).toMatchObject([{ kind: 'new_report', read: false, href: `/reports/${r.id}` }]);
    // Another commune's officer hears nothing of it and cannot mark it.
    expect((await listNotices(ctx.db, other)).some((n) => n.reportId === r.id)).toBe(false);
    expect(await markNoticesRead(ctx.db, other, [mine[0].id])).toBe(0);
    await deliverPending(ctx.db, channels(), { origin: 'https://cs.test' });
    const mail = sink.mails.find((m) => m.to.includes('doanket@hoi.test'));
    expect(mail?.raw).toBeTruthy();
    for (const s of Object.values(WHO)) expect(mail!.raw).not.toContain(s);
    expect(await markNoticesRead(ctx.db, officer, [mine[0].id])).toBe(1);
    expect((await listNotices(ctx.db, officer, { unread: true })).some((n) => n.reportId === r.id)).toBe(false);
  });

  it("texts the reporter when officers answer, and tells the officer of the reporter's reply", async () => {
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    const r = await createTestReport(ctx.db, { identity: WHO, protection: 'confidential' });
    await askForInformation(ctx.db, officer, r.id, 'Xin cho biết khoảnh rừng nào?');
    await deliverPending(ctx.db, channels(), { origin: 'https://cs.test' });
    expect(sms.sent).toHaveLength(1);
    expect(sms.sent[0].to).toBe(WHO.phone);
    expect(sms.sent[0].text).toContain(r.id.slice(0, 8).toUpperCase());
    expect(sms.sent[0].text).not.toContain(WHO.name);
    expect(sms.sent[0].text).not.toContain(r.receipt);
    await reply(ctx.db, r.id, 'Khoảnh 5', []);
    const kinds = (await listNotices(ctx.db, officer)).filter((n) => n.reportId === r.id).map((n) => n.kind);
    expect(kinds).toContain('reply');
  });

  it('sends nothing to an anonymous reporter', async () => {
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    const r = await createTestReport(ctx.db, { identity: null, protection: 'anonymous' });
    await askForInformation(ctx.db, officer, r.id, 'Ở đâu?');
    const rows = await ctx.db.selectFrom('notification').selectAll().where('report_id', '=', r.id).execute();
    expect(rows.filter((n) => n.kind === 'answer')).toEqual([]);
  });

  it('tells the responsible office of a deadline two days off, once per deadline', async () => {
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    const r = await createTestReport(ctx.db, { deadline_on: '2030-05-03' });
    const now = new Date('2030-05-01T03:00:00Z');
    expect(await noticeDeadlines(ctx.db, now)).toBeGreaterThanOrEqual(1);
    expect(await noticeDeadlines(ctx.db, now)).toBe(0);
    const n = (await listNotices(ctx.db, officer)).filter((x) => x.reportId === r.id);
    expect(n.map((x) => x.kind)).toEqual(['deadline']);
  });

  it('counts and marks read both kinds of notice, a report notice and an account notice, only ones own', async () => {
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    const other = await actorFor(ctx.db, 'canbo.binhlu');
    await markNoticesRead(ctx.db, officer, null);
    expect(await unreadNotices(ctx.db, officer)).toBe(0);
    const r = await createTestReport(ctx.db);
    await noticeNewReport(ctx.db, r.id);
    const [report] = (await listNotices(ctx.db, officer, { unread: true })).filter((n) => n.reportId === r.id);
    const account = newId();
    const body = { event: 'requested', username: 'x', organisation: 'y', by: 'z', role: 'identity_custodian' };
    await insertAccountNotice(ctx.db, {
      id: account,
      dedupe_key: `test:${account}`,
      account_id: officer.accountId!,
      body,
      at: nowIso()
    });
    expect(await unreadNotices(ctx.db, officer)).toBe(2);
    expect(await markNoticesRead(ctx.db, other, [report.id, account])).toBe(0);
    expect(await markNoticesRead(ctx.db, officer, [report.id, account])).toBe(2);
    expect(await unreadNotices(ctx.db, officer)).toBe(0);
    expect(await markNoticesRead(ctx.db, officer, [report.id, account])).toBe(0);
  });
});
