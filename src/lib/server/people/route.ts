/**
 * The older names of the route glue, kept only for routes not yet moved to $lib/server/http
 * (the member-list import and the queue). Delete this file when nothing imports it.
 */
import { requireSignIn as signIn, loadOr404 } from '$lib/server/http';

export function requireSignIn(locals: App.Locals, url: URL): void {
  signIn({ locals, url });
}

export const orHttp = loadOr404;
