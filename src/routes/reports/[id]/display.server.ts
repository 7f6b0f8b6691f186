/**
 * The report's stored codes and history in the reader's words, chosen on the server: the page
 * then ships none of the catalogue of statuses, channels, outcomes and event kinds it could show.
 */
import * as m from '$lib/paraglide/messages';
import { formatDate } from '$lib/shared/format';
import type { TimelineEntry } from '$lib/shared/reports/timeline';
import type { TimelineRow } from '$lib/shared/reports/officer-page';
import type { OfficerReport } from '$lib/server/reports/workflow/view.service';
import {
  categoryName,
  channelLabel,
  eventLabel,
  outcomeLabel,
  stageLabel,
  statusLabel,
  transferLabel
} from '../labels';

const str = (v: unknown) => (v == null ? '' : String(v));

/** A one-line summary of the structured data some events carry. */
function detail(e: TimelineEntry): string {
  const d = e.data ?? {};
  if (e.kind === 'forward')
    return m.rw_event_forward_detail({
      agency: str(d.agency_name),
      no: str(d.doc_no),
      date: formatDate(str(d.doc_date))
    });
  if (e.kind === 'extension' && 'approved' in d)
    return d.approved ? m.rw_event_ext_approved({ date: formatDate(str(d.deadline_on)) }) : m.rw_event_ext_denied();
  if (e.kind === 'move') {
    const place = (c: unknown, v: unknown) => [str(v), str(c)].filter(Boolean).join(', ');
    return m.desk_event_move_detail({
      from: place(d.from_commune, d.from_village),
      to: place(d.to_commune, d.to_village)
    });
  }
  if (d.assigned_account_id) return m.rw_event_assigned();
  if (d.site_visit && d.visit_date) return m.rw_event_site_visit({ date: formatDate(str(d.visit_date)) });
  return '';
}

export const timelineRows = (entries: TimelineEntry[]): TimelineRow[] =>
  entries.map((e) => ({
    id: e.id,
    title: e.to ? statusLabel(e.to) : eventLabel(e.kind),
    at: e.at,
    org: e.org,
    visible: e.visibleToReporter ? m.rw_event_visible() : m.rw_event_internal(),
    detail: detail(e),
    body: e.body
  }));

/** The summary's and the outcome's codes as words. */
export function reportWords(v: OfficerReport) {
  const outcome = v.report.outcome;
  return {
    status: statusLabel(v.report.status),
    category: categoryName(v.report.category),
    channel: channelLabel(v.report.channel),
    deadlineStage: stageLabel(v.report.deadlineKind),
    outcomeKind: outcome ? outcomeLabel(String(outcome.kind)) : '',
    outcomeTarget: outcome?.target ? transferLabel(String(outcome.target)) : ''
  };
}
