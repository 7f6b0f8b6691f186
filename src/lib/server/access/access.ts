/**
 * The one access module. Every scoped read or write asks it. A record outside the actor's
 * scope is reported as NOT_FOUND, exactly like a missing one, so scope cannot be probed.
 */
import type { Db } from '$lib/server/db';
import { notFound, AppError } from '$lib/server/errors';
import { roleAllows, type Action } from '$lib/shared/roles';
import type { Actor } from './actor';

/** Organisations whose subtree the actor may act on for `action`. */
export function scopeRoots(actor: Actor, action: Action): string[] {
  if (actor.kind === 'system') return [];
  return [...new Set(actor.grants.filter((g) => roleAllows(g.role, action)).map((g) => g.organisationId))];
}

export function can(actor: Actor, action: Action): boolean {
  return actor.kind === 'system' || scopeRoots(actor, action).length > 0;
}

/** Administrators (and the system) may act outside any organisation, e.g. create a top-level body. */
export const isAdministrator = (actor: Actor): boolean =>
  actor.kind === 'system' || actor.grants.some((g) => g.role === 'administrator');

/** Throws FORBIDDEN when the actor has no grant at all for the action (e.g. admin pages). */
export function requireAction(actor: Actor, action: Action): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!can(actor, action)) throw new AppError('FORBIDDEN');
}

/** What scopeSubquery returns, for repositories that filter by it. */
export type OrgScope = ReturnType<typeof scopeSubquery>;

/**
 * A subquery of organisation ids inside the actor's scope for `action`, for repositories to
 * filter with `where(col, 'in', scopeSubquery(...))`. System actors see everything.
 */
export function scopeSubquery(db: Db, actor: Actor, action: Action) {
  const roots = scopeRoots(actor, action);
  const q = db.selectFrom('organisation_closure').select('descendant_id');
  if (actor.kind === 'system') return q;
  // An empty root list must match nothing; 'in ()' is invalid SQL, so use an impossible id.
  return q.where('ancestor_id', 'in', roots.length ? roots : ['-']);
}

/** Is `organisationId` inside the actor's scope for `action`? */
export async function inScope(db: Db, actor: Actor, action: Action, organisationId: string | null): Promise<boolean> {
  if (actor.kind === 'system') return true;
  if (!organisationId) return false;
  const roots = scopeRoots(actor, action);
  if (!roots.length) return false;
  const hit = await db
    .selectFrom('organisation_closure')
    .select('depth')
    .where('descendant_id', '=', organisationId)
    .where('ancestor_id', 'in', roots)
    .executeTakeFirst();
  return !!hit;
}

/** Throws NOT_FOUND unless the organisation is in scope. */
export async function assertInScope(
  db: Db,
  actor: Actor,
  action: Action,
  organisationId: string | null
): Promise<void> {
  if (!(await inScope(db, actor, action, organisationId))) throw notFound();
}
