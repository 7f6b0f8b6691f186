/**
 * The queue and the officers' report page arrive worded from the server (issue 8 §4: the page
 * weight): the browser gets the words it shows, in the reader's language, and no stored code
 * or message catalogue; the words of a section that does not show are not sent at all.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { officerReport } from '../../src/lib/server/reports/workflow/view.service';
import { listQueue } from '../../src/lib/server/reports/workflow/queue.service';
import { queueWords } from '../../src/routes/queue/display.server';
import { pageWords } from '../../src/routes/reports/[id]/words.server';
import { shownReport, timelineRows } from '../../src/routes/reports/[id]/display.server';

const DAY = /^\d{2}\/\d{2}\/\d{4}$/;
const input = { unplaced: false, place: false, move: false, slips: [], maySlip: false, pendingRevealAt: null };

forEachDb('report desk words', (ctx) => {
  beforeAll(() => seedDemo(ctx.db));

  it('words the queue rows, tabs and flags; no status, channel or stage code reaches the page', async () => {
    const { id } = await createTestReport(ctx.db, { status: 'new' });
    const q = queueWords(await listQueue(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), null));
    const row = q.items.find((r) => r.id === id)!;
    expect(row).toBeTruthy();
    expect(row.status).toBe('Mới gửi');
    expect(row.channel).toBe('Phản ánh');
    expect(row.receivedAt).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(row.deadlineOn).toMatch(DAY);
    expect(q.tabs.every((t) => t.label && t.label !== t.value)).toBe(true);
    expect(q.flags.urgent).toBe('Khẩn cấp');
    const sent = JSON.stringify(q.items);
    for (const code of ['"new"', 'phan_anh', '"verify"', '"vi":']) expect(sent).not.toContain(code);
  });

  it('sends the report page the words it shows, and none for a section that does not show', async () => {
    const { id } = await createTestReport(ctx.db, { status: 'new', description: '' });
    const view = await officerReport(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), id);
    const t = pageWords(view, { ...input, saved: false, hasActions: true });
    expect(t.title).toBe(`Phản ánh ${view.report.ref}`);
    expect(t.noDescription).not.toBe('');
    expect([t.saved, t.noActions, t.outcomeTitle, t.extensionsTitle, t.publishManage]).toEqual(['', '', '', '', '']);
    expect([t.unplaced, t.place, t.move, t.slip]).toEqual([null, null, null, null]);
    const shown = pageWords(view, {
      ...input,
      unplaced: true,
      place: true,
      move: true,
      maySlip: true,
      saved: true,
      hasActions: false
    });
    expect(shown.saved).not.toBe('');
    expect(shown.noActions).not.toBe('');
    expect(shown.place?.title).toBeTruthy();
    expect(shown.move?.reason).toBeTruthy();
    expect(shown.slip?.rows).toEqual([]);
  });

  it('keeps the stored codes and the outcome home, and dates the history', async () => {
    const { id } = await createTestReport(ctx.db, { status: 'new' });
    const view = await officerReport(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), id);
    const report = shownReport(view.report);
    for (const key of ['status', 'channel', 'protection', 'category', 'outcome'])
      expect(report).not.toHaveProperty(key);
    expect(report.ref).toBe(view.report.ref);
    const rows = timelineRows(view.timeline);
    for (const r of rows) expect(r.at).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  });
});
