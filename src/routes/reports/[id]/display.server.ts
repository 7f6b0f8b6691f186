/**
 * The report's stored codes and history in the reader's words, chosen on the server: the page
 * then ships none of the catalogue of statuses, channels, outcomes and event kinds it could show.
 */
import * as m from '$lib/paraglide/messages';
import { formatDate, formatDateTime, formatNumber } from '$lib/shared/format';
import type { ReporterIdentity } from '$lib/shared/reports/identity';
import type { TimelineEntry } from '$lib/shared/reports/timeline';
import type { StepForm, TimelineRow } from '$lib/shared/reports/officer-page';
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
    title: e.to ? statusLabel(e.to) : eventLabel(e.kind),
    at: formatDateTime(e.at),
    org: e.org,
    visible: e.visibleToReporter ? m.rw_event_visible() : m.rw_event_internal(),
    detail: detail(e),
    body: e.body
  }));

/** The recorded outcome as the lines the page prints (empty lines are left out by the page). */
function outcomeWords(o: Record<string, unknown> | null) {
  if (!o) return null;
  const decisionDate = o.decision_date ? ` — ${formatDate(String(o.decision_date))}` : '';
  return {
    kind: outcomeLabel(String(o.kind)),
    decision: o.decision_no ? `${m.rw_outcome_decision({ no: String(o.decision_no) })}${decisionDate}` : '',
    fine: typeof o.fine_vnd === 'number' ? m.rw_outcome_fine({ amount: formatNumber(o.fine_vnd) }) : '',
    remedies: str(o.remedies),
    transfer: o.target ? `${transferLabel(String(o.target))} ${str(o.authority)}` : '',
    note: str(o.note)
  };
}

const EXTENSION_STATUS: Record<string, () => string> = {
  approved: m.rw_ext_status_approved,
  denied: m.rw_ext_status_denied
};

/** The summary's codes, the outcome and the extension requests as words. */
export function reportWords(v: OfficerReport) {
  return {
    status: statusLabel(v.report.status),
    category: categoryName(v.report.category),
    channel: channelLabel(v.report.channel),
    deadlineStage: stageLabel(v.report.deadlineKind),
    outcome: outcomeWords(v.report.outcome),
    extensions: v.extensions.map((x) => ({
      id: x.id,
      text: m.rw_ext_row({
        date: formatDateTime(x.created_at),
        reason: x.reason,
        status: (EXTENSION_STATUS[x.status] ?? m.rw_ext_status_pending)()
      })
    }))
  };
}

/** The report's fields the page prints as they are; its codes, outcome and extension requests arrive worded (reportWords). */
const SHOWN = [
  'id',
  'ref',
  'urgent',
  'description',
  'observedOn',
  'locationText',
  'lat',
  'lon',
  'communeUnit',
  'village',
  'mediaUrl',
  'isPublic',
  'commune',
  'agency',
  'assigned',
  'deadlineOn',
  'overdue',
  'dueToday',
  'extensionsUsed',
  'duplicateOf',
  'createdAt'
] as const;

export const shownReport = (r: OfficerReport['report']) =>
  Object.fromEntries(SHOWN.map((k) => [k, r[k]])) as Pick<OfficerReport['report'], (typeof SHOWN)[number]>;

const reasonField = (label: string, hint: string) => ({ kind: 'textarea' as const, name: 'reason', label, hint });

/**
 * The identity section's form: the custodian's reveal, else (nothing asked yet) the request to
 * the custodian; none for anyone else.
 */
export function identityForm(canReveal: boolean, state: { pending: unknown; mayAsk: boolean }): StepForm | null {
  if (canReveal)
    return {
      action: 'reveal',
      title: m.rw_reveal_title(),
      submit: m.rw_reveal_submit(),
      primary: false,
      fields: [
        reasonField(m.rw_field_reveal_reason(), m.rw_reveal_hint()),
        { kind: 'password', name: 'password', label: m.sec_reveal_password(), hint: m.sec_reveal_password_hint() }
      ]
    };
  if (state.pending || !state.mayAsk) return null;
  return {
    action: 'ask_reveal',
    title: m.desk_reveal_ask_title(),
    submit: m.desk_reveal_ask_submit(),
    primary: false,
    fields: [reasonField(m.desk_reveal_ask_reason(), m.desk_reveal_ask_hint())]
  };
}

/** A revealed identity as labelled lines, shown once in the action's answer. */
export function revealedRows(who: ReporterIdentity) {
  const rows: [string, string | null | undefined][] = [
    [m.rw_identity_name(), who.name],
    [m.rw_identity_address(), who.address],
    [m.rw_identity_phone(), who.phone],
    [m.rw_identity_email(), who.email],
    [m.rw_identity_national_id(), who.nationalId]
  ];
  return {
    notice: m.rw_revealed_notice(),
    // The name always; the other lines only when the reporter gave them.
    rows: rows.filter(([, value], i) => i === 0 || !!value).map(([label, value]) => ({ label, value: value ?? '' }))
  };
}
