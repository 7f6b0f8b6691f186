/** Labels of report statuses, kinds, periods and sections (direct message references). */
import * as m from '$lib/paraglide/messages';

export const STATUS_LABEL: Record<string, () => string> = {
  draft: m.rep_status_draft,
  submitted: m.rep_status_submitted,
  returned: m.rep_status_returned,
  accepted: m.rep_status_accepted,
  superseded: m.rep_status_superseded
};

export const KIND_LABEL: Record<string, () => string> = {
  periodic: m.rep_kind_periodic,
  midterm: m.rep_kind_midterm,
  final: m.rep_kind_final
};

export const PERIOD_LABEL: Record<string, () => string> = {
  month: m.rep_period_month,
  quarter: m.rep_period_quarter,
  half: m.rep_period_half,
  nine_months: m.rep_period_nine_months,
  year: m.rep_period_year,
  range: m.rep_period_range
};

export const STATE_LABEL: Record<string, () => string> = {
  on_time: m.rep_state_on_time,
  late: m.rep_state_late,
  missing: m.rep_state_missing,
  pending: m.rep_state_pending
};

export const SECTION_LABEL: Record<string, () => string> = {
  situation: m.rep_sec_situation,
  leadership: m.rep_sec_leadership,
  outreach: m.rep_sec_outreach,
  training: m.rep_sec_training,
  violations: m.rep_sec_violations,
  commitments: m.rep_sec_commitments,
  models: m.rep_sec_models,
  emulation: m.rep_sec_emulation,
  strengths: m.rep_sec_strengths,
  weaknesses: m.rep_sec_weaknesses,
  causes: m.rep_sec_causes,
  lessons: m.rep_sec_lessons,
  directions: m.rep_sec_directions,
  proposals: m.rep_sec_proposals
};

export const label = (map: Record<string, () => string>, key: string) => (map[key] ?? (() => key))();
