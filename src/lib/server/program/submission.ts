/**
 * One-time form keys for program creates (activities, commitments, models, plans; the report
 * intake pattern): the form carries a random hidden key, and a retried or double-clicked POST
 * with the same key answers with the record the first one made instead of making a second.
 *
 * The key, the record and its photos are written in ONE transaction, the key first. A second
 * request with the same key waits on the first one's key row (PostgreSQL holds it until the
 * first commits; SQLite runs one writer at a time), then fails on the unique key, rolls back
 * whatever it wrote and answers with the committed record. If the first fails (a refused form,
 * a photo that could not be saved), nothing of it is kept, so the retry makes the one record.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { inTransaction } from '$lib/server/db/transaction';
import { undoFilesOnFailure } from '$lib/server/db/owned-files';
import { claimKey, findKey, pointKey } from './submission.repository';

/** The key the form was issued with (hidden field `submission_key`). */
export const submissionKey = (values: Record<string, string | string[]>): string | null =>
  (Array.isArray(values.submission_key) ? values.submission_key[0] : values.submission_key) || null;

const KEY = /^[A-Za-z0-9_-]{16,64}$/;

/** Keys are per account, so one user's key can never answer with another user's record. */
const slot = (actor: Actor, entity: string, key: string) => `${entity}:${actor.accountId ?? actor.kind}:${key}`;

export async function once(
  db: Db,
  actor: Actor,
  entity: string,
  key: string | null | undefined,
  make: (tx: Db) => Promise<string>
): Promise<{ id: string; created: boolean }> {
  if (!key || !KEY.test(key)) return { id: await inTransaction(db, make), created: true };
  const k = slot(actor, entity, key);
  try {
    // The loser of a race rolls back, and so do the photos it wrote.
    const id = await undoFilesOnFailure(() =>
      db.transaction().execute(async (tx) => {
        await claimKey(tx, k, entity);
        const made = await make(tx);
        await pointKey(tx, k, made);
        return made;
      })
    );
    return { id, created: true };
  } catch (e) {
    // Lost the race to a request with the same key: its record is committed by now.
    const first = await findKey(db, k);
    if (first?.entity_id) return { id: first.entity_id, created: false };
    throw e;
  }
}
