/** What a load balancer or monitor asks: is the app up and does its database answer? */
import type { Db } from '$lib/server/db';
import { config } from '$lib/server/config';
import { ping } from './health.repository';

export async function health(db: Db) {
  await ping(db);
  return { status: 'ok' as const, database: config.dbKind, version: config.version };
}
