/** SQL for `deadline_rule`. */
import type { Insertable } from 'kysely';
import type { Db } from '$lib/server/db';
import type { DeadlineRuleTable } from '$lib/server/db/schema';
import type { RuleRow } from './deadline';

export async function listDeadlineRules(db: Db, channel: string, stage: string): Promise<RuleRow[]> {
  return db
    .selectFrom('deadline_rule')
    .select(['channel', 'category_id', 'stage', 'day_kind', 'days', 'extension_days', 'max_extensions'])
    .where('channel', '=', channel as DeadlineRuleTable['channel'])
    .where('stage', '=', stage as DeadlineRuleTable['stage'])
    .execute();
}

export async function countChannelDefaults(db: Db): Promise<number> {
  const row = await db
    .selectFrom('deadline_rule')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('category_id', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertDeadlineRules(db: Db, rows: Insertable<DeadlineRuleTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('deadline_rule').values(rows).execute();
}
