/** Officer action: publish a report on the public map/list and approve its photos. */
import { redirect } from '@sveltejs/kit';
import { deLocalizeUrl, localizeHref } from '$lib/paraglide/runtime';
import { failFromError, rethrowAsHttp } from '$lib/server/http';
import { approvePhoto, publishingView, setPublic } from '$lib/server/reports/public/public.service';
import type { Actions, PageServerLoad } from './$types';

function signInFirst(locals: App.Locals, url: URL): void {
  if (locals.actor.kind === 'anonymous')
    redirect(303, localizeHref(`/login?next=${encodeURIComponent(deLocalizeUrl(url).pathname)}`));
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  signInFirst(locals, url);
  return { report: await publishingView(locals.db, locals.actor, params.id).catch(rethrowAsHttp) };
};

export const actions: Actions = {
  publish: async ({ locals, params, request, url }) => {
    signInFirst(locals, url);
    const flag = (await request.formData()).get('flag') === '1';
    try {
      await setPublic(locals.db, locals.actor, params.id, flag);
    } catch (e) {
      return failFromError(e, {});
    }
    return { done: true };
  },
  photo: async ({ locals, request, url }) => {
    signInFirst(locals, url);
    const data = await request.formData();
    try {
      await approvePhoto(locals.db, locals.actor, String(data.get('attachment_id') ?? ''), data.get('flag') === '1');
    } catch (e) {
      return failFromError(e, {});
    }
    return { done: true };
  }
};
