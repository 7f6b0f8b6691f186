import { fail, redirect, type Cookies } from '@sveltejs/kit';
import { isAppError } from '$lib/server/errors';
import { t } from '$lib/server/i18n';
import { filesOf, preparePhotos } from '$lib/server/media/media';
import { rate, reopen, reply, reporterView } from '$lib/server/reports/intake/followup.service';
import { FOLLOW_COOKIE, verifyFollowToken } from '$lib/server/reports/intake/receipt-keys';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/http';

/** The report proven by the signed follow-up cookie; otherwise back to the code form. */
function followed(cookies: Cookies): string {
  const id = verifyFollowToken(cookies.get(FOLLOW_COOKIE));
  if (!id) redirect(303, localizeHref('/r'));
  return id;
}

export const load: PageServerLoad = async ({ locals, cookies }) => ({
  view: await reporterView(locals.db, followed(cookies))
});

/** AppError → the form's field error; anything else is a bug and rethrows. */
async function run(action: string, values: Record<string, string>, fn: () => Promise<void>) {
  try {
    await fn();
    return { done: action };
  } catch (e) {
    if (!isAppError(e)) throw e;
    return fail(e.status, {
      action,
      values,
      errors: { [String(e.details?.field ?? action)]: t(e.message, e.details) }
    });
  }
}

export const actions: Actions = {
  reply: async ({ request, locals, cookies }) => {
    const id = followed(cookies);
    const form = await postedForm(request);
    const body = String(form.get('body') ?? '');
    return run('reply', { body }, async () => reply(locals.db, id, body, await preparePhotos(filesOf(form, 'photos'))));
  },
  rate: async ({ request, locals, cookies }) => {
    const id = followed(cookies);
    const rating = String((await postedForm(request)).get('rating') ?? '');
    return run('rating', { rating }, () => rate(locals.db, id, Number(rating)));
  },
  reopen: async ({ request, locals, cookies }) => {
    const id = followed(cookies);
    const reason = String((await postedForm(request)).get('reason') ?? '');
    return run('reason', { reason }, () => reopen(locals.db, id, reason));
  }
};
