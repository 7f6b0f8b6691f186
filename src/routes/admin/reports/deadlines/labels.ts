/** Labels for deadline rules, shared by the list and the edit page. */
import * as m from '$lib/paraglide/messages';

export const STAGE_LABEL = {
  verify: m.reports_stage_verify,
  accept: m.reports_stage_accept,
  resolve: m.reports_stage_resolve
};
export const CHANNEL_LABEL = {
  phan_anh: m.reports_channel_phan_anh,
  kien_nghi: m.reports_channel_kien_nghi,
  to_cao: m.reports_channel_to_cao
};
export const DAY_KIND_LABEL = { working: m.ra_day_working, calendar: m.ra_day_calendar };

export const daysText = (days: number, kind: 'working' | 'calendar') =>
  m.ra_days_value({ days, kind: DAY_KIND_LABEL[kind]().toLowerCase() });
