/** The guard every administration service calls first; who counts as administrator is the access module's. */
import { isAdministrator } from '$lib/server/access/access';
import type { Actor } from '$lib/server/access/actor';
import { AppError, notFound } from '$lib/server/errors';

/**
 * Anonymous → UNAUTHENTICATED (the route sends them to sign in); any other non-administrator
 * gets NOT_FOUND rather than FORBIDDEN, so the admin area does not reveal that it exists.
 */
export function requireAdmin(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!isAdministrator(actor)) throw notFound();
}
