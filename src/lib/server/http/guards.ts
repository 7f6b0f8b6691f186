/**
 * Route guards: who may open a page or post a form. One login redirect for the whole app;
 * pages a role may not see answer 404 (admin areas) so their existence is not revealed.
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { deLocalizeUrl, localizeHref } from '$lib/paraglide/runtime';
import type { Actor } from '$lib/server/access/actor';
import { can } from '$lib/server/access/access';
import type { Action } from '$lib/shared/roles';

type Guarded = Pick<RequestEvent, 'locals' | 'url'>;

/** The sign-in page, with a way back to where the visitor was (always a local path). */
export function loginHref(url: URL, extra = ''): string {
  const back = deLocalizeUrl(url);
  return localizeHref(`/login?${extra}next=${encodeURIComponent(back.pathname + back.search)}`);
}

/** Pages and actions that need an account: anonymous visitors go to sign in and come back. */
export function requireSignIn(event: Guarded): Actor {
  if (event.locals.actor.kind === 'anonymous') redirect(303, loginHref(event.url));
  return event.locals.actor;
}

/**
 * Signed in and allowed by `allowed` (a pure predicate on the actor, e.g. isAdministrator);
 * everyone else signed in gets 404. Actions call this too: layout loads do not run before them.
 */
export function guardRole(event: Guarded, allowed: (actor: Actor) => boolean): Actor {
  const actor = requireSignIn(event);
  if (!allowed(actor)) error(404, 'Not found');
  return actor;
}

/**
 * Signed in and granted `action` somewhere; everyone else signed in gets 403, which the error
 * page explains ("Bạn không có quyền…") with the way back. For sections that are no secret.
 */
export function requireAction(event: Guarded, action: Action): Actor {
  const actor = requireSignIn(event);
  if (!can(actor, action)) error(403, 'Forbidden');
  return actor;
}
