/** Catalogue labels for stored reports codes: direct message calls, so Paraglide ships only these. */
import * as m from '$lib/paraglide/messages';
import type { Labels } from './lookup';

/** Report statuses. */
export const REPORT_STATUS: Labels = {
  new: m.reports_status_new,
  needs_info: m.reports_status_needs_info,
  verified: m.reports_status_verified,
  rejected: m.reports_status_rejected,
  duplicate: m.reports_status_duplicate,
  escalated: m.reports_status_escalated,
  forwarded: m.reports_status_forwarded,
  returned: m.reports_status_returned,
  accepted: m.reports_status_accepted,
  in_progress: m.reports_status_in_progress,
  extension_requested: m.reports_status_extension_requested,
  resolved: m.reports_status_resolved,
  closed: m.reports_status_closed,
  reopened: m.reports_status_reopened
};

/** Channels (phản ánh, kiến nghị, tố cáo). */
export const REPORT_CHANNEL: Labels = {
  phan_anh: m.reports_channel_phan_anh,
  kien_nghi: m.reports_channel_kien_nghi,
  to_cao: m.reports_channel_to_cao
};

/** Deadline stages. */
export const REPORT_STAGE: Labels = {
  verify: m.reports_stage_verify,
  accept: m.reports_stage_accept,
  resolve: m.reports_stage_resolve
};

/** Outcomes. */
export const REPORT_OUTCOME: Labels = {
  violation_confirmed: m.reports_outcome_violation_confirmed,
  warned_remedied: m.reports_outcome_warned_remedied,
  not_a_violation: m.reports_outcome_not_a_violation,
  transferred: m.reports_outcome_transferred,
  outside_jurisdiction: m.reports_outcome_outside_jurisdiction
};

/** Authorities a report is transferred to. */
export const REPORT_TRANSFER: Labels = {
  police: m.reports_transfer_police,
  rangers: m.reports_transfer_rangers,
  other_authority: m.reports_transfer_other_authority
};

/** Reporter protection levels. */
export const REPORT_PROTECTION: Labels = {
  named: m.reports_protection_named,
  confidential: m.reports_protection_confidential,
  anonymous: m.reports_protection_anonymous
};

/** Queue tabs. */
export const QUEUE_TAB: Labels = {
  open: m.rw_tab_open,
  new: m.rw_tab_new,
  needs_info: m.rw_tab_needs_info,
  overdue: m.rw_tab_overdue,
  forwarded: m.rw_tab_forwarded,
  handling: m.rw_tab_handling,
  agency_overdue: m.rw_tab_agency_overdue,
  extensions: m.rw_tab_extensions
};

/** Timeline event kinds. */
export const REPORT_EVENT: Labels = {
  visible: m.rw_event_visible,
  internal: m.rw_event_internal,
  note: m.rw_event_note,
  message: m.rw_event_message,
  reply: m.rw_event_reply,
  forward: m.rw_event_forward,
  merge: m.rw_event_merge,
  extension: m.rw_event_extension,
  other: m.rw_event_other,
  assigned: m.rw_event_assigned,
  ext_denied: m.rw_event_ext_denied,
  place: m.o311_event_place,
  move: m.desk_event_move
};

/** Attachment kinds. */
export const ATTACHMENT_KIND: Labels = {
  photo: m.rw_attachment_photo,
  audio: m.rw_attachment_audio,
  document: m.rw_attachment_document
};
