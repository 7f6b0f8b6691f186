/** Demo programs, yearly plans with targets and effective models (issue 4). */
import type { Db } from '$lib/server/db';

export async function seedProgramDemo(_db: Db, _orgs: Record<string, string>, _units: Record<string, string>): Promise<void> {}
