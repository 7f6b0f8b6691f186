/**
 * Files of the emulation movement and its pre-aggregate:
 * - `emu_file`: photos and documents (PDF, .docx) added as manual evidence to a registration,
 *   and the awardee's photo for the public honour board. The original stays private; a photo
 *   also gets a metadata-free copy and a thumbnail. `organisation_id` is the registration's, so
 *   access is one scope check.
 * - `emu_award.photo_file_id` / `photo_consent_on`: publishing the photo is a consent of its own
 *   ("đồng ý đăng ảnh"), beside the consent to publish the name.
 * - `agg_emu_month`: registered / evaluated / passed / awards by form, per kind of subject,
 *   organisation and month, so dashboards sum an organisation subtree over a period without
 *   reading every registration.
 * Frozen in time: takes Kysely<any> and never imports application types.
 */
import { sql, SqliteAdapter, type Kysely } from 'kysely';

function types(db: Kysely<any>) {
  const pg = !(db.getExecutor().adapter instanceof SqliteAdapter);
  return {
    id: 'text',
    text: 'text',
    int: 'integer',
    bigint: pg ? 'bigint' : 'integer',
    date: pg ? 'date' : 'text',
    timestamp: pg ? 'timestamptz' : 'text'
  } as const;
}

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('emu_file')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('registration_id', t.id, (c) => c.notNull().references('emu_registration.id'))
    .addColumn('evidence_id', t.id, (c) => c.references('emu_evidence.id'))
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('kind', t.text, (c) => c.notNull()) // 'photo' | 'document'
    .addColumn('mime', t.text, (c) => c.notNull())
    .addColumn('file_name', t.text, (c) => c.notNull())
    .addColumn('bytes', t.int, (c) => c.notNull())
    .addColumn('sha256', t.text, (c) => c.notNull())
    .addColumn('private_path', t.text, (c) => c.notNull())
    .addColumn('public_path', t.text)
    .addColumn('thumb_path', t.text)
    .addColumn('alt', t.text)
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('emu_file_registration').on('emu_file').column('registration_id').execute();
  await db.schema.alterTable('emu_award').addColumn('photo_file_id', t.id).execute();
  await db.schema.alterTable('emu_award').addColumn('photo_consent_on', t.date).execute();

  await db.schema
    .createTable('agg_emu_month')
    .addColumn('indicator_code', t.text, (c) => c.notNull())
    .addColumn('subject_kind', t.text, (c) => c.notNull())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('month', t.text, (c) => c.notNull())
    .addColumn('value', t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('agg_emu_month_pk', ['indicator_code', 'subject_kind', 'organisation_id', 'month'])
    .execute();
  await backfill(db);
}

/** Existing data, by the same rules as the application's contributions at the time of writing. */
async function backfill(db: Kysely<any>) {
  const pg = !(db.getExecutor().adapter instanceof SqliteAdapter);
  const month = (col: string) => sql.raw(pg ? `to_char(${col}::date, 'YYYY-MM')` : `substr(${col}, 1, 7)`);
  const lastVote = `(select max(c.meeting_on) from emu_vote v join emu_council c on c.id = v.council_id
      where v.registration_id = r.id)`;
  await sql`
    insert into agg_emu_month (indicator_code, subject_kind, organisation_id, month, value)
    select code, subject_kind, organisation_id, month, count(*) from (
      select 'registered' as code, r.subject_kind, r.organisation_id, ${month('r.created_at')} as month
        from emu_registration r
      union all
      select 'evaluated', r.subject_kind, r.organisation_id, ${month(lastVote)}
        from emu_registration r where r.result is not null
      union all
      select 'passed', r.subject_kind, r.organisation_id, ${month(lastVote)}
        from emu_registration r where r.result = 'passed'
      union all
      select 'award:' || a.award_form, r.subject_kind, r.organisation_id, ${month('a.decided_on')}
        from emu_award a join emu_registration r on r.id = a.registration_id where a.revoked_at is null
    ) x where month is not null
    group by code, subject_kind, organisation_id, month`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agg_emu_month').ifExists().execute();
  await db.schema.alterTable('emu_award').dropColumn('photo_consent_on').execute();
  await db.schema.alterTable('emu_award').dropColumn('photo_file_id').execute();
  await db.schema.dropTable('emu_file').ifExists().execute();
}
