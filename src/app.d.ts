import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import type { SessionAccount } from '$lib/server/auth/session';

declare global {
  namespace App {
    interface Error {
      message: string;
      code?: string;
    }
    interface Locals {
      db: Db;
      actor: Actor;
      account: SessionAccount | null;
      /** The request carried a session cookie that is no longer valid. */
      sessionExpired: boolean;
      /** A load or action failed because the database could not be reached (http/db-outage.ts). */
      databaseUnavailable?: boolean;
    }
    interface PageData {
      account?: { id: string; displayName: string; mustChangePassword: boolean; roles: string[] } | null;
    }
  }
}

export {};
