/** SQL for the template sample: the newest program of the demo data and a plan under it. */
import type { Db } from '$lib/server/db';

export async function firstProgramAndPlan(db: Db): Promise<{ programId?: string; planId?: string }> {
  const program = await db
    .selectFrom('program')
    .select('id')
    .orderBy('period_from', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  let q = db.selectFrom('plan').select('id');
  if (program) q = q.where('program_id', '=', program.id);
  const plan = await q.orderBy('year', 'desc').orderBy('created_at').orderBy('id').executeTakeFirst();
  return { programId: program?.id, planId: plan?.id };
}
