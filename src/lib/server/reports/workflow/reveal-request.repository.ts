/** SQL for requests to reveal a protected identity. */
import type { Insertable } from 'kysely';
import type { Db } from '$lib/server/db';
import type { RevealRequestTable } from '$lib/server/db/schema';
import type { Scope } from './workflow.repository';

export async function insertRevealRequest(db: Db, row: Insertable<RevealRequestTable>): Promise<void> {
  await db.insertInto('reveal_request').values(row).execute();
}

export async function pendingForReport(db: Db, reportId: string) {
  return db
    .selectFrom('reveal_request')
    .select(['id', 'reason', 'created_at'])
    .where('report_id', '=', reportId)
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .executeTakeFirst();
}

/** Pending requests on reports of the communes in `scope`, oldest first. */
export async function pendingInScope(db: Db, scope: Scope, limit = 200) {
  return db
    .selectFrom('reveal_request as q')
    .innerJoin('report as r', 'r.id', 'q.report_id')
    .innerJoin('category as c', 'c.id', 'r.category_id')
    .innerJoin('account as a', 'a.id', 'q.requested_by')
    .select(['q.id', 'q.report_id', 'q.reason', 'q.created_at', 'a.display_name as asked_by', 'c.name_vi', 'c.name_en'])
    .where('q.status', '=', 'pending')
    .where('r.commune_org_id', 'in', scope)
    .orderBy('q.created_at')
    .limit(limit)
    .execute();
}

export async function countPendingInScope(db: Db, scope: Scope): Promise<number> {
  const row = await db
    .selectFrom('reveal_request as q')
    .innerJoin('report as r', 'r.id', 'q.report_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('q.status', '=', 'pending')
    .where('r.commune_org_id', 'in', scope)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Closes the report's pending requests; returns how many. */
export async function decidePending(
  db: Db,
  reportId: string,
  patch: {
    status: 'revealed' | 'declined';
    decided_by: string | null;
    decided_at: string;
    decision_note: string | null;
  }
): Promise<number> {
  const res = await db
    .updateTable('reveal_request')
    .set(patch)
    .where('report_id', '=', reportId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
