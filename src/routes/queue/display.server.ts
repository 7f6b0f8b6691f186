/**
 * The queue's stored codes, dates and flags in the reader's words, chosen on the server: the page
 * then ships none of the catalogue of statuses, channels, stages and tabs, nor the chunks that
 * carry those words for other pages (the report form's channel words, the report page's flags).
 */
import * as m from '$lib/paraglide/messages';
import { formatDate, formatDateTime } from '$lib/shared/format';
import type { listQueue } from '$lib/server/reports/workflow/queue.service';
import { categoryName, channelLabel, stageLabel, statusLabel, tabLabel } from '../reports/labels';

type Queue = Awaited<ReturnType<typeof listQueue>>;

export function queueWords(q: Queue) {
  return {
    ...q,
    tabs: q.tabs.map((t) => ({ value: t, label: tabLabel(t) })),
    tabLabel: tabLabel(q.tab),
    categories: q.categories.map((c) => ({ id: c.id, name: categoryName(c.name) })),
    items: q.items.map((r) => ({
      ...r,
      category: categoryName(r.category),
      channel: channelLabel(r.channel),
      status: statusLabel(r.status),
      receivedAt: formatDateTime(r.receivedAt),
      deadlineOn: formatDate(r.deadlineOn),
      deadlineKind: stageLabel(r.deadlineKind)
    })),
    flags: {
      urgent: m.reports_urgent(),
      unplaced: m.o311_unplaced(),
      overdue: m.rw_overdue_flag(),
      dueToday: m.rw_due_today()
    }
  };
}
