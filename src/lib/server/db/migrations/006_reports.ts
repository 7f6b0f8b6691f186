/**
 * Violation reports: taxonomy, reports and their events, protected identities,
 * attachments, working-day calendar, deadline and routing rules, extensions, Open311 keys.
 * Frozen in time: takes Kysely<any> and never imports application types.
 * Flags are integer 0/1; dates 'YYYY-MM-DD'; identities only ever stored encrypted.
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
    real: pg ? 'double precision' : 'real',
    date: pg ? 'date' : 'text',
    timestamp: pg ? 'timestamptz' : 'text',
    json: pg ? 'jsonb' : 'text'
  } as const;
}

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);

  await db.schema
    .createTable('category_group')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('code', t.text, (c) => c.notNull().unique())
    .addColumn('name_vi', t.text, (c) => c.notNull())
    .addColumn('name_en', t.text, (c) => c.notNull())
    .addColumn('sort_order', t.int, (c) => c.notNull())
    .addColumn('active', t.int, (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('category')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('code', t.text, (c) => c.notNull().unique())
    .addColumn('group_id', t.id, (c) => c.notNull().references('category_group.id'))
    .addColumn('name_vi', t.text, (c) => c.notNull())
    .addColumn('name_en', t.text, (c) => c.notNull())
    .addColumn('name_search', t.text, (c) => c.notNull())
    .addColumn('legal_basis', t.text)
    .addColumn('icon', t.text) // picture key for the intake page
    .addColumn('urgent', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', t.int, (c) => c.notNull())
    .addColumn('active', t.int, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('category_group_idx').on('category').columns(['group_id', 'sort_order']).execute();

  await db.schema
    .createTable('report')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('receipt_hash', t.text, (c) => c.notNull().unique())
    .addColumn('idempotency_key', t.text, (c) => c.unique())
    .addColumn('channel', t.text, (c) => c.notNull()) // phan_anh | kien_nghi | to_cao
    .addColumn('category_id', t.id, (c) => c.notNull().references('category.id'))
    .addColumn('description', t.text, (c) => c.notNull())
    .addColumn('description_search', t.text, (c) => c.notNull())
    .addColumn('observed_on', t.date, (c) => c.notNull())
    .addColumn('lat', t.real)
    .addColumn('lon', t.real)
    .addColumn('location_precision', t.text, (c) => c.notNull()) // gps | pin | photo | village | commune
    .addColumn('location_text', t.text)
    .addColumn('commune_unit_id', t.id, (c) => c.references('admin_unit.id'))
    .addColumn('village_unit_id', t.id, (c) => c.references('admin_unit.id'))
    .addColumn('commune_org_id', t.id, (c) => c.references('organisation.id'))
    .addColumn('agency_org_id', t.id, (c) => c.references('organisation.id'))
    .addColumn('assigned_account_id', t.id, (c) => c.references('account.id'))
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('urgent', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('protection', t.text, (c) => c.notNull()) // named | confidential | anonymous
    .addColumn('reporter_account_id', t.id, (c) => c.references('account.id'))
    .addColumn('entered_by_account_id', t.id, (c) => c.references('account.id'))
    .addColumn('observer_person_id', t.id, (c) => c.references('person.id'))
    .addColumn('consent_method', t.text) // oral_witness | signature | fingerprint
    .addColumn('is_public', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('public_lat', t.real)
    .addColumn('public_lon', t.real)
    .addColumn('duplicate_of_id', t.id, (c) => c.references('report.id'))
    .addColumn('deadline_kind', t.text) // verify | accept | resolve
    .addColumn('deadline_on', t.date)
    .addColumn('accepted_on', t.date)
    .addColumn('extensions_used', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('outcome_kind', t.text)
    .addColumn('outcome_json', t.json)
    .addColumn('resolved_at', t.timestamp)
    .addColumn('closed_at', t.timestamp)
    .addColumn('rating', t.int)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_queue')
    .on('report')
    .columns(['commune_org_id', 'status', 'urgent', 'deadline_on'])
    .execute();
  await db.schema
    .createIndex('report_agency_queue')
    .on('report')
    .columns(['agency_org_id', 'status', 'urgent', 'deadline_on'])
    .execute();
  await db.schema.createIndex('report_public').on('report').columns(['is_public', 'created_at']).execute();
  await db.schema.createIndex('report_dupes').on('report').columns(['category_id', 'observed_on']).execute();
  await db.schema.createIndex('report_deadline').on('report').columns(['deadline_on', 'status']).execute();

  // Apart from the report, encrypted (AES-256-GCM, AAD = report id); key_version for rotation.
  await db.schema
    .createTable('report_identity')
    .addColumn('report_id', t.id, (c) => c.primaryKey().references('report.id'))
    .addColumn('ciphertext', t.text, (c) => c.notNull()) // base64
    .addColumn('iv', t.text, (c) => c.notNull())
    .addColumn('tag', t.text, (c) => c.notNull())
    .addColumn('key_version', t.int, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('report_event')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('report_id', t.id, (c) => c.notNull().references('report.id'))
    .addColumn('kind', t.text, (c) => c.notNull()) // status | message | forward | note | merge ...
    .addColumn('from_status', t.text)
    .addColumn('to_status', t.text)
    .addColumn('actor_account_id', t.id)
    .addColumn('actor_org_id', t.id)
    .addColumn('visible_to_reporter', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('body', t.text)
    .addColumn('data', t.json)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_event_report').on('report_event').columns(['report_id', 'created_at']).execute();

  await db.schema
    .createTable('attachment')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('report_id', t.id, (c) => c.notNull().references('report.id'))
    .addColumn('event_id', t.id, (c) => c.references('report_event.id'))
    .addColumn('kind', t.text, (c) => c.notNull()) // photo | audio | document
    .addColumn('private_path', t.text, (c) => c.notNull())
    .addColumn('public_path', t.text)
    .addColumn('sha256', t.text, (c) => c.notNull())
    .addColumn('mime', t.text, (c) => c.notNull())
    .addColumn('bytes', t.int, (c) => c.notNull())
    .addColumn('captured_at', t.timestamp)
    .addColumn('gps_lat', t.real)
    .addColumn('gps_lon', t.real)
    .addColumn('approved_public', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('uploaded_by_account_id', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachment_report').on('attachment').column('report_id').execute();

  await db.schema
    .createTable('holiday')
    .addColumn('date', t.date, (c) => c.primaryKey())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull()) // holiday | compensatory | bridge | workday
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('deadline_rule')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('channel', t.text, (c) => c.notNull())
    .addColumn('category_id', t.id, (c) => c.references('category.id')) // null = every category
    .addColumn('stage', t.text, (c) => c.notNull()) // verify | accept | resolve
    .addColumn('day_kind', t.text, (c) => c.notNull()) // working | calendar
    .addColumn('days', t.int, (c) => c.notNull())
    .addColumn('extension_days', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('max_extensions', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deadline_rule_lookup').on('deadline_rule').columns(['channel', 'stage']).execute();

  await db.schema
    .createTable('routing_rule')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('category_id', t.id, (c) => c.references('category.id')) // null = any category
    .addColumn('admin_unit_id', t.id, (c) => c.references('admin_unit.id')) // null = anywhere
    .addColumn('agency_org_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('routing_rule_lookup')
    .on('routing_rule')
    .columns(['category_id', 'admin_unit_id'])
    .execute();

  await db.schema
    .createTable('extension_request')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('report_id', t.id, (c) => c.notNull().references('report.id'))
    .addColumn('requested_by_account_id', t.id, (c) => c.notNull().references('account.id'))
    .addColumn('reason', t.text, (c) => c.notNull())
    .addColumn('days', t.int, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull()) // pending | approved | denied
    .addColumn('decided_by_account_id', t.id, (c) => c.references('account.id'))
    .addColumn('decided_at', t.timestamp)
    .addColumn('decision_note', t.text)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('extension_request_report').on('extension_request').column('report_id').execute();

  await db.schema
    .createTable('open311_api_key')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('key_hash', t.text, (c) => c.notNull().unique())
    .addColumn('created_by_account_id', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_used_at', t.timestamp)
    .addColumn('revoked_at', t.timestamp)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'open311_api_key',
    'extension_request',
    'routing_rule',
    'deadline_rule',
    'holiday',
    'attachment',
    'report_event',
    'report_identity',
    'report',
    'category',
    'category_group'
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
