/**
 * Official documents (Decree 30/2020): how each organisation signs its documents, and the
 * register of outgoing documents (sổ văn bản đi).
 * - `document_issuer`: the symbol in numbers ("HNCT"), the lines of the issuer block, the
 *   place name of the date line and the usual signer; missing rows fall back to defaults.
 * - `document_counter`: the last number given per issuer, document type and year. Issuing
 *   raises it by one in the same transaction that writes the register row, so numbers are
 *   never skipped, and the row lock (PostgreSQL) or the write lock (SQLite) serialises
 *   concurrent issuers; the unique key on the register is a second guard.
 * - `issued_document` + `issued_document_link`: what was issued, and for what.
 * Frozen in time: takes Kysely<any> and never imports application types.
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
    date: pg ? 'date' : 'text',
    timestamp: pg ? 'timestamptz' : 'text',
    json: pg ? 'jsonb' : 'text'
  } as const;
}

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('document_issuer')
    .addColumn('organisation_id', t.id, (c) => c.primaryKey().references('organisation.id'))
    .addColumn('symbol', t.text, (c) => c.notNull()) // "HNCT", "SNNMT"
    .addColumn('name_label', t.text) // issuing body as printed; null = the organisation's name
    .addColumn('parent_label', t.text) // the body above it; null = the parent organisation's name
    .addColumn('place', t.text) // "Lai Châu"; null = the name of the organisation's admin unit
    .addColumn('signer_authority', t.text) // "TM. BAN THƯỜNG VỤ"
    .addColumn('signer_title', t.text) // "CHỦ TỊCH"
    .addColumn('signer_name', t.text)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('document_counter')
    .addColumn('issuer_org_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('type_code', t.text, (c) => c.notNull())
    .addColumn('year', t.int, (c) => c.notNull())
    .addColumn('last_number', t.int, (c) => c.notNull())
    .addPrimaryKeyConstraint('document_counter_pk', ['issuer_org_id', 'type_code', 'year'])
    .execute();

  await db.schema
    .createTable('issued_document')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('issuer_org_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('type_code', t.text, (c) => c.notNull())
    .addColumn('year', t.int, (c) => c.notNull())
    .addColumn('number', t.int, (c) => c.notNull())
    .addColumn('number_text', t.text, (c) => c.notNull()) // "05/BC-HNCT" as printed
    .addColumn('issued_on', t.date, (c) => c.notNull())
    .addColumn('co_issuers', t.json) // joint documents: the other issuers' organisation ids
    .addColumn('signer_name', t.text)
    .addColumn('signer_title', t.text)
    .addColumn('subject', t.text, (c) => c.notNull())
    .addColumn('file_path', t.text) // relative to DATA_DIR/private
    .addColumn('file_sha256', t.text)
    .addColumn('annex_path', t.text)
    .addColumn('issued_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('issued_document_number', ['issuer_org_id', 'type_code', 'year', 'number'])
    .execute();
  await db.schema
    .createIndex('issued_document_issuer_date')
    .on('issued_document')
    .columns(['issuer_org_id', 'issued_on'])
    .execute();

  await db.schema
    .createTable('issued_document_link')
    .addColumn('document_id', t.id, (c) => c.notNull().references('issued_document.id'))
    .addColumn('entity_type', t.text, (c) => c.notNull())
    .addColumn('entity_id', t.id, (c) => c.notNull())
    .addPrimaryKeyConstraint('issued_document_link_pk', ['document_id', 'entity_type', 'entity_id'])
    .execute();
  await db.schema
    .createIndex('issued_document_link_entity')
    .on('issued_document_link')
    .columns(['entity_type', 'entity_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['issued_document_link', 'issued_document', 'document_counter', 'document_issuer']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
