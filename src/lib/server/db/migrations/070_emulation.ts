/**
 * The emulation movement (phong trào thi đua) and commendation (khen thưởng):
 * - `emu_campaign` + `emu_criterion`: a campaign and its criteria, versioned (a registration
 *   keeps the version it registered under, so revising the criteria never rewrites old results);
 * - `emu_registration`: who registered (a member, a household, a branch) with commitments,
 *   the self-assessment, the branch assessment and the published result;
 * - `emu_evidence`: evidence added by hand (evidence from the records is computed, not stored);
 * - `emu_council` + `emu_vote`: the council meeting, its attendance and the vote per candidate;
 * - `emu_pass_rule`: the passing rule per organisation and form of reward (default when none);
 * - `emu_nomination`: a proposal sent up the chain to the level competent for the form;
 * - `emu_award`: what a decision granted. One achievement, one form: a partial unique index
 *   on the achievement key among awards not revoked; a revoked award stays, with its reason.
 * Frozen in time: takes Kysely<any> and never imports application types.
 */
import { SqliteAdapter, type Kysely } from 'kysely';
import { sql } from 'kysely';

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
    timestamp: pg ? 'timestamptz' : 'text',
    json: pg ? 'jsonb' : 'text'
  } as const;
}

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('emu_campaign')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull()) // 'movement' | 'specialised'
    .addColumn('subjects', t.json, (c) => c.notNull()) // ['person','household','branch','commune']
    .addColumn('register_from', t.date, (c) => c.notNull())
    .addColumn('register_to', t.date, (c) => c.notNull()) // inclusive
    .addColumn('evaluate_from', t.date, (c) => c.notNull())
    .addColumn('evaluate_to', t.date, (c) => c.notNull()) // inclusive
    .addColumn('status', t.text, (c) => c.notNull()) // 'open' | 'closed'
    .addColumn('criteria_version', t.int, (c) => c.notNull())
    .addColumn('title_threshold', t.int, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('emu_criterion')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('campaign_id', t.id, (c) => c.notNull().references('emu_campaign.id'))
    .addColumn('version', t.int, (c) => c.notNull())
    .addColumn('group_code', t.text, (c) => c.notNull())
    .addColumn('code', t.text, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('measure', t.text, (c) => c.notNull()) // a record count or 'manual'
    .addColumn('target', t.int, (c) => c.notNull()) // records needed for the points
    .addColumn('points', t.int, (c) => c.notNull())
    .addColumn('sort_order', t.int, (c) => c.notNull())
    .addUniqueConstraint('emu_criterion_code', ['campaign_id', 'version', 'code'])
    .execute();

  await db.schema
    .createTable('emu_registration')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('campaign_id', t.id, (c) => c.notNull().references('emu_campaign.id'))
    .addColumn('criteria_version', t.int, (c) => c.notNull())
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('subject_kind', t.text, (c) => c.notNull()) // 'person' | 'household' | 'branch'
    .addColumn('person_id', t.id, (c) => c.references('person.id'))
    .addColumn('household_name', t.text)
    .addColumn('subject_org_id', t.id, (c) => c.references('organisation.id'))
    .addColumn('subject_key', t.text, (c) => c.notNull())
    .addColumn('commitments', t.json) // criterion codes the subject committed to
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('self_score', t.int)
    .addColumn('self_note', t.text)
    .addColumn('branch_score', t.int)
    .addColumn('branch_note', t.text)
    .addColumn('result', t.text) // null | 'passed' | 'failed'
    .addColumn('published_on', t.date)
    .addColumn('appeal_until', t.date)
    .addColumn('typical_story', t.text)
    .addColumn('typical_model_id', t.id)
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('emu_registration_subject', ['campaign_id', 'subject_key'])
    .execute();
  await db.schema.createIndex('emu_registration_org').on('emu_registration').column('organisation_id').execute();

  await db.schema
    .createTable('emu_evidence')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('registration_id', t.id, (c) => c.notNull().references('emu_registration.id'))
    .addColumn('criterion_code', t.text)
    .addColumn('description', t.text, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('emu_council')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('campaign_id', t.id, (c) => c.notNull().references('emu_campaign.id'))
    .addColumn('meeting_on', t.date, (c) => c.notNull())
    .addColumn('members', t.json, (c) => c.notNull()) // [{ name, role }]
    .addColumn('members_total', t.int, (c) => c.notNull())
    .addColumn('members_present', t.int, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('emu_vote')
    .addColumn('council_id', t.id, (c) => c.notNull().references('emu_council.id'))
    .addColumn('registration_id', t.id, (c) => c.notNull().references('emu_registration.id'))
    .addColumn('award_form', t.text, (c) => c.notNull())
    .addColumn('in_favour', t.int, (c) => c.notNull())
    .addColumn('against', t.int, (c) => c.notNull())
    .addColumn('abstain', t.int, (c) => c.notNull())
    .addColumn('rule', t.text, (c) => c.notNull())
    .addColumn('passed', t.int, (c) => c.notNull())
    .addPrimaryKeyConstraint('emu_vote_pk', ['council_id', 'registration_id'])
    .execute();

  await db.schema
    .createTable('emu_pass_rule')
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('award_form', t.text, (c) => c.notNull())
    .addColumn('rule', t.text, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('emu_pass_rule_pk', ['organisation_id', 'award_form'])
    .execute();

  await db.schema
    .createTable('emu_nomination')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('registration_id', t.id, (c) => c.notNull().references('emu_registration.id'))
    .addColumn('award_form', t.text, (c) => c.notNull())
    .addColumn('from_org_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('to_org_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('status', t.text, (c) => c.notNull()) // 'pending' | 'decided' | 'returned'
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('emu_nomination_to').on('emu_nomination').columns(['to_org_id', 'status']).execute();

  await db.schema
    .createTable('emu_award')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('registration_id', t.id, (c) => c.notNull().references('emu_registration.id'))
    .addColumn('nomination_id', t.id, (c) => c.references('emu_nomination.id'))
    .addColumn('award_form', t.text, (c) => c.notNull())
    .addColumn('granted_by_org_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('achievement_key', t.text, (c) => c.notNull())
    .addColumn('decision_id', t.id, (c) => c.references('issued_document.id'))
    .addColumn('decision_number', t.text, (c) => c.notNull())
    .addColumn('decided_on', t.date, (c) => c.notNull())
    .addColumn('signer_name', t.text)
    .addColumn('cash_multiple', t.real, (c) => c.notNull())
    .addColumn('cash_amount', t.bigint, (c) => c.notNull())
    .addColumn('story', t.text)
    .addColumn('public_consent_on', t.date)
    .addColumn('consent_withdrawn_at', t.timestamp)
    .addColumn('revoked_at', t.timestamp)
    .addColumn('revoke_reason', t.text)
    .addColumn('revoked_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('emu_award_one_form')
    .on('emu_award')
    .column('achievement_key')
    .unique()
    .where(sql.ref('revoked_at'), 'is', null)
    .execute();
  await db.schema.createIndex('emu_award_registration').on('emu_award').column('registration_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'emu_award',
    'emu_nomination',
    'emu_pass_rule',
    'emu_vote',
    'emu_council',
    'emu_evidence',
    'emu_registration',
    'emu_criterion',
    'emu_campaign'
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
