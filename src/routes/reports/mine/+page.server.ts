import { z } from 'zod';
import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { myReports, ownReportId } from '$lib/server/reports/mine/mine.service';
import { FOLLOW_COOKIE, FOLLOW_TTL_MINUTES, signFollowToken } from '$lib/server/reports/intake/receipt-keys';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireSignIn(event);
  return { reports: await loadOr404(() => myReports(event.locals.db, event.locals.actor)) };
};

export const actions: Actions = {
  // Opens the reporter's follow-up page for one's own report, as a receipt would.
  follow: formAction({
    schema: z.object({ id: z.string().trim().max(64) }),
    run: async (c) => {
      const id = await ownReportId(c.db, c.actor, c.data.id);
      c.event.cookies.set(FOLLOW_COOKIE, signFollowToken(id), {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: c.event.url.protocol === 'https:',
        maxAge: FOLLOW_TTL_MINUTES * 60
      });
    },
    redirectTo: '/r/report'
  })
};
