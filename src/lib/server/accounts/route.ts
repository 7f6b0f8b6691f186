/** Shared bits for the /admin routes (thin: guard, then hand over to services). */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { deLocalizeUrl, localizeHref } from '$lib/paraglide/runtime';
import { isAdministrator } from './admin.policy';

/**
 * Anonymous visitors go to sign in; signed-in non-administrators get 404 so the admin
 * area is not revealed. Actions call this too: layout loads do not run before actions.
 */
export function guardAdmin(event: Pick<RequestEvent, 'locals' | 'url'>): void {
  if (event.locals.actor.kind === 'anonymous') {
    const path = deLocalizeUrl(event.url).pathname + event.url.search;
    redirect(303, localizeHref(`/login?next=${encodeURIComponent(path)}`));
  }
  if (!isAdministrator(event.locals.actor)) error(404, 'Not found');
}
