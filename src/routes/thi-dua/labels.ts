/** Labels of the emulation code lists (direct message calls, so Paraglide keeps only these). */
import * as m from '$lib/paraglide/messages';

const FORMS: Record<string, () => string> = {
  title_commune: m.emu_form_title_commune,
  title_province: m.emu_form_title_province,
  gk_commune: m.emu_form_gk_commune,
  gk_province: m.emu_form_gk_province,
  gk_department: m.emu_form_gk_department,
  bk_province_chair: m.emu_form_bk_province_chair,
  bk_central: m.emu_form_bk_central,
  medal: m.emu_form_medal
};
const GROUPS: Record<string, () => string> = {
  strong_association: m.emu_group_strong_association,
  caring: m.emu_group_caring,
  promoting_role: m.emu_group_promoting_role,
  environment: m.emu_group_environment
};
const MEASURES: Record<string, () => string> = {
  reports: m.emu_measure_reports,
  reports_verified: m.emu_measure_reports_verified,
  reports_outcome: m.emu_measure_reports_outcome,
  outreach_led: m.emu_measure_outreach_led,
  outreach_attended: m.emu_measure_outreach_attended,
  commitments: m.emu_measure_commitments,
  models_led: m.emu_measure_models_led,
  models_replicated: m.emu_measure_models_replicated,
  trainings: m.emu_measure_trainings,
  manual: m.emu_measure_manual
};
const STATUSES: Record<string, () => string> = {
  registered: m.emu_status_registered,
  self_assessed: m.emu_status_self_assessed,
  branch_assessed: m.emu_status_branch_assessed,
  council_done: m.emu_status_council_done,
  published: m.emu_status_published
};
const SUBJECTS: Record<string, () => string> = {
  person: m.emu_subject_person,
  household: m.emu_subject_household,
  branch: m.emu_subject_branch,
  commune: m.emu_subject_commune,
  env_collective: m.emu_subject_env_collective
};
const RULES: Record<string, () => string> = {
  half_of_members: m.emu_rule_half_of_members,
  two_thirds_of_members: m.emu_rule_two_thirds_of_members,
  seventy_percent_of_members: m.emu_rule_seventy_percent_of_members,
  half_of_present: m.emu_rule_half_of_present
};

const label = (table: Record<string, () => string>, code: string | null | undefined) =>
  code && table[code] ? table[code]() : (code ?? '');

export const formLabel = (code: string) => label(FORMS, code);
export const groupLabel = (code: string) => label(GROUPS, code);
export const measureLabel = (code: string) => label(MEASURES, code);
export const statusLabel = (code: string) => label(STATUSES, code);
export const subjectLabel = (code: string) => label(SUBJECTS, code);
export const ruleLabel = (code: string) => label(RULES, code);
export const resultLabel = (r: string | null) =>
  r === 'passed' ? m.emu_result_passed() : r === 'failed' ? m.emu_result_failed() : '';
