/**
 * How many public reports one client, and one commune, may send in a window. A person reports
 * a few things a day; a script sends hundreds a minute and would bury the officers (and their
 * phones, through urgent alerts). The client is counted by a keyed hash of its address, never
 * the address itself.
 */
import type { Db } from '$lib/server/db';
import { config } from '$lib/server/config';
import { admit } from '$lib/server/auth/rate-limit.service';
import { AppError } from '$lib/server/errors';

export async function admitReport(
  db: Db,
  client: string,
  communeId: string | null
): Promise<{ ok: true } | { ok: false; minutes: number }> {
  const limits = [{ key: `intake-client:${client}`, max: config.INTAKE_CLIENT_MAX }];
  if (communeId) limits.push({ key: `intake-area:${communeId}`, max: config.INTAKE_AREA_MAX });
  return admit(db, limits, config.INTAKE_WINDOW_MINUTES);
}

/**
 * A follow-up by receipt (a reply with photos, a rating, a reopening) is public too: it draws on
 * the same per-client allowance as sending a report, so a script cannot flood a case either way.
 */
export async function requireFollowUpAllowance(db: Db, client: string): Promise<void> {
  const admitted = await admitReport(db, client, null);
  if (!admitted.ok) throw new AppError('RATE_LIMITED', 'sec_followup_wait', { minutes: admitted.minutes });
}

/**
 * Open311 clients are other servers posting for many people, so they get their own window per
 * client address (same allowance size), apart from villagers sending from the same network.
 */
export async function admitOpen311Post(db: Db, client: string): Promise<{ ok: true } | { ok: false; minutes: number }> {
  return admit(db, [{ key: `intake-open311:${client}`, max: config.INTAKE_CLIENT_MAX }], config.INTAKE_WINDOW_MINUTES);
}
