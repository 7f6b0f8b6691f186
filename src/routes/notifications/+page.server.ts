import { z } from 'zod';
import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { listAccountNotices, listNotices, markNoticesRead } from '$lib/server/notify/inbox.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireSignIn(event);
  const unread = event.url.searchParams.get('show') === 'unread';
  return {
    unread,
    notices: await loadOr404(() => listNotices(event.locals.db, event.locals.actor, { unread })),
    accountNotices: await loadOr404(() => listAccountNotices(event.locals.db, event.locals.actor, { unread })),
    marked: event.url.searchParams.has('marked')
  };
};

export const actions: Actions = {
  read: formAction({
    schema: z.object({ id: z.string().trim().max(64).optional() }),
    run: (c) => markNoticesRead(c.db, c.actor, c.data.id ? [c.data.id] : null),
    redirectTo: (_, e) => `/notifications?marked=1${e.url.searchParams.get('show') === 'unread' ? '&show=unread' : ''}`
  })
};
