import { z } from 'zod';
import { AppError } from '$lib/server/errors';
import { formAction, type FormValues } from '$lib/server/http';
import { filesOf, prepareAudio, preparePhotos } from '$lib/server/media/media';
import { createReport } from '$lib/server/reports/intake/intake.service';
import { admitReport } from '$lib/server/reports/intake/intake-limits.service';
import { requestClientTag } from '$lib/server/auth/client-tag';
import { intakeOptions, villagesOf } from '$lib/server/reports/intake/intake.options';
import { newIdempotencyKey } from '$lib/server/reports/intake/receipt-keys';
import { formatReceipt } from '$lib/shared/reports/receipt';
import { formatDate, todayVn } from '$lib/shared/format';
import { parseDayInput } from '$lib/shared/day-input';
import { pageReading } from '$lib/server/library/library-public.service';
import { withDefaultProtection } from '$lib/server/reports/intake/intake.schema';
import { smsWanted, textReceipt } from '$lib/server/reports/intake/receipt-sms';
import { appNotifiers, smsReachesPhones } from '$lib/server/notify/channels';
import { getLocale } from '$lib/paraglide/runtime';
import { hintWords, identityWords } from './words.server';
import type { Actions, PageServerLoad } from './$types';

type Named = { name_vi: string; name_en: string };
/** A category or group with its name in the page's language only: the other one is never shown. */
const inLocale = <T extends Named>({ name_vi, name_en, ...rest }: T, en: boolean) => ({
  ...rest,
  name: en ? name_en : name_vi
});

export const load: PageServerLoad = async ({ locals, url }) => {
  const { categories, ...options } = await intakeOptions(locals.db, locals.actor);
  // The language is in the path (/report, /en/report): reading the path makes a move from one to
  // the other load the names again.
  void url.pathname;
  const en = getLocale() === 'en';
  return {
    // A fresh one-time key per page load: a retried or double-clicked POST reuses it.
    idempotencyKey: newIdempotencyKey(),
    identityWords: identityWords(),
    hints: hintWords(),
    today: formatDate(todayVn()),
    // Recorded readings of the form and of the receipt, when the library has them ("Nghe").
    reading: await pageReading(locals.db, 'report_form'),
    receiptReading: await pageReading(locals.db, 'receipt'),
    // The "send the code by SMS" tick is offered only where a text really leaves the server.
    smsReceipt: smsReachesPhones(),
    categories: {
      common: categories.common.map((c) => inLocale(c, en)),
      groups: categories.groups.map((g) => ({
        ...inLocale(g, en),
        categories: g.categories.map((c) => inLocale(c, en))
      }))
    },
    ...options
  };
};

/**
 * The attestation is never echoed back: a re-shown form must be ticked again, deliberately.
 * A date typed as "1/12" or "hôm qua" comes back as the dd/mm/yyyy it was read as.
 */
const keep = (v: FormValues) => {
  const { attest: _attest, ...rest } = v;
  const day = typeof rest.observed_on === 'string' ? parseDayInput(rest.observed_on, todayVn()) : null;
  return day ? { ...rest, observed_on: formatDate(day) } : rest;
};

export const actions: Actions = {
  default: formAction({
    // createReport validates every field itself (the same rules for Open311 and on-behalf entry).
    schema: z.record(z.string(), z.unknown()),
    access: 'public',
    keep,
    withFailure: async (values, { locals }) => ({ villages: await villagesOf(locals.db, values.commune_id) }),
    run: async ({ db, actor, form, values, event }) => {
      // Without JavaScript the village picker is a second step: "show the villages" re-shows the
      // form with everything typed and the chosen commune's villages; nothing is submitted.
      if (form.has('show_villages'))
        return { values: keep(values), villages: await villagesOf(db, values.commune_id), villagesShown: true };
      const communeId = typeof values.commune_id === 'string' && values.commune_id ? values.commune_id : null;
      const admitted = await admitReport(db, requestClientTag(event), communeId);
      // Everything typed stays in the form (formAction keeps it); only the sending waits.
      if (!admitted.ok) throw new AppError('RATE_LIMITED', 'seca_intake_wait', { minutes: admitted.minutes });
      const photos = await preparePhotos(filesOf(form, 'photos'));
      const v = filesOf(form, 'voice')[0];
      const voice = v ? prepareAudio(Buffer.from(await v.arrayBuffer()), v.type) : null;
      const result = await createReport(db, actor, values, { photos, voice });
      const phone = typeof values.phone === 'string' ? values.phone : '';
      const sms = smsWanted({
        wanted: values.sms_receipt === 'on' && smsReachesPhones(),
        phone,
        protection: String(withDefaultProtection(values).protection),
        code: result.receiptCode,
        created: result.created
      })
        ? await textReceipt(appNotifiers().sms, phone, result.receiptCode!, event.url.origin)
        : null;
      return {
        receipt: {
          code: result.receiptCode ? formatReceipt(result.receiptCode) : null,
          again: !result.created,
          urgent: result.urgent,
          commune: result.location?.communeName ?? null,
          fromPhoto: result.location?.precision === 'photo',
          sms
        }
      };
    }
  })
};
