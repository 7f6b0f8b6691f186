import { sql } from 'kysely';
import type { Db } from '$lib/server/db';

/** The cheapest round trip that proves the database answers. */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
