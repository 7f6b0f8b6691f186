/**
 * One-time form keys for program forms (the report intake pattern): the form carries a random
 * hidden key, and a retried or double-clicked POST with the same key answers with the record
 * the first one made instead of making a second. The key is claimed in `idempotency_key`
 * BEFORE the record is written (the services run their own transaction), then pointed at it.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { AppError } from '$lib/server/errors';
import { claimKey, findKey, pointKey, releaseKey } from './activity-submission.repository';

const KEY = /^[A-Za-z0-9_-]{16,64}$/;
const PENDING = 'pending';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Keys are per account, so one user's key can never answer with another user's record. */
const slot = (actor: Actor, entity: string, key: string) => `${entity}:${actor.accountId ?? actor.kind}:${key}`;

/** The first request's record id, waiting briefly while that request is still writing it. */
async function replay(db: Db, k: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const row = await findKey(db, k);
    if (!row) break;
    if (row.entity_type !== PENDING) return row.entity_id;
    await sleep(100);
  }
  throw new AppError('CONFLICT', 'pa_err_in_progress');
}

export async function once(
  db: Db,
  actor: Actor,
  entity: string,
  key: string | null | undefined,
  make: () => Promise<string>
): Promise<{ id: string; created: boolean }> {
  if (!key || !KEY.test(key)) return { id: await make(), created: true };
  const k = slot(actor, entity, key);
  try {
    await claimKey(db, k, PENDING);
  } catch (e) {
    if (await findKey(db, k)) return { id: await replay(db, k), created: false };
    throw e;
  }
  try {
    const id = await make();
    await pointKey(db, k, entity, id);
    return { id, created: true };
  } catch (e) {
    // A refused submission (validation) frees the key, so the corrected form can use it.
    await releaseKey(db, k);
    throw e;
  }
}
