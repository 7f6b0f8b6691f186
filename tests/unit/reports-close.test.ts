/**
 * A resolved report closes once its reporter can no longer reopen it (30 days, Vietnamese
 * dates): the daily job closes it with a visible timeline entry and an audit row; a report
 * still inside its window, or reopened, is left alone; running it twice closes nothing more.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { closeSettled } from '../../src/lib/server/reports/workflow/close.service';

const NOW = new Date('2026-06-30T10:00:00+07:00');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

forEachDb('closing resolved reports after the reopen window', (ctx) => {
  beforeAll(() => seedDemo(ctx.db));

  it('closes only what its reporter can no longer reopen, once', async () => {
    const old = await createTestReport(ctx.db, { status: 'resolved', resolved_at: daysAgo(31) });
    const inside = await createTestReport(ctx.db, { status: 'resolved', resolved_at: daysAgo(29) });
    const reopened = await createTestReport(ctx.db, { status: 'reopened', resolved_at: daysAgo(40) });
    const closed = await closeSettled(ctx.db, NOW);
    expect(closed).toBeGreaterThanOrEqual(1);
    const status = async (id: string) =>
      (await ctx.db.selectFrom('report').select(['status', 'closed_at']).where('id', '=', id).executeTakeFirstOrThrow())
        .status;
    expect(await status(old.id)).toBe('closed');
    expect(await status(inside.id)).toBe('resolved');
    expect(await status(reopened.id)).toBe('reopened');

    const events = await ctx.db
      .selectFrom('report_event')
      .select(['to_status', 'visible_to_reporter', 'actor_account_id'])
      .where('report_id', '=', old.id)
      .where('to_status', '=', 'closed')
      .execute();
    expect(events).toEqual([{ to_status: 'closed', visible_to_reporter: 1, actor_account_id: null }]);
    const audit = await ctx.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', old.id)
      .where('action', '=', 'report.close')
      .execute();
    expect(audit).toHaveLength(1);
    expect(await closeSettled(ctx.db, NOW)).toBe(0);
  });
});
