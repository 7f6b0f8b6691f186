/**
 * Deadline rules (pure). Defaults, overridable per channel × category in `deadline_rule`:
 * - verify  (association): 3 working days from receipt.
 * - accept  (agency): 7 working days from forwarding (Law on Denunciation 2018 Art. 24 gives
 *   7 working days to decide whether to accept a tố cáo; used for every channel).
 * - resolve (agency): 30 days from acceptance (Law on Denunciation Art. 30), +30 per approved
 *   extension. Tố cáo: at most 2 extensions (Art. 30). Phản ánh / kiến nghị: the law sets no
 *   ceiling; this program allows 1 extension (decision documented here, editable per rule).
 * Calendar-day deadlines ending on a day off move to the next working day (Civil Code Art. 148).
 */
import { AppError } from '$lib/server/errors';
import type { Channel, Stage } from '$lib/shared/reports/constants';
import { addCalendarDays, addWorkingDays, rollToWorkingDay, type Holidays } from '$lib/server/calendar/workdays';

export interface DeadlineRule {
  dayKind: 'working' | 'calendar';
  days: number;
  extensionDays: number;
  maxExtensions: number;
}

const verify: DeadlineRule = { dayKind: 'working', days: 3, extensionDays: 0, maxExtensions: 0 };
const accept: DeadlineRule = { dayKind: 'working', days: 7, extensionDays: 0, maxExtensions: 0 };
const resolve = (maxExtensions: number): DeadlineRule => ({
  dayKind: 'calendar',
  days: 30,
  extensionDays: 30,
  maxExtensions
});

export const DEFAULT_RULES: Record<Stage, Record<Channel, DeadlineRule>> = {
  verify: { phan_anh: verify, kien_nghi: verify, to_cao: verify },
  accept: { phan_anh: accept, kien_nghi: accept, to_cao: accept },
  resolve: { phan_anh: resolve(1), kien_nghi: resolve(1), to_cao: resolve(2) }
};

export interface RuleRow {
  channel: string;
  category_id: string | null;
  stage: string;
  day_kind: 'working' | 'calendar';
  days: number;
  extension_days: number;
  max_extensions: number;
}

/** Most specific wins: channel + category, then channel for every category, then the default. */
export function pickRule(
  rows: readonly RuleRow[],
  stage: Stage,
  channel: Channel,
  categoryId: string | null
): DeadlineRule {
  const mine = rows.filter((r) => r.stage === stage && r.channel === channel);
  const row =
    mine.find((r) => categoryId !== null && r.category_id === categoryId) ?? mine.find((r) => r.category_id === null);
  if (!row) return DEFAULT_RULES[stage][channel];
  return {
    dayKind: row.day_kind,
    days: row.days,
    extensionDays: row.extension_days,
    maxExtensions: row.max_extensions
  };
}

/** Calendar days of holiday data needed after `start` to compute this deadline safely. */
export function horizonDays(rule: DeadlineRule, extensions: number): number {
  const n = rule.days + extensions * rule.extensionDays;
  // Worst case: 5 working days per 7, plus a 9-day Tết break and a few other holidays.
  return rule.dayKind === 'working' ? Math.ceil((n * 7) / 5) + 30 : n + 30;
}

/** The due date ('YYYY-MM-DD'); the period starts the day after `start`. */
export function computeDeadline(rule: DeadlineRule, start: string, extensions: number, holidays: Holidays): string {
  if (!Number.isInteger(extensions) || extensions < 0) throw new RangeError('extensions must be ≥ 0');
  if (extensions > rule.maxExtensions) throw new AppError('CONFLICT', 'reports_err_extension_limit');
  const n = rule.days + extensions * rule.extensionDays;
  if (rule.dayKind === 'working') return addWorkingDays(start, n, holidays);
  return rollToWorkingDay(addCalendarDays(start, n), holidays);
}

/** Overdue once the due day has fully passed. */
export function isOverdue(deadlineOn: string | null, today: string): boolean {
  return deadlineOn !== null && today > deadlineOn;
}
