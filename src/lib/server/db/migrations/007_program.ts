/**
 * Program work (issue 4): cooperation programs, yearly plans with targets, indicators,
 * activities, commitments, effective models, and the pre-aggregate `agg_unit_month`.
 * Frozen in time: takes Kysely<any> and never imports application types.
 *
 * `agg_unit_month` holds, per computed indicator, organisation, admin unit and month, the
 * sum of the records' contributions. The unit is the one valid on the record's date (never
 * rewritten when the geography changes); roll-ups map it to the geography "as of" a date at
 * query time. The services keep it in step in the same transaction as each write.
 */
import { SqliteAdapter, type Kysely } from 'kysely';

/**
 * Column types as they were when this migration landed. Copied rather than imported: a migration
 * must create the same schema forever, whatever later happens to the application's code.
 */
function types(db: Kysely<any>) {
  const pg = !(db.getExecutor().adapter instanceof SqliteAdapter);
  return {
    id: 'text',
    text: 'text',
    int: 'integer',
    bigint: pg ? 'bigint' : 'integer',
    real: pg ? 'double precision' : 'real',
    date: pg ? 'date' : 'text',
    timestamp: pg ? 'timestamptz' : 'text'
  } as const;
}

const AT = '2025-01-01T00:00:00.000Z';

const INDICATORS: [string, string, string, string, 'flow' | 'stock'][] = [
  ['outreach_sessions', 'Số buổi tuyên truyền', 'Outreach sessions', 'buổi', 'flow'],
  ['outreach_participants', 'Số lượt người nghe tuyên truyền', 'Outreach participants', 'lượt', 'flow'],
  ['elderly_participants', 'Số lượt người cao tuổi tham gia', 'Elderly participants', 'lượt', 'flow'],
  ['trainings', 'Số lớp tập huấn', 'Training courses', 'lớp', 'flow'],
  ['training_participants', 'Số lượt người dự tập huấn', 'Training participants', 'lượt', 'flow'],
  ['campaign_days', 'Số ngày ra quân', 'Campaign days', 'ngày', 'flow'],
  ['commitments_households', 'Số hộ ký cam kết', 'Households committed', 'hộ', 'flow'],
  ['commitments_persons', 'Số người ký cam kết', 'Members committed', 'người', 'flow'],
  ['new_models', 'Số mô hình mới', 'New models', 'mô hình', 'flow'],
  ['active_models', 'Số mô hình đang hoạt động', 'Active models', 'mô hình', 'stock']
];

const TOPICS: [string, string, string][] = [
  ['law_env', 'Luật Bảo vệ môi trường', 'Law on Environmental Protection'],
  ['waste', 'Rác thải', 'Waste'],
  ['forest', 'Bảo vệ rừng', 'Forest protection'],
  ['water', 'Nguồn nước', 'Water sources'],
  ['climate', 'Biến đổi khí hậu', 'Climate change'],
  ['law_elderly', 'Luật Người cao tuổi', 'Law on the Elderly']
];

