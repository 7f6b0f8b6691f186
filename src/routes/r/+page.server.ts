import { fail, redirect } from '@sveltejs/kit';
import { t } from '$lib/server/i18n';
import { lookupReceipt } from '$lib/server/reports/intake/followup.service';
import { FOLLOW_COOKIE, FOLLOW_TTL_MINUTES, signFollowToken } from '$lib/server/reports/intake/receipt-keys';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions } from './$types';
import { postedForm } from '$lib/server/http';

/**
 * The receipt code is POSTed and exchanged for a short-lived signed cookie, so it never
 * appears in a URL (server logs, history, Referer). See receipt-keys.ts.
 */
export const actions: Actions = {
  default: async ({ request, locals, cookies, url, getClientAddress }) => {
    const code = String((await postedForm(request)).get('code') ?? '');
    const found = await lookupReceipt(locals.db, code, getClientAddress());
    if (!found.ok && found.reason === 'rate_limited')
      return fail(429, { values: { code }, errors: { code: t('ri_err_receipt_rate_limited') } });
    if (!found.ok) return fail(400, { values: { code }, errors: { code: t('ri_err_receipt') } });
    cookies.set(FOLLOW_COOKIE, signFollowToken(found.reportId), {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: url.protocol === 'https:',
      maxAge: FOLLOW_TTL_MINUTES * 60
    });
    redirect(303, localizeHref('/r/report'));
  }
};
