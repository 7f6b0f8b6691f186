import { z } from 'zod';
import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { can } from '$lib/server/access/access';
import { declineRevealRequests, pendingRevealRequests } from '$lib/server/reports/workflow/reveal-request.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireSignIn(event);
  return {
    requests: await loadOr404(() => pendingRevealRequests(event.locals.db, event.locals.actor)),
    declined: event.url.searchParams.has('declined')
  };
};

export const actions: Actions = {
  decline: formAction({
    schema: z.object({
      report_id: z.string().trim().min(1).max(64),
      note: z.string().trim().min(3, 'desk_reveal_err_note').max(1000)
    }),
    allow: (actor) => can(actor, 'identity.reveal'),
    run: (c) => declineRevealRequests(c.db, c.actor, c.data.report_id, c.data.note),
    redirectTo: '/reveal-requests?declined=1'
  })
};
