/**
 * A resolved report is closed once its reporter can no longer reopen it (LIMITS.reopenDays
 * after the resolution, Vietnamese dates). Until then "đã xử lý" is provisional: the reporter
 * may say the problem is back. Run daily by `npm run cli -- reports remind`; each report moves
 * in its own step, so a report the reporter reopens at the same moment simply stays reopened.
 */
import type { Db } from '$lib/server/db';
import { SYSTEM } from '$lib/server/access/actor';
import { nowIso } from '$lib/server/db/ids';
import { AppError } from '$lib/server/errors';
import { todayVn } from '$lib/shared/format';
import { LIMITS } from '$lib/shared/reports/constants';
import { canReopen } from '$lib/shared/reports/status';
import { step } from './core';
import { resolvedBefore } from './workflow.repository';

export async function closeSettled(db: Db, now = new Date()): Promise<number> {
  const today = todayVn(now);
  // A day of margin on the instant; the date rule below decides.
  const cutoff = new Date(now.getTime() - (LIMITS.reopenDays - 1) * 86_400_000).toISOString();
  let closed = 0;
  for (const r of await resolvedBefore(db, cutoff)) {
    if (canReopen('resolved', todayVn(new Date(r.resolved_at!)), today)) continue;
    try {
      await step(db, SYSTEM, {
        r,
        side: 'association',
        to: 'closed',
        patch: { closed_at: nowIso() },
        event: { kind: 'status', visible: true },
        action: 'report.close'
      });
      closed++;
    } catch (e) {
      // Moved meanwhile (reopened by its reporter): nothing to close.
      if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e;
    }
  }
  return closed;
}
