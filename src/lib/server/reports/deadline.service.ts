/**
 * Deadlines from the rules in the database and the holiday calendar. Not scoped: rules and
 * holidays are public reference data; callers (report services) do the access checks.
 */
import type { Db } from '$lib/server/db';
import { newId, nowIso } from '$lib/server/db/ids';
import { CHANNELS, STAGES, type Channel, type Stage } from '$lib/shared/reports/constants';
import { loadCalendar } from '$lib/server/calendar/calendar';
import { addCalendarDays } from '$lib/server/calendar/workdays';
import { DEFAULT_RULES, computeDeadline, horizonDays, pickRule, type DeadlineRule } from './deadline';
import { countChannelDefaults, insertDeadlineRules, listDeadlineRules } from './deadline.repository';

export interface Deadline {
  stage: Stage;
  dueOn: string;
  rule: DeadlineRule;
}

export async function deadlineFor(
  db: Db,
  stage: Stage,
  channel: Channel,
  categoryId: string | null,
  startDate: string,
  extensions = 0
): Promise<Deadline> {
  const rule = pickRule(await listDeadlineRules(db, channel, stage), stage, channel, categoryId);
  const calendar = await loadCalendar(db, startDate, addCalendarDays(startDate, horizonDays(rule, extensions)));
  return { stage, dueOn: computeDeadline(rule, startDate, extensions, calendar), rule };
}

/** Write the defaults as editable channel-level rows, once (skipped if any exist). */
export async function seedDeadlineRules(db: Db): Promise<void> {
  if ((await countChannelDefaults(db)) > 0) return;
  const now = nowIso();
  await insertDeadlineRules(
    db,
    STAGES.flatMap((stage) =>
      CHANNELS.map((channel) => {
        const r = DEFAULT_RULES[stage][channel];
        return {
          id: newId(),
          channel,
          category_id: null,
          stage,
          day_kind: r.dayKind,
          days: r.days,
          extension_days: r.extensionDays,
          max_extensions: r.maxExtensions,
          updated_at: now
        };
      })
    )
  );
}
