/**
 * Document generation as a job (issue 13 §4): a report's .docx and annex for a province's
 * tổng kết can take many seconds, so the request only enqueues a `document_job` and a worker
 * in the server process produces the files, one at a time.
 * - `version_key`: the report version the files are of; a retried request for the same
 *   version and requester finds the same job.
 * - status: pending → running → done | failed; a running job whose `started_at` is older than
 *   the worker's limit is taken again (its process died), up to `attempts` tries.
 * - `requested_by`: the account whose reading scope the files are made with; only it
 *   downloads them, while it may still read the report.
 * Frozen in time: takes Kysely<any> and never imports application types.
 */
import { SqliteAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = !(db.getExecutor().adapter instanceof SqliteAdapter);
  const ts = pg ? 'timestamptz' : 'text';
  await db.schema
    .createTable('document_job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // 'periodic_report'
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('version_key', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('files', pg ? 'jsonb' : 'text') // { docx: path, annex: path } under DATA_DIR/private
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('started_at', ts)
    .addColumn('finished_at', ts)
    .execute();
  await db.schema
    .createIndex('document_job_version')
    .on('document_job')
    .columns(['kind', 'entity_id', 'requested_by', 'version_key'])
    .execute();
  await db.schema.createIndex('document_job_queue').on('document_job').columns(['status', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_job').ifExists().execute();
}
