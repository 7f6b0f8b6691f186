/** SQL for a signed-in person's own reports (sent themselves, or entered for someone). */
import type { Db } from '$lib/server/db';

export async function listOwnReports(db: Db, accountId: string, limit = 200) {
  return db
    .selectFrom('report as r')
    .innerJoin('category as c', 'c.id', 'r.category_id')
    .select([
      'r.id',
      'r.status',
      'r.created_at',
      'r.deadline_kind',
      'r.deadline_on',
      'r.reporter_account_id',
      'r.entered_by_account_id',
      'c.name_vi as category_vi',
      'c.name_en as category_en'
    ])
    .where((eb) => eb.or([eb('r.reporter_account_id', '=', accountId), eb('r.entered_by_account_id', '=', accountId)]))
    .orderBy('r.created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function findOwnReport(db: Db, accountId: string, id: string) {
  return db
    .selectFrom('report')
    .select('id')
    .where('id', '=', id)
    .where((eb) => eb.or([eb('reporter_account_id', '=', accountId), eb('entered_by_account_id', '=', accountId)]))
    .executeTakeFirst();
}
