/**
 * Foundation schema: geography, organisations, people, accounts, roles, audit.
 * Frozen in time: takes Kysely<any> and never imports application types.
 *
 * Conventions: text UUID ids (no autoincrement/serial split); validity periods are
 * [valid_from, valid_to) — valid_to is the first day the row is NO LONGER valid, so a
 * successor's valid_from equals its predecessor's valid_to; flags are integer 0/1 on both
 * databases; `*_search` columns hold the diacritic-folded text (see shared/text.ts).
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
    timestamp: pg ? 'timestamptz' : 'text'
  } as const;
}

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);

  await db.schema
    .createTable('admin_unit')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('code', t.text) // official code, zero-padded; null for villages
    .addColumn('level', t.text, (c) => c.notNull()) // province | district | commune | village
    .addColumn('type', t.text, (c) => c.notNull()) // tinh, huyen, xa, phuong, ban ...
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('full_name', t.text, (c) => c.notNull())
    .addColumn('name_search', t.text, (c) => c.notNull())
    .addColumn('sort_key', t.text, (c) => c.notNull())
    .addColumn('parent_id', t.id, (c) => c.references('admin_unit.id'))
    .addColumn('valid_from', t.date, (c) => c.notNull())
    .addColumn('valid_to', t.date)
    .addColumn('centre_lat', t.real)
    .addColumn('centre_lon', t.real)
    .addColumn('households', t.int)
    .addColumn('source', t.text)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admin_unit_code').on('admin_unit').columns(['code', 'valid_from']).execute();
  await db.schema.createIndex('admin_unit_parent').on('admin_unit').columns(['parent_id', 'valid_from']).execute();
  await db.schema.createIndex('admin_unit_level').on('admin_unit').columns(['level', 'valid_from']).execute();

  await db.schema
    .createTable('unit_change')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('kind', t.text, (c) => c.notNull()) // merge split rename retype reparent establish abolish
    .addColumn('effective_date', t.date, (c) => c.notNull())
    .addColumn('legal_basis', t.text)
    .addColumn('note', t.text)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('unit_change_link')
    .addColumn('change_id', t.id, (c) => c.notNull().references('unit_change.id').onDelete('cascade'))
    .addColumn('predecessor_id', t.id, (c) => c.references('admin_unit.id'))
    .addColumn('successor_id', t.id, (c) => c.references('admin_unit.id'))
    .addColumn('share', t.text, (c) => c.notNull().defaultTo('full')) // full | partial
    .execute();
  await db.schema.createIndex('unit_change_link_pred').on('unit_change_link').column('predecessor_id').execute();
  await db.schema.createIndex('unit_change_link_succ').on('unit_change_link').column('successor_id').execute();

  await db.schema
    .createTable('unit_geometry')
    .addColumn('unit_id', t.id, (c) => c.primaryKey().references('admin_unit.id'))
    .addColumn('geojson', t.text, (c) => c.notNull())
    .addColumn('min_lon', t.real, (c) => c.notNull())
    .addColumn('min_lat', t.real, (c) => c.notNull())
    .addColumn('max_lon', t.real, (c) => c.notNull())
    .addColumn('max_lat', t.real, (c) => c.notNull())
    .addColumn('source', t.text)
    .execute();

  await db.schema
    .createTable('organisation')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('kind', t.text, (c) => c.notNull()) // association | agency
    .addColumn('type', t.text, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('name_search', t.text, (c) => c.notNull())
    .addColumn('sort_key', t.text, (c) => c.notNull())
    .addColumn('parent_id', t.id, (c) => c.references('organisation.id'))
    .addColumn('admin_unit_id', t.id, (c) => c.references('admin_unit.id'))
    .addColumn('valid_from', t.date, (c) => c.notNull())
    .addColumn('valid_to', t.date)
    .addColumn('successor_id', t.id, (c) => c.references('organisation.id'))
    .addColumn('phone', t.text)
    .addColumn('address', t.text)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organisation_parent').on('organisation').column('parent_id').execute();
  await db.schema.createIndex('organisation_unit').on('organisation').column('admin_unit_id').execute();

  // Closure table: every (ancestor, descendant) pair including (x, x). Scope checks are one
  // indexed lookup instead of a recursive walk, which matters at national scale.
  await db.schema
    .createTable('organisation_closure')
    .addColumn('ancestor_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('descendant_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('depth', t.int, (c) => c.notNull())
    .addPrimaryKeyConstraint('organisation_closure_pk', ['ancestor_id', 'descendant_id'])
    .execute();
  await db.schema.createIndex('organisation_closure_desc').on('organisation_closure').column('descendant_id').execute();

  await db.schema
    .createTable('person')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id')) // keeper
    .addColumn('full_name', t.text, (c) => c.notNull())
    .addColumn('name_search', t.text, (c) => c.notNull())
    .addColumn('sort_key', t.text, (c) => c.notNull())
    .addColumn('birth_year', t.int)
    .addColumn('sex', t.text) // female | male | other
    .addColumn('village_unit_id', t.id, (c) => c.references('admin_unit.id'))
    .addColumn('phone', t.text)
    .addColumn('address', t.text)
    .addColumn('anonymised_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_org').on('person').column('organisation_id').execute();

  // Sensitive data (Law 91/2025): separate table, only written while a consent is active.
  await db.schema
    .createTable('person_sensitive')
    .addColumn('person_id', t.id, (c) => c.primaryKey().references('person.id'))
    .addColumn('ethnicity', t.text)
    .addColumn('health_note', t.text)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('consent')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('person_id', t.id, (c) => c.notNull().references('person.id'))
    .addColumn('purpose', t.text, (c) => c.notNull()) // sensitive_data | report_on_behalf ...
    .addColumn('version', t.text, (c) => c.notNull())
    .addColumn('method', t.text, (c) => c.notNull()) // signature | fingerprint | oral_witness
    .addColumn('witness_name', t.text)
    .addColumn('given_on', t.date, (c) => c.notNull())
    .addColumn('recorded_by', t.id)
    .addColumn('withdrawn_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consent_person').on('consent').column('person_id').execute();

  await db.schema
    .createTable('membership')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('person_id', t.id, (c) => c.notNull().references('person.id'))
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('card_number', t.text)
    .addColumn('joined_on', t.date, (c) => c.notNull())
    .addColumn('left_on', t.date)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('membership_org').on('membership').column('organisation_id').execute();
  await db.schema.createIndex('membership_person').on('membership').column('person_id').execute();

  await db.schema
    .createTable('account')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('username', t.text, (c) => c.notNull().unique())
    .addColumn('phone', t.text, (c) => c.unique())
    .addColumn('display_name', t.text, (c) => c.notNull())
    .addColumn('password_hash', t.text, (c) => c.notNull())
    .addColumn('person_id', t.id, (c) => c.references('person.id'))
    .addColumn('must_change_password', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('disabled', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('last_sign_in_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', t.text, (c) => c.primaryKey()) // sha256 of the cookie token
    .addColumn('account_id', t.id, (c) => c.notNull().references('account.id'))
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_account').on('session').column('account_id').execute();

  await db.schema
    .createTable('rate_limit')
    .addColumn('key', t.text, (c) => c.primaryKey())
    .addColumn('count', t.int, (c) => c.notNull())
    .addColumn('reset_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('role_grant')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('account_id', t.id, (c) => c.notNull().references('account.id'))
    .addColumn('role', t.text, (c) => c.notNull())
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('granted_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('revoked_at', t.timestamp)
    .execute();
  await db.schema.createIndex('role_grant_account').on('role_grant').column('account_id').execute();

  await db.schema
    .createTable('api_token')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('account_id', t.id, (c) => c.notNull().references('account.id'))
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('token_hash', t.text, (c) => c.notNull().unique())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_used_at', t.timestamp)
    .addColumn('revoked_at', t.timestamp)
    .execute();

  await db.schema
    .createTable('idempotency_key')
    .addColumn('key', t.text, (c) => c.primaryKey())
    .addColumn('entity_type', t.text, (c) => c.notNull())
    .addColumn('entity_id', t.id, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  // Append-only: the application has no update or delete path for this table.
  await db.schema
    .createTable('audit_event')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('actor_account_id', t.id)
    .addColumn('actor_name', t.text)
    .addColumn('action', t.text, (c) => c.notNull()) // create update delete reveal sign_in ...
    .addColumn('entity_type', t.text, (c) => c.notNull())
    .addColumn('entity_id', t.id)
    .addColumn('organisation_id', t.id)
    .addColumn('before_json', t.text)
    .addColumn('after_json', t.text)
    .addColumn('note', t.text)
    .execute();
  await db.schema.createIndex('audit_event_at').on('audit_event').column('at').execute();
  await db.schema.createIndex('audit_event_entity').on('audit_event').columns(['entity_type', 'entity_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_event',
    'idempotency_key',
    'api_token',
    'role_grant',
    'rate_limit',
    'session',
    'account',
    'membership',
    'consent',
    'person_sensitive',
    'person',
    'organisation_closure',
    'organisation',
    'unit_geometry',
    'unit_change_link',
    'unit_change',
    'admin_unit'
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
