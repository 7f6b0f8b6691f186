/** What a load balancer or monitor asks: is the app up and does its database answer? */
import type { Db } from '$lib/server/db';
import { config } from '$lib/server/config';
import { ping } from './health.repository';

export interface Health {
  status: 'ok' | 'unavailable';
  database: typeof config.dbKind;
  version: string;
}

/** Never throws: a database that does not answer is the "unavailable" reading, not an error. */
export async function health(db: Db): Promise<Health> {
  const reading = { database: config.dbKind, version: config.version };
  try {
    await ping(db);
    return { status: 'ok', ...reading };
  } catch {
    return { status: 'unavailable', ...reading };
  }
}
