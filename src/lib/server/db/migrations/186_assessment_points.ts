/**
 * An assessment keeps the points given to each criterion (JSON object: criterion code to points),
 * the self-assessment and the registering level's alike: the total is their sum, and the
 * achievement report (báo cáo thành tích) carries the points the award was decided on, including
 * the criteria assessed by hand. Assessments made before this migration have no breakdown (null).
 * Frozen in time: takes Kysely<any> and never imports application types.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('emu_registration').addColumn('self_points', 'text').execute();
  await db.schema.alterTable('emu_registration').addColumn('branch_points', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('emu_registration').dropColumn('branch_points').execute();
  await db.schema.alterTable('emu_registration').dropColumn('self_points').execute();
}
