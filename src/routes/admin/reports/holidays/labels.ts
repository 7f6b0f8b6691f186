/** Labels for holiday kinds and weekdays. */
import * as m from '$lib/paraglide/messages';

export const KINDS = ['holiday', 'compensatory', 'bridge', 'workday'] as const;
export const KIND_LABEL = {
  holiday: m.ra_kind_holiday,
  compensatory: m.ra_kind_compensatory,
  bridge: m.ra_kind_bridge,
  workday: m.ra_kind_workday
};
const WEEKDAYS = [
  m.ra_weekday_0,
  m.ra_weekday_1,
  m.ra_weekday_2,
  m.ra_weekday_3,
  m.ra_weekday_4,
  m.ra_weekday_5,
  m.ra_weekday_6
];
export const weekdayOf = (iso: string) => WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()]();
