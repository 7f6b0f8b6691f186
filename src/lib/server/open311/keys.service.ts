/**
 * Open311 API keys. The raw key is shown once (admin page or CLI); only its SHA-256 is kept,
 * and neither the key nor its hash reaches the audit trail.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { requireAction } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { generateToken, hashToken } from '$lib/server/auth/session';
import { clean } from '$lib/shared/text';
import * as repo from './open311.repository';

export const KEY_PREFIX = 'o311_';
/** How stale a key's "last used" may be: enough for an administrator to see it is in use. */
const TOUCH_EVERY_MS = 5 * 60_000;

/** Administrators, or the CLI / bench (system actor). */
function guard(actor: Actor): void {
  if (actor.kind !== 'system') requireAction(actor, 'open311.manage');
}

export async function listKeys(db: Db, actor: Actor) {
  guard(actor);
  return repo.listKeys(db);
}

export async function createKey(db: Db, actor: Actor, rawName: string): Promise<{ id: string; key: string }> {
  guard(actor);
  const name = clean(rawName);
  if (!name || name.length > 100)
    throw new AppError('VALIDATION', name ? 'err_too_long' : 'err_required', { field: 'name' });
  const key = KEY_PREFIX + generateToken();
  const id = newId();
  await db.transaction().execute(async (tx) => {
    await repo.insertKey(tx, {
      id,
      name,
      key_hash: hashToken(key),
      created_by_account_id: actor.accountId,
      created_at: nowIso(),
      last_used_at: null,
      revoked_at: null
    });
    await audit(tx, actor, { action: 'create', entityType: 'open311_api_key', entityId: id, after: { name } });
  });
  return { id, key };
}

export async function revokeKey(db: Db, actor: Actor, id: string): Promise<void> {
  guard(actor);
  const key = await repo.findLiveKeyById(db, id);
  if (!key) throw notFound();
  await db.transaction().execute(async (tx) => {
    await repo.revokeKey(tx, id, nowIso());
    await audit(tx, actor, {
      action: 'delete',
      entityType: 'open311_api_key',
      entityId: id,
      before: { name: key.name }
    });
  });
}

/** The live key matching a raw value, or null (unknown, revoked or empty). */
export async function verifyKey(db: Db, raw: string | null | undefined): Promise<{ id: string; name: string } | null> {
  if (!raw || !raw.startsWith(KEY_PREFIX) || raw.length > 100) return null;
  const key = await repo.findLiveKey(db, hashToken(raw));
  if (!key) return null;
  // A client posting many reports a minute needs no write per request to show it is in use.
  if (!key.last_used_at || Date.now() - Date.parse(key.last_used_at) >= TOUCH_EVERY_MS)
    await repo.touchKey(db, key.id, nowIso());
  return { id: key.id, name: key.name };
}
