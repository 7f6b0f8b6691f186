/**
 * The page's own fixed words (headings, field names, notes; the slip, place and move sections
 * only when they show) in the reader's language, chosen on the server like the steps and the
 * timeline (steps.server.ts, display.server.ts): the browser then gets only the words the page
 * shows, not these messages' code in both languages (a 3.4 KB chunk on every cold load).
 */
import * as m from '$lib/paraglide/messages';
import { formatDate, formatDateTime } from '$lib/shared/format';
import type { OfficerReport } from '$lib/server/reports/workflow/view.service';

type Slip = { id: string; numberText: string; issuedOn: string };

/** The forwarding slips: the register's lines (the newest downloadable), or the way to issue one. */
function slipWords(slips: Slip[], mayIssue: boolean) {
  if (!slips.length && !mayIssue) return null;
  return {
    title: m.report_slip_title(),
    rows: slips.map((s, i) => ({
      id: s.id,
      text: m.report_slip_issued({ number: s.numberText, date: formatDate(s.issuedOn) }),
      download: i === 0 ? m.report_slip_download({ number: s.numberText }) : ''
    })),
    none: m.report_slip_none(),
    issueHint: m.report_slip_issue_hint(),
    issue: m.report_slip_issue()
  };
}

const placeWords = () => ({
  title: m.o311_place_title(),
  intro: m.o311_place_intro(),
  commune: m.o311_place_commune(),
  village: m.o311_place_village(),
  villageHint: m.o311_place_village_hint(),
  lat: m.o311_place_lat(),
  pointHint: m.o311_place_point_hint(),
  lon: m.o311_place_lon(),
  submit: m.o311_place_submit()
});

const moveWords = () => ({
  open: m.desk_move_open(),
  title: m.desk_move_title(),
  intro: m.desk_move_intro(),
  commune: m.desk_move_commune(),
  village: m.desk_move_village(),
  villageHint: m.desk_move_village_hint(),
  reason: m.desk_move_reason(),
  reasonHint: m.desk_move_reason_hint(),
  submit: m.desk_move_submit()
});

export interface PageWordsInput {
  unplaced: boolean;
  place: boolean;
  move: boolean;
  slips: Slip[];
  maySlip: boolean;
  pendingRevealAt: string | null;
  saved: boolean;
  hasActions: boolean;
}

/** The words, or '' when the page will not show them (each costs the cold load as data). */
const when = (shown: unknown, words: () => string) => (shown ? words() : '');

export function pageWords(v: OfficerReport, p: PageWordsInput) {
  const r = v.report;
  return {
    title: m.rw_report_title({ ref: r.ref }),
    backQueue: m.rw_back_queue(),
    saved: when(p.saved, m.rw_saved),
    urgent: when(r.urgent, m.reports_urgent),
    details: m.rw_details(),
    status: m.rw_field_status(),
    category: m.rw_field_category(),
    channel: m.rw_field_channel(),
    received: m.rw_field_received(),
    observed: m.rw_field_observed(),
    commune: m.rw_field_commune(),
    communeUnknown: when(!r.commune, m.desk_place_commune_unknown),
    agency: m.rw_field_agency(),
    assigned: m.rw_field_assigned(),
    deadline: m.rw_field_deadline(),
    overdue: when(r.overdue, m.rw_overdue_flag),
    dueToday: when(r.dueToday, m.rw_due_today),
    noDeadline: when(!r.deadlineOn, m.rw_no_deadline),
    extensionsUsed: m.rw_field_extensions(),
    duplicateOf: when(r.duplicateOf, m.rw_field_duplicate_of),
    description: m.rw_field_description(),
    noDescription: when(!r.description, m.desk_no_description),
    location: m.rw_field_location(),
    attachments: m.rw_attachments(),
    noAttachments: when(!v.attachments.length && !r.mediaUrl, m.rw_no_attachments),
    publishManage: when(v.can.publish && r.isPublic, m.desk_publish_manage),
    publishPrepare: when(v.can.publish && !r.isPublic, m.desk_publish_prepare),
    isPublic: when(v.can.publish && r.isPublic, m.desk_is_public),
    outcomeTitle: when(r.outcome, m.rw_outcome_title),
    identityTitle: m.rw_identity_title(),
    identityProtected: m.rw_identity_protected(),
    identityExplain: m.rw_identity_explain(),
    revealPending: p.pendingRevealAt ? m.desk_reveal_pending({ at: formatDateTime(p.pendingRevealAt) }) : '',
    extensionsTitle: when(v.extensions.length, m.rw_extensions_title),
    actions: m.rw_actions(),
    noActions: when(!p.hasActions, m.rw_no_actions),
    timeline: m.rw_timeline(),
    timelineEmpty: when(!v.timeline.length, m.rw_timeline_empty),
    choose: m.rw_choose(),
    villages: m.o311_place_villages(),
    unplaced: p.unplaced ? { title: m.o311_unplaced(), explain: m.o311_unplaced_explain() } : null,
    place: p.place ? placeWords() : null,
    move: p.move ? moveWords() : null,
    slip: slipWords(p.slips, p.maySlip)
  };
}

export type PageWords = ReturnType<typeof pageWords>;
