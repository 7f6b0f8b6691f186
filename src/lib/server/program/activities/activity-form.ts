/**
 * The activity and commitment forms before validation: the NTM criterion "auto" follows the
 * date, because the national criteria set changed in 2026 (No. 17 of 2021–2025 became No. 8 of
 * 2026–2030); a household count stands in for a name; photos and the one-time key come along.
 */
import { z } from 'zod';
import { filesOf } from '$lib/server/media/media';
import { parseDate } from '$lib/shared/format';
import type { NtmCriterion } from '$lib/shared/program/kinds';
import { activitySchema } from './activity.schema';
import { commitmentSchema } from '../commitments/commitment.schema';
import type { Upload } from './activity-media.service';

type Values = Record<string, string | string[]>;

export function ntmFor(date: string | null): NtmCriterion | null {
  if (!date || date < '2021-01-01' || date > '2030-12-31') return null;
  return date < '2026-01-01' ? '2021-2025:17' : '2026-2030:8';
}

/** The photos posted under `name`, read for the media service. */
export async function uploadsOf(form: FormData, name: string): Promise<Upload[]> {
  return Promise.all(
    filesOf(form, name).map(async (f) => ({ data: Buffer.from(await f.arrayBuffer()), type: f.type }))
  );
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export { submissionKey } from '../submission';

/** Photos ticked for removal on the edit form. */
export const removedPhotos = (values: Values): string[] => ([] as string[]).concat(values.remove_photo ?? []);

export const activityFormSchema = activitySchema;

export function activityFormInput(values: Values): Record<string, unknown> {
  const ntm = single(values.ntm_criterion) || 'auto';
  const criterion = ntm === 'auto' ? ntmFor(parseDate(single(values.started_on))) : ntm === 'none' ? null : ntm;
  return { ...values, ntm_criterion: criterion };
}

export const MAX_BATCH = 500;
const BATCH_PLACEHOLDER = '#';

/**
 * "45 households signed" without their names (a village meeting): a household count of 1–500
 * instead of a name. The service then records one commitment per household.
 */
function householdBatch(values: Values): number | null | string {
  const raw = single(values.household_count).trim().replace(/[.\s]/g, '');
  if (!raw || single(values.party) !== 'household') return null;
  const n = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= MAX_BATCH)) return 'pa_c_err_count';
  if (single(values.household_name).trim()) return 'pa_c_err_count_or_name';
  return n;
}

/** The count as commitmentFormInput leaves it: a number, null (no batch) or the key of its error. */
const householdCount = z.union([z.number(), z.null(), z.string()]).transform((v, ctx) => {
  if (typeof v !== 'string') return v;
  ctx.addIssue({ code: 'custom', message: v });
  return null;
});

export const commitmentFormSchema = z.intersection(commitmentSchema, z.object({ household_count: householdCount }));

export function commitmentFormInput(values: Values): Record<string, unknown> {
  const batch = householdBatch(values);
  return {
    ...values,
    household_name: typeof batch === 'number' ? BATCH_PLACEHOLDER : values.household_name,
    photo_path: null,
    household_count: batch
  };
}

/** Was the sheet's photo ticked for removal on the edit form? */
export const photoRemoved = (values: Values): boolean => single(values.remove_photo) === '1';
