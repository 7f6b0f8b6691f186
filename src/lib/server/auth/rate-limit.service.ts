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

/**
 * Counts one attempt for every key (atomically) and answers whether all are within their limit;
 * when not, how many minutes until the fullest window ends. Over-limit attempts count too, so a
 * flood keeps its window full.
 */
export async function admit(
  db: Db,
  limits: { key: string; max: number }[],
  minutes: number,
  now = Date.now()
): Promise<{ ok: true } | { ok: false; minutes: number }> {
  const nowIso = new Date(now).toISOString();
  const resetAt = new Date(now + minutes * 60_000).toISOString();
  let over = false;
  for (const l of limits) if ((await repo.bumpFixedWindow(db, l.key, nowIso, resetAt)) > l.max) over = true;
  if (!over) return { ok: true };
  const rows = await repo.findRateLimits(
    db,
    limits.map((l) => l.key)
  );
  const until = Math.max(...rows.map((r) => Date.parse(r.reset_at)));
  return { ok: false, minutes: Math.max(1, Math.ceil((until - now) / 60_000)) };
}
