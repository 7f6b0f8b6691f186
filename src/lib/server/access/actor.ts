import type { Role } from '$lib/shared/roles';

export interface Grant {
  role: Role;
  organisationId: string;
}

/** Who is acting. Services take this explicitly; there is no ambient "current user". */
export interface Actor {
  kind: 'account' | 'anonymous' | 'system';
  accountId: string | null;
  name: string;
  grants: Grant[];
  /** How an account proved itself: a signed-in browser session or an API token (scripts). */
  via?: 'session' | 'token';
}

export const ANONYMOUS: Actor = { kind: 'anonymous', accountId: null, name: 'anonymous', grants: [] };
export const SYSTEM: Actor = { kind: 'system', accountId: null, name: 'system', grants: [] };
