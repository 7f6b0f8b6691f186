/**
 * How many public reports one client, and one commune, may send in a window. A person reports
 * a few things a day; a script sends hundreds a minute and would bury the officers (and their
 * phones, through urgent alerts). The client is counted by a keyed hash of its address, never
 * the address itself.
 */
import type { Db } from '$lib/server/db';
import { config } from '$lib/server/config';
import { admit } from '$lib/server/auth/rate-limit.service';

export async function admitReport(
  db: Db,
  client: string,
  communeId: string | null
): Promise<{ ok: true } | { ok: false; minutes: number }> {
  const limits = [{ key: `intake-client:${client}`, max: config.INTAKE_CLIENT_MAX }];
  if (communeId) limits.push({ key: `intake-area:${communeId}`, max: config.INTAKE_AREA_MAX });
  return admit(db, limits, config.INTAKE_WINDOW_MINUTES);
}
