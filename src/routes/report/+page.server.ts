import { fail } from '@sveltejs/kit';
import { formValues } from '$lib/server/forms';
import { isAppError } from '$lib/server/errors';
import { t } from '$lib/server/i18n';
import { filesOf, prepareAudio, preparePhotos, type PreparedMedia } from '$lib/server/media/media';
import { createReport } from '$lib/server/reports/intake/intake.service';
import { intakeOptions, villagesOf } from '$lib/server/reports/intake/intake.options';
import { newIdempotencyKey } from '$lib/server/reports/intake/receipt-keys';
import { formatReceipt } from '$lib/shared/reports/receipt';
import { formatDate, todayVn } from '$lib/shared/format';
import { parseDayInput } from '$lib/shared/day-input';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/http';

export const load: PageServerLoad = async ({ locals }) => ({
  // A fresh one-time key per page load: a retried or double-clicked POST reuses it.
  idempotencyKey: newIdempotencyKey(),
  today: formatDate(todayVn()),
  ...(await intakeOptions(locals.db, locals.actor))
});

/**
 * The attestation is never echoed back: a re-shown form must be ticked again, deliberately.
 * A date typed as "1/12" or "hôm qua" comes back as the dd/mm/yyyy it was read as.
 */
const keep = (v: Record<string, string | string[]>) => {
  const { attest: _attest, ...rest } = v;
  const day = typeof rest.observed_on === 'string' ? parseDayInput(rest.observed_on, todayVn()) : null;
  return day ? { ...rest, observed_on: formatDate(day) } : rest;
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const form = await postedForm(request);
    const values = formValues(form);
    // Without JavaScript the village picker is a second step: "show the villages" re-shows the
    // form with everything typed and the chosen commune's villages; nothing is submitted.
    const villages = await villagesOf(locals.db, values.commune_id);
    if (form.has('show_villages')) return { values: keep(values), villages, villagesShown: true };
    let photos: PreparedMedia[];
    let voice: PreparedMedia | null = null;
    try {
      photos = await preparePhotos(filesOf(form, 'photos'));
      const v = filesOf(form, 'voice')[0];
      if (v) voice = prepareAudio(Buffer.from(await v.arrayBuffer()), v.type);
    } catch (e) {
      if (!isAppError(e)) throw e;
      return fail(400, {
        values: keep(values),
        villages,
        errors: { [String(e.details?.field ?? 'photos')]: t(e.message) }
      });
    }
    const result = await createReport(locals.db, locals.actor, values, { photos, voice });
    if (!result.ok) return fail(400, { values: keep(values), villages, errors: result.errors });
    return {
      receipt: {
        code: result.receiptCode ? formatReceipt(result.receiptCode) : null,
        again: !result.created,
        urgent: result.urgent,
        commune: result.location?.communeName ?? null,
        fromPhoto: result.location?.precision === 'photo'
      }
    };
  }
};
