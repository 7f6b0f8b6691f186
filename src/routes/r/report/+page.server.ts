import { redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import type { Db } from '$lib/server/db';
import { z } from 'zod';
import { formAction } from '$lib/server/http';
import { filesOf, preparePhotos } from '$lib/server/media/media';
import { rate, reopen, reply, reporterView } from '$lib/server/reports/intake/followup.service';
import { FOLLOW_COOKIE, verifyFollowToken } from '$lib/server/reports/intake/receipt-keys';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireFollowUpAllowance } from '$lib/server/reports/intake/intake-limits.service';
import { requestClientTag } from '$lib/server/auth/client-tag';
import { pageReading } from '$lib/server/library/library-public.service';
import type { Actions, PageServerLoad } from './$types';

/** The report proven by the signed follow-up cookie; otherwise back to the code form. */
function followed(cookies: Cookies): string {
  const id = verifyFollowToken(cookies.get(FOLLOW_COOKIE));
  if (!id) redirect(303, localizeHref('/r'));
  return id;
}

export const load: PageServerLoad = async ({ locals, cookies }) => ({
  view: await reporterView(locals.db, followed(cookies)),
  reading: await pageReading(locals.db, 'follow_up')
});

/** The report proven by the cookie, once this client is within its sending allowance. */
async function admitted(event: RequestEvent, db: Db): Promise<string> {
  const id = followed(event.cookies);
  await requireFollowUpAllowance(db, requestClientTag(event));
  return id;
}

/** No account here: the signed cookie is the proof, and the service checks every value. */
export const actions: Actions = {
  reply: formAction({
    schema: z.object({ body: z.string().default('') }),
    access: 'public',
    run: async ({ db, data, form, event }) => {
      await reply(db, await admitted(event, db), data.body, await preparePhotos(filesOf(form, 'photos')));
      return { done: 'reply' };
    }
  }),
  rate: formAction({
    schema: z.object({ rating: z.string().default('') }),
    access: 'public',
    run: async ({ db, data, event }) => {
      await rate(db, await admitted(event, db), Number(data.rating));
      return { done: 'rating' };
    }
  }),
  reopen: formAction({
    schema: z.object({ reason: z.string().default('') }),
    access: 'public',
    run: async ({ db, data, event }) => {
      await reopen(db, await admitted(event, db), data.reason);
      return { done: 'reason' };
    }
  })
};
