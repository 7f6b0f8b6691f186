/**
 * Administrator forms for the report reference data: categories, routing rules, deadline rules
 * and public holidays. Messages are catalogue keys (localised by validate()).
 */
import { z } from 'zod';
import { CHANNELS, STAGES } from '$lib/shared/reports/constants';
import { CATEGORY_ICONS } from '$lib/shared/reports/icons';
import { parseDate } from '$lib/shared/format';
import { dateIssue } from '$lib/server/fields';

const str = (max = 300) =>
  z.preprocess((v) => (v == null ? '' : String(v)), z.string().trim().max(max, 'err_too_long'));
const required = (max = 300) => str(max).pipe(z.string().min(1, 'err_required'));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const id = (message: string) => str(64).pipe(z.string().regex(UUID, message));
const optionalId = str(64)
  .refine((v) => v === '' || UUID.test(v), 'err_invalid')
  .transform((v) => v || null);
const flag = z.preprocess((v) => v === true || v === 'on' || v === '1', z.boolean());
const int = (min: number, max: number, message: string) =>
  str(6)
    .pipe(z.string().min(1, 'err_required'))
    .transform((v, ctx) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) ctx.addIssue({ code: 'custom', message });
      return n;
    });

export const categorySchema = z.object({
  code: str(60).pipe(z.string().regex(/^[a-z0-9_]{2,60}$/, 'ra_err_code')),
  group_id: id('ra_err_group'),
  name_vi: required(200),
  name_en: required(200),
  legal_basis: str(1000).transform((v) => v || null),
  icon: z.enum(CATEGORY_ICONS, 'ra_err_icon'),
  urgent: flag,
  active: flag,
  sort_order: int(0, 99999, 'ra_err_sort_order')
});
export type CategoryInput = z.infer<typeof categorySchema>;

export const routingSchema = z.object({
  category_id: optionalId,
  admin_unit_id: optionalId,
  agency_org_id: id('ra_err_agency')
});
export type RoutingInput = z.infer<typeof routingSchema>;

export const deadlineSchema = z
  .object({
    channel: z.enum(CHANNELS, 'ra_err_channel'),
    category_id: optionalId,
    stage: z.enum(STAGES, 'ra_err_stage'),
    day_kind: z.enum(['working', 'calendar'], 'ra_err_day_kind'),
    days: int(1, 365, 'ra_err_days'),
    extension_days: int(0, 365, 'ra_err_extension_days'),
    max_extensions: int(0, 10, 'ra_err_max_extensions')
  })
  .superRefine((v, ctx) => {
    if (v.max_extensions > 0 && v.extension_days === 0)
      ctx.addIssue({ code: 'custom', path: ['extension_days'], message: 'ra_err_extension_days' });
  });
export type DeadlineInput = z.infer<typeof deadlineSchema>;

/** A solar date (dd/mm/yyyy), or a lunar day/month converted for a solar year. */
export const holidaySchema = z
  .object({
    calendar: z.enum(['solar', 'lunar']).default('solar'),
    date: str(10),
    lunar_day: str(2),
    lunar_month: str(2),
    lunar_year: str(4),
    kind: z.enum(['holiday', 'compensatory', 'bridge', 'workday'], 'ra_err_kind'),
    name: required(200)
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.calendar === 'solar') {
      if (!v.date) issue('date', 'err_required');
      else if (!parseDate(v.date)) ctx.addIssue({ ...dateIssue(v.date), path: ['date'] });
      return;
    }
    const [d, m, y] = [Number(v.lunar_day), Number(v.lunar_month), Number(v.lunar_year)];
    if (!Number.isInteger(d) || d < 1 || d > 30) issue('lunar_day', 'ra_err_lunar_day');
    if (!Number.isInteger(m) || m < 1 || m > 12) issue('lunar_month', 'ra_err_lunar_month');
    if (!Number.isInteger(y) || y < 1900 || y > 2199) issue('lunar_year', 'ra_err_lunar_year');
  });
export type HolidayInput = z.infer<typeof holidaySchema>;

/** The deadline preview on the rules page (a GET form). */
export const previewSchema = z.object({
  start: str(10).transform((v, ctx) => {
    const iso = parseDate(v);
    if (!iso) ctx.addIssue(dateIssue(v));
    return iso ?? '';
  }),
  channel: z.enum(CHANNELS, 'ra_err_channel'),
  stage: z.enum(STAGES, 'ra_err_stage'),
  category_id: optionalId
});
export type PreviewInput = z.infer<typeof previewSchema>;
