import type { Db } from '$lib/server/db';
import type { AdminUnitTable } from '$lib/server/db/schema';

export async function insertUnits(db: Db, rows: AdminUnitTable[]): Promise<void> {
  // Chunked: SQLite caps bound parameters per statement.
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto('admin_unit').values(rows.slice(i, i + 500)).execute();
  }
}
