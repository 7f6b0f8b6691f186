import { z } from 'zod';
import { formAction } from '$lib/server/http';
import { lookupReceipt } from '$lib/server/reports/intake/followup.service';
import { FOLLOW_COOKIE, FOLLOW_TTL_MINUTES, signFollowToken } from '$lib/server/reports/intake/receipt-keys';
import { pageReading } from '$lib/server/library/library-public.service';
import type { Actions, PageServerLoad } from './$types';

/** The recorded reading of this page, when the library has one (the "Nghe" button). */
export const load: PageServerLoad = async ({ locals }) => ({ reading: await pageReading(locals.db, 'follow_up') });

/**
 * The receipt code is POSTed and exchanged for a short-lived signed cookie, so it never
 * appears in a URL (server logs, history, Referer). See receipt-keys.ts.
 */
export const actions: Actions = {
  default: formAction({
    schema: z.object({ code: z.string().default('') }),
    access: 'public',
    run: async ({ db, data, event: { cookies, url, getClientAddress } }) => {
      const reportId = await lookupReceipt(db, data.code, getClientAddress());
      cookies.set(FOLLOW_COOKIE, signFollowToken(reportId), {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: url.protocol === 'https:',
        maxAge: FOLLOW_TTL_MINUTES * 60
      });
    },
    redirectTo: '/r/report'
  })
};