const COMMITMENT_KINDS: [string, string, string][] = [
  ['no_burning', 'Không đốt, không vứt rác bừa bãi', 'No burning or dumping of waste'],
  ['sorting', 'Phân loại rác tại nguồn', 'Sorting waste'],
  ['no_logging', 'Không chặt phá rừng trái phép', 'No illegal logging'],
  ['water', 'Bảo vệ nguồn nước', 'Protecting water sources']
];

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);

  await db.schema
    .createTable('program')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id')) // owner, for scope
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('title_search', t.text, (c) => c.notNull())
    .addColumn('signed_on', t.date)
    .addColumn('period_from', t.date, (c) => c.notNull())
    .addColumn('period_to', t.date, (c) => c.notNull())
    .addColumn('objectives', t.text)
    .addColumn('content_areas', t.text) // JSON array of strings
    .addColumn('document_path', t.text)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('program_party')
    .addColumn('program_id', t.id, (c) => c.notNull().references('program.id').onDelete('cascade'))
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addPrimaryKeyConstraint('program_party_pk', ['program_id', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('indicator')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('code', t.text, (c) => c.notNull().unique())
    .addColumn('name_vi', t.text, (c) => c.notNull())
    .addColumn('name_en', t.text, (c) => c.notNull())
    .addColumn('unit', t.text, (c) => c.notNull())
    .addColumn('source', t.text, (c) => c.notNull()) // computed | manual
    .addColumn('definition_key', t.text) // computed: key into shared/program/indicators.ts
    .addColumn('aggregation', t.text, (c) => c.notNull().defaultTo('flow')) // flow | stock
    .addColumn('sort_order', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('active', t.int, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('program_id', t.id, (c) => c.references('program.id'))
    .addColumn('year', t.int, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_org_year').on('plan').columns(['organisation_id', 'year']).execute();
  await db.schema
    .createTable('plan_target')
    .addColumn('plan_id', t.id, (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('indicator_id', t.id, (c) => c.notNull().references('indicator.id'))
    .addColumn('target_value', t.real, (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_target_pk', ['plan_id', 'indicator_id'])
    .execute();

  await db.schema
    .createTable('manual_value')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('indicator_id', t.id, (c) => c.notNull().references('indicator.id'))
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('admin_unit_id', t.id, (c) => c.notNull().references('admin_unit.id'))
    .addColumn('month', t.text, (c) => c.notNull()) // 'YYYY-MM'
    .addColumn('value', t.real, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('manual_value_key', ['indicator_id', 'organisation_id', 'admin_unit_id', 'month'])
    .execute();

  for (const name of ['topic', 'commitment_kind']) {
    await db.schema
      .createTable(name)
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('code', t.text, (c) => c.notNull().unique())
      .addColumn('name_vi', t.text, (c) => c.notNull())
      .addColumn('name_en', t.text, (c) => c.notNull())
      .addColumn('sort_order', t.int, (c) => c.notNull().defaultTo(0))
      .addColumn('active', t.int, (c) => c.notNull().defaultTo(1))
      .execute();
  }

  await db.schema
    .createTable('activity')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('outreach_mode', t.text)
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('admin_unit_id', t.id, (c) => c.notNull().references('admin_unit.id')) // valid on started_on
    .addColumn('started_on', t.date, (c) => c.notNull())
    .addColumn('ended_on', t.date)
    .addColumn('count_total', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('count_elderly', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('count_women', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('count_ethnic_minority', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('audiences', t.text) // JSON array of AUDIENCES codes
    .addColumn('partners', t.text)
    .addColumn('materials', t.text)
    .addColumn('ntm_criterion', t.text) // '2021-2025:17' | '2026-2030:8'
    .addColumn('notes', t.text)
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activity_org_date').on('activity').columns(['organisation_id', 'started_on']).execute();
  await db.schema.createIndex('activity_unit').on('activity').column('admin_unit_id').execute();
  await db.schema
    .createTable('activity_topic')
    .addColumn('activity_id', t.id, (c) => c.notNull().references('activity.id').onDelete('cascade'))
    .addColumn('topic_id', t.id, (c) => c.notNull().references('topic.id'))
    .addPrimaryKeyConstraint('activity_topic_pk', ['activity_id', 'topic_id'])
    .execute();
  await db.schema
    .createTable('activity_attendee')
    .addColumn('activity_id', t.id, (c) => c.notNull().references('activity.id').onDelete('cascade'))
    .addColumn('person_id', t.id, (c) => c.notNull().references('person.id'))
    .addPrimaryKeyConstraint('activity_attendee_pk', ['activity_id', 'person_id'])
    .execute();
  await db.schema.createIndex('activity_attendee_person').on('activity_attendee').column('person_id').execute();

  await db.schema
    .createTable('commitment')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('kind_id', t.id, (c) => c.notNull().references('commitment_kind.id'))
    .addColumn('party', t.text, (c) => c.notNull()) // household | person
    .addColumn('household_name', t.text)
    .addColumn('person_id', t.id, (c) => c.references('person.id'))
    .addColumn('village_unit_id', t.id, (c) => c.notNull().references('admin_unit.id'))
    .addColumn('signed_on', t.date, (c) => c.notNull())
    .addColumn('photo_path', t.text)
    .addColumn('notes', t.text)
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('commitment_org_date')
    .on('commitment')
    .columns(['organisation_id', 'signed_on'])
    .execute();
  await db.schema.createIndex('commitment_village').on('commitment').column('village_unit_id').execute();

  await db.schema
    .createTable('model')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('name_search', t.text, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('admin_unit_id', t.id, (c) => c.notNull().references('admin_unit.id')) // valid on started_on
    .addColumn('started_on', t.date, (c) => c.notNull())
    .addColumn('ended_on', t.date) // set when status becomes 'ended'
    .addColumn('people_involved', t.int)
    .addColumn('status', t.text, (c) => c.notNull()) // active | paused | ended
    .addColumn('evidence', t.text)
    .addColumn('recognised_by', t.text)
    .addColumn('recognised_on', t.date)
    .addColumn('replicated_from_id', t.id, (c) => c.references('model.id'))
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('model_org').on('model').column('organisation_id').execute();
  await db.schema.createIndex('model_replicated').on('model').column('replicated_from_id').execute();
  await db.schema
    .createTable('model_result')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('model_id', t.id, (c) => c.notNull().references('model.id').onDelete('cascade'))
    .addColumn('description', t.text, (c) => c.notNull())
    .addColumn('quantity', t.real, (c) => c.notNull())
    .addColumn('unit', t.text, (c) => c.notNull())
    .addColumn('recorded_on', t.date)
    .execute();

  await db.schema
    .createTable('agg_unit_month')
    .addColumn('indicator_code', t.text, (c) => c.notNull())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('admin_unit_id', t.id, (c) => c.notNull())
    .addColumn('month', t.text, (c) => c.notNull()) // 'YYYY-MM'
    .addColumn('value', t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('agg_unit_month_pk', ['indicator_code', 'organisation_id', 'admin_unit_id', 'month'])
    .execute();
  await db.schema
    .createIndex('agg_unit_month_month')
    .on('agg_unit_month')
    .columns(['indicator_code', 'month'])
    .execute();

  await db
    .insertInto('indicator')
    .values(
      INDICATORS.map(([code, vi, en, unit, aggregation], i) => ({
        id: `ind-${code}`,
        code,
        name_vi: vi,
        name_en: en,
        unit,
        source: 'computed',
        definition_key: code,
        aggregation,
        sort_order: i + 1,
        active: 1,
        created_at: AT
      }))
    )
    .execute();
  await db
    .insertInto('topic')
    .values(
      TOPICS.map(([code, vi, en], i) => ({
        id: `topic-${code}`,
        code,
        name_vi: vi,
        name_en: en,
        sort_order: i + 1,
        active: 1
      }))
    )
    .execute();
  await db
    .insertInto('commitment_kind')
    .values(
      COMMITMENT_KINDS.map(([code, vi, en], i) => ({
        id: `ck-${code}`,
        code,
        name_vi: vi,
        name_en: en,
        sort_order: i + 1,
        active: 1
      }))
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'agg_unit_month',
    'model_result',
    'model',
    'commitment',
    'activity_attendee',
    'activity_topic',
    'activity',
    'commitment_kind',
    'topic',
    'manual_value',
    'plan_target',
    'plan',
    'indicator',
    'program_party',
    'program'
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
