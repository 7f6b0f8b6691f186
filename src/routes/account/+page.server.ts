import { redirect } from '@sveltejs/kit';
import { getMyAccount, signOutEverywhere } from '$lib/server/auth/account.service';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

const toLogin = (path: string) => redirect(303, localizeHref(`/login?next=${encodeURIComponent(path)}`));

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.account) toLogin('/account');
  return { me: await getMyAccount(locals.db, locals.actor), changed: url.searchParams.has('changed') };
};

export const actions: Actions = {
  signOutEverywhere: async ({ locals, cookies }) => {
    if (!locals.account) toLogin('/account');
    await signOutEverywhere(locals.db, locals.actor);
    cookies.delete(SESSION_COOKIE, { path: '/' });
    redirect(303, localizeHref('/login'));
  }
};
