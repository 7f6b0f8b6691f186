/**
 * An officer asks the identity custodian for a reveal; the custodian sees the waiting requests
 * (count and list, within their scope), and the reveal or a decline closes them. Requests never
 * hold the identity.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import {
  closeRevealRequests,
  countRevealRequests,
  declineRevealRequests,
  pendingRevealRequests,
  requestReveal,
  revealRequestState
} from '../../src/lib/server/reports/workflow/reveal-request.service';

const WHO = { name: 'Giàng Thị Ẩn', phone: '0988777666' };

forEachDb('identity reveal requests', (ctx) => {
  beforeAll(() => seedDemo(ctx.db));

  it('goes from the officer to the custodian and closes on reveal', async () => {
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    const custodian = await actorFor(ctx.db, 'baomat');
    const r = await createTestReport(ctx.db, { identity: WHO, protection: 'confidential' });
    expect(await revealRequestState(ctx.db, officer, r.id)).toEqual({ mayAsk: true, pending: null });
    const before = await countRevealRequests(ctx.db, custodian);
    await requestReveal(ctx.db, officer, r.id, 'Cần hỏi thêm vị trí chính xác của khoảnh rừng');
    await requestReveal(ctx.db, officer, r.id, 'Lần nữa'); // one waiting request is enough
    expect(await countRevealRequests(ctx.db, custodian)).toBe(before + 1);
    const list = await pendingRevealRequests(ctx.db, custodian);
    const mine = list.filter((q) => q.reportId === r.id);
    expect(mine).toHaveLength(1);
    expect(mine[0].reason).toContain('khoảnh rừng');
    expect(JSON.stringify(list)).not.toContain(WHO.name);
    expect(JSON.stringify(list)).not.toContain(WHO.phone);
    expect((await revealRequestState(ctx.db, officer, r.id)).pending).not.toBeNull();
    await closeRevealRequests(ctx.db, custodian, r.id);
    expect(await countRevealRequests(ctx.db, custodian)).toBe(before);
    const row = await ctx.db.selectFrom('reveal_request').selectAll().where('report_id', '=', r.id).execute();
    expect(row.map((q) => q.status)).toEqual(['revealed']);
  });

  it('can be declined with a note, which is audited', async () => {
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    const custodian = await actorFor(ctx.db, 'baomat');
    const r = await createTestReport(ctx.db, { identity: WHO, protection: 'confidential' });
    await requestReveal(ctx.db, officer, r.id, 'Cần gọi điện xác minh thông tin');
    await declineRevealRequests(ctx.db, custodian, r.id, 'Chưa đủ lý do');
    const row = await ctx.db.selectFrom('reveal_request').selectAll().where('report_id', '=', r.id).execute();
    expect(row.map((q) => [q.status, q.decision_note])).toEqual([['declined', 'Chưa đủ lý do']]);
    const audit = await ctx.db.selectFrom('audit_event').selectAll().where('entity_id', '=', r.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['reveal.request', 'reveal.decline']));
    for (const a of audit) expect(JSON.stringify(a)).not.toContain(WHO.phone);
  });

  it.each([
    ['an anonymous report', 'canbo.doanket', { identity: null, protection: 'anonymous' as const }],
    ["another commune's officer", 'canbo.binhlu', { identity: WHO, protection: 'confidential' as const }],
    ['a member', 'hoivien', { identity: WHO, protection: 'confidential' as const }]
  ])('is refused for %s', async (_n, user, o) => {
    const r = await createTestReport(ctx.db, o);
    await expect(
      requestReveal(ctx.db, await actorFor(ctx.db, user), r.id, 'Cần liên hệ người phản ánh')
    ).rejects.toThrow();
    expect(await ctx.db.selectFrom('reveal_request').selectAll().where('report_id', '=', r.id).execute()).toEqual([]);
  });

  it('is listed only for custodians', async () => {
    await expect(pendingRevealRequests(ctx.db, await actorFor(ctx.db, 'canbo.doanket'))).rejects.toThrow();
    expect(await countRevealRequests(ctx.db, await actorFor(ctx.db, 'canbo.doanket'))).toBe(0);
  });
});
