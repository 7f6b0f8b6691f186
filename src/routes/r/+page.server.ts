import { fail, redirect } from '@sveltejs/kit';
import { t } from '$lib/server/i18n';
import { reportIdForReceipt } from '$lib/server/reports/intake/followup.service';
import { FOLLOW_COOKIE, FOLLOW_TTL_MINUTES, signFollowToken } from '$lib/server/reports/intake/receipt-keys';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions } from './$types';

/**
 * The receipt code is POSTed and exchanged for a short-lived signed cookie, so it never
 * appears in a URL (server logs, history, Referer). See receipt-keys.ts.
 */
export const actions: Actions = {
  default: async ({ request, locals, cookies, url }) => {
    const code = String((await request.formData()).get('code') ?? '');
    const id = await reportIdForReceipt(locals.db, code);
    if (!id) return fail(400, { values: { code }, errors: { code: t('ri_err_receipt') } });
    cookies.set(FOLLOW_COOKIE, signFollowToken(id), { path: '/', httpOnly: true, sameSite: 'strict', secure: url.protocol === 'https:', maxAge: FOLLOW_TTL_MINUTES * 60 });
    redirect(303, localizeHref('/r/report'));
  }
};
