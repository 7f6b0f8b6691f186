/**
 * Reading the activity and commitment forms: typed values (kept on error), the parsed input,
 * uploads, and the one-time key. The NTM criterion "auto" follows the date, because the
 * national criteria set changed in 2026 (No. 17 of 2021–2025 became No. 8 of 2026–2030).
 */
import { formValues, validate } from '$lib/server/forms';
import { filesOf } from '$lib/server/media/media';
import { parseDate } from '$lib/shared/format';
import type { NtmCriterion } from '$lib/shared/program/kinds';
import { activitySchema } from './activity.schema';
import { commitmentSchema } from './commitment.schema';
import type { Upload } from './activity-media.service';

export function ntmFor(date: string | null): NtmCriterion | null {
  if (!date || date < '2021-01-01' || date > '2030-12-31') return null;
  return date < '2026-01-01' ? '2021-2025:17' : '2026-2030:8';
}

async function uploadsOf(form: FormData, name: string): Promise<Upload[]> {
  return Promise.all(filesOf(form, name).map(async (f) => ({ data: Buffer.from(await f.arrayBuffer()), type: f.type })));
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

export async function readCommitmentForm(form: FormData) {
  const values = formValues(form);
  return {
    values,
    parsed: validate(commitmentSchema, { ...values, photo_path: null }),
    uploads: await uploadsOf(form, 'photo'),
    key: single(values.submission_key) || null,
    removePhoto: single(values.remove_photo) === '1'
  };
}
