/** Small helpers shared by the /people routes (thin: they only translate errors and redirects). */
import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { rethrowAsHttp } from '$lib/server/http';
import { inScope } from '$lib/server/access/access';
import type { Actor } from '$lib/server/access/actor';
import type { Db } from '$lib/server/db';

/** Pages need a signed-in user; send anonymous visitors to sign in and come back. */
export function requireSignIn(locals: App.Locals, url: URL): void {
  if (!locals.account && locals.actor.kind === 'anonymous')
    redirect(303, localizeHref(`/login?next=${encodeURIComponent(url.pathname + url.search)}`));
}

/** Runs a service call in a load function; AppErrors become HTTP errors (404 for out of scope). */
export async function orHttp<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    rethrowAsHttp(e);
  }
}

/** What the actor may do with a person kept by `organisationId` (to show or hide forms). */
export async function permissions(db: Db, actor: Actor, organisationId: string) {
  const [write, sensitive, exportable] = await Promise.all([
    inScope(db, actor, 'person.write', organisationId),
    inScope(db, actor, 'person.sensitive', organisationId),
    inScope(db, actor, 'person.export', organisationId)
  ]);
  return { write, sensitive, export: exportable };
}

export const toPerson = (id: string, msg?: string) =>
  redirect(303, localizeHref(`/people/${id}${msg ? `?msg=${msg}` : ''}`));
