/**
 * Attempts counted per key in a fixed window. Kept in the database so a limit holds across
 * several app instances; other domains (receipt lookups) count through here, not the table.
 */
import type { Db } from '$lib/server/db';
import * as repo from './auth.repository';

export interface AttemptWindow {
  count: number;
  resetAt: string;
}

/** The key's window while it is still running, or null when there is none or it has ended. */
export async function liveWindow(db: Db, key: string, now = Date.now()): Promise<AttemptWindow | null> {
  const row = await repo.findRateLimit(db, key);
  return row && Date.parse(row.reset_at) > now ? { count: row.count, resetAt: row.reset_at } : null;
}

/** One more attempt in `live` (as read by liveWindow), or the first of a new window of `minutes`. */
export async function countAttempt(
  db: Db,
  key: string,
  live: AttemptWindow | null,
  minutes: number,
  now = Date.now()
): Promise<void> {
  const resetAt = live ? live.resetAt : new Date(now + minutes * 60_000).toISOString();
  await repo.upsertRateLimit(db, key, live ? live.count + 1 : 1, resetAt);
}

/** How often at most a key counted in memory is written through to the database. */
export const WRITE_THROUGH_MS = 1_000;

/** One key's window as this process knows it: the database's count when last written, plus ours since. */
interface Held {
  count: number;
  pending: number;
  resetAt: number;
  writtenAt: number;
}

/**
 * Per database (its adapter is shared by every view of it: transactions, plugins), the windows
 * this process holds. Tests open several databases in one process; each has its own counts.
 */
const heldBy = new WeakMap<object, Map<string, Held>>();
const MAX_HELD = 50_000;

function heldOf(db: Db): Map<string, Held> {
  const owner = db.getExecutor().adapter;
  let held = heldBy.get(owner);
  if (!held) heldBy.set(owner, (held = new Map()));
  return held;
}

/**
 * Whether this attempt may be counted in memory only: far from the limit (under half of it) in a
 * window this process wrote to the database less than WRITE_THROUGH_MS ago. Anything else, a
 * client's first attempt included, goes to the database, so near the limit every attempt is
 * counted there atomically, exactly as before.
 */
const inMemory = (h: Held | undefined, max: number, now: number): h is Held =>
  !!h && h.resetAt > now && now - h.writtenAt < WRITE_THROUGH_MS && (h.count + h.pending + 1) * 2 <= max;

/** Counts one attempt for `key` (and what this process counted in memory since) in the database. */
async function writeThrough(
  db: Db,
  key: string,
  minutes: number,
  now: number
): Promise<{ count: number; resetAt: number }> {
  const held = heldOf(db);
  const h = held.get(key);
  const carried = h && h.resetAt > now ? h.pending : 0;
  if (h) h.pending -= carried;
  const row = await repo.bumpFixedWindowBy(
    db,
    key,
    carried + 1,
    new Date(now).toISOString(),
    new Date(now + minutes * 60_000).toISOString()
  );
  const resetAt = Date.parse(row.resetAt);
  // Attempts counted in memory while the statement ran stay pending for the next write.
  const pending = h && h.resetAt === resetAt ? h.pending : 0;
  if (!h && held.size >= MAX_HELD) held.delete(held.keys().next().value!);
  held.set(key, { count: row.count, pending, resetAt, writtenAt: now });
  return { count: row.count, resetAt };
}

/**
 * Counts one attempt for every key and answers whether all are within their limit; when not,
 * how many minutes until the fullest window ends. Over-limit attempts count too, so a flood keeps
 * its window full. Kept in the database so a limit holds across app instances, but a client far
 * from its limit (an Open311 server posting for many people) is counted in memory between
 * writes at most WRITE_THROUGH_MS apart: the database then sees its count up to a second late,
 * and several instances together may let through up to half a window each before they see each
 * other's counts. Near the limit every attempt is counted in the database, atomically.
 */
export async function admit(
  db: Db,
  limits: { key: string; max: number }[],
  minutes: number,
  now = Date.now()
): Promise<{ ok: true } | { ok: false; minutes: number }> {
  const held = heldOf(db);
  let over = false;
  let until = 0;
  for (const l of limits) {
    const h = held.get(l.key);
    if (inMemory(h, l.max, now)) {
      h.pending++;
      until = Math.max(until, h.resetAt);
      continue;
    }
    const w = await writeThrough(db, l.key, minutes, now);
    if (w.count > l.max) over = true;
    until = Math.max(until, w.resetAt);
  }
  if (!over) return { ok: true };
  return { ok: false, minutes: Math.max(1, Math.ceil((until - now) / 60_000)) };
}
