/** Small helpers shared by the /organisations pages (route glue, no rules). */
import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actor } from '$lib/server/access/actor';

/** Pages need a signed-in actor; anonymous visitors go to sign-in and come back. */
export function signedInOrRedirect(locals: App.Locals, url: URL): Actor {
  if (locals.actor.kind === 'anonymous') {
    redirect(303, localizeHref(`/login?next=${encodeURIComponent(url.pathname + url.search)}`));
  }
  return locals.actor;
}

export const isAdministrator = (actor: Actor) =>
  actor.kind === 'system' || actor.grants.some((g) => g.role === 'administrator');

/** A unit as a select option. */
export const unitOption = (u: { id: string; code: string | null; full_name: string }) => ({
  value: u.id,
  label: u.code ? `${u.full_name} (${u.code})` : u.full_name
});
