/**
 * Database sessions (the Lucia-guide pattern): the cookie holds a random token, the database
 * holds only its SHA-256, so a leaked database cannot be replayed as cookies.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '$lib/server/db';
import { config } from '$lib/server/config';
import * as repo from './auth.repository';

export const SESSION_COOKIE = 'cs_session';
const DAY = 24 * 60 * 60 * 1000;

export interface SessionAccount {
  id: string;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  sessionId: string;
  expiresAt: string;
}

export function generateToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export const hashToken = (token: string): string => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

export async function createSession(db: Db, accountId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(Date.now() + config.SESSION_DAYS * DAY);
  await repo.insertSession(db, {
    id: hashToken(token),
    account_id: accountId,
    expires_at: expiresAt.toISOString(),
    created_at: new Date().toISOString()
  });
  return { token, expiresAt };
}

/** Returns the signed-in account, sliding the expiry forward when half of it has passed. */
export async function validateSession(db: Db, token: string): Promise<SessionAccount | null> {
  const id = hashToken(token);
  const row = await repo.findSessionWithAccount(db, id);
  if (!row) return null;
  const expires = new Date(row.expires_at).getTime();
  if (Date.now() >= expires || row.disabled) {
    await repo.deleteSession(db, id);
    return null;
  }
  let expiresAt = row.expires_at;
  if (Date.now() >= expires - (config.SESSION_DAYS * DAY) / 2) {
    expiresAt = new Date(Date.now() + config.SESSION_DAYS * DAY).toISOString();
    await repo.updateSessionExpiry(db, id, expiresAt);
  }
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    mustChangePassword: !!row.must_change_password,
    sessionId: id,
    expiresAt
  };
}

export const invalidateSession = (db: Db, sessionId: string) => repo.deleteSession(db, sessionId);

/** "Sign out everywhere". */
export const invalidateAllSessions = (db: Db, accountId: string) => repo.deleteSessionsOfAccount(db, accountId);
