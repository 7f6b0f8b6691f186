/**
 * Reading the activity and commitment forms: typed values (kept on error), the parsed input,
 * uploads, and the one-time key. The NTM criterion "auto" follows the date, because the
 * national criteria set changed in 2026 (No. 17 of 2021–2025 became No. 8 of 2026–2030).
 */
import { formValues, validate, type Parsed } from '$lib/server/forms';
import { t } from '$lib/server/i18n';
import { filesOf } from '$lib/server/media/media';
import { parseDate } from '$lib/shared/format';
import type { NtmCriterion } from '$lib/shared/program/kinds';
import { activitySchema } from './activity.schema';
import { commitmentSchema, type CommitmentInput } from '../commitments/commitment.schema';
import type { Upload } from './activity-media.service';

export function ntmFor(date: string | null): NtmCriterion | null {
  if (!date || date < '2021-01-01' || date > '2030-12-31') return null;
  return date < '2026-01-01' ? '2021-2025:17' : '2026-2030:8';
}

async function uploadsOf(form: FormData, name: string): Promise<Upload[]> {
  return Promise.all(
    filesOf(form, name).map(async (f) => ({ data: Buffer.from(await f.arrayBuffer()), type: f.type }))
  );
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export async function readActivityForm(form: FormData) {
  const values = formValues(form);
  const ntm = single(values.ntm_criterion) || 'auto';
  const criterion = ntm === 'auto' ? ntmFor(parseDate(single(values.started_on))) : ntm === 'none' ? null : ntm;
  return {
    values,
    parsed: validate(activitySchema, { ...values, ntm_criterion: criterion }),
    uploads: await uploadsOf(form, 'photos'),
    key: single(values.submission_key) || null,
    removeIds: ([] as string[]).concat(values.remove_photo ?? [])
  };
}

/**
 * "45 households signed" without their names (a village meeting): a household count of 1–500
 * instead of a name. The service then records one commitment per household.
 */
function householdBatch(values: Record<string, string | string[]>): { n: number | null; error: string | null } {
  const raw = single(values.household_count).trim().replace(/[.\s]/g, '');
  if (!raw || single(values.party) !== 'household') return { n: null, error: null };
  const n = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= MAX_BATCH)) return { n: null, error: 'pa_c_err_count' };
  if (single(values.household_name).trim()) return { n: null, error: 'pa_c_err_count_or_name' };
  return { n, error: null };
}

export const MAX_BATCH = 500;
const BATCH_PLACEHOLDER = '#';

export async function readCommitmentForm(form: FormData) {
  const values = formValues(form);
  const batch = householdBatch(values);
  const parsed = validate(commitmentSchema, {
    ...values,
    household_name: batch.n ? BATCH_PLACEHOLDER : values.household_name,
    photo_path: null
  });
  if (batch.error) {
    const errors: Record<string, string> = { ...(parsed.ok ? {} : parsed.errors), household_count: t(batch.error) };
    const codes: Record<string, string> = { ...(parsed.ok ? {} : parsed.codes), household_count: batch.error };
    const failed: Parsed<CommitmentInput> = { ok: false, errors, codes };
    return { values, parsed: failed, batch: null, uploads: [] as Upload[], key: null, removePhoto: false };
  }
  return {
    values,
    parsed,
    batch: batch.n,
    uploads: await uploadsOf(form, 'photo'),
    key: single(values.submission_key) || null,
    removePhoto: single(values.remove_photo) === '1'
  };
}
