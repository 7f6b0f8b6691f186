/**
 * Migration 072 creates `agg_emu_month` and backfills it from the emulation rows that already
 * existed. The backfill is SQL of its own (the application's contribution code cannot run inside
 * a frozen migration), so this test builds the schema as it stood before 072 (every migration up
 * to 071), writes rows of each kind into it, runs 072 and checks the cells: against the counts
 * worked out by hand, and against the application's own definition (`naiveCells`), so the
 * pre-aggregate of an upgraded database equals the one the services keep from then on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migrator, type Kysely } from 'kysely';
import { createDb, type Db } from '../../src/lib/server/db';
import { migrations } from '../../src/lib/server/db/migrations';
import { naiveCells, type Cell } from '../../src/lib/server/emulation/aggregate.repository';
import { createPgDatabase, dialects } from '../support/db';

const BEFORE = '071_emulation_typical';
const TARGET = '072_emulation_files';

async function open(kind: (typeof dialects)[number]) {
  if (kind === 'sqlite') {
    const db = await createDb('sqlite', ':memory:');
    return { db, close: () => db.destroy() };
  }
  const { url, drop } = await createPgDatabase();
  const db = await createDb('postgresql', url);
  return {
    db,
    close: async () => {
      await db.destroy();
      await drop();
    }
  };
}

const migrator = (db: Db) =>
  new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });

const T = '2024-12-01T00:00:00.000Z';

/** Rows as the pre-072 schema holds them, written with raw column names (no application types). */
async function seedPre072(db: Kysely<any>) {
  const org = (id: string, type: string, parent: string | null) => ({
    id,
    kind: 'association',
    type,
    name: id,
    name_search: id,
    sort_key: id,
    parent_id: parent,
    valid_from: '2020-01-01',
    created_at: T,
    updated_at: T
  });
  await db
    .insertInto('organisation')
    .values([
      org('prov', 'province_association', null),
      org('comm', 'commune_association', 'prov'),
      org('br', 'branch', 'comm')
    ])
    .execute();
  const person = (id: string) => ({
    id,
    organisation_id: 'br',
    full_name: id,
    name_search: id,
    sort_key: id,
    created_at: T,
    updated_at: T
  });
  await db
    .insertInto('person')
    .values([person('p1'), person('p2')])
    .execute();
  await db
    .insertInto('emu_campaign')
    .values({
      id: 'camp',
      organisation_id: 'comm',
      name: 'Tuổi cao – Gương sáng',
      kind: 'movement',
      subjects: JSON.stringify(['person', 'household', 'branch']),
      register_from: '2025-01-01',
      register_to: '2025-03-31',
      evaluate_from: '2025-01-01',
      evaluate_to: '2025-12-31',
      status: 'open',
      criteria_version: 1,
      title_threshold: 50,
      created_at: T,
      updated_at: T
    })
    .execute();
  const reg = (
    id: string,
    organisation_id: string,
    subject: { subject_kind: string; person_id?: string; household_name?: string; subject_org_id?: string },
    created_at: string,
    result: string | null
  ) => ({
    id,
    campaign_id: 'camp',
    criteria_version: 1,
    organisation_id,
    person_id: null,
    household_name: null,
    subject_org_id: null,
    ...subject,
    subject_key: id,
    commitments: JSON.stringify([]),
    status: result ? 'published' : 'registered',
    result,
    created_at,
    updated_at: created_at
  });
  await db
    .insertInto('emu_registration')
    .values([
      // Voted twice: counted once, in the month of the last meeting.
      reg('r1', 'br', { subject_kind: 'person', person_id: 'p1' }, '2025-01-10T08:00:00.000Z', 'passed'),
      // Failed: evaluated, not passed.
      reg('r2', 'br', { subject_kind: 'household', household_name: 'Hộ ông A' }, '2025-01-20T08:00:00.000Z', 'failed'),
      // Registered by the commune, never voted on.
      reg('r3', 'comm', { subject_kind: 'branch', subject_org_id: 'br' }, '2025-02-01T08:00:00.000Z', null),
      // A result without any vote (hand-edited data): evaluated only once a council decided.
      reg('r4', 'br', { subject_kind: 'person', person_id: 'p2' }, '2025-01-15T08:00:00.000Z', 'passed')
    ])
    .execute();
  const council = (id: string, meeting_on: string) => ({
    id,
    organisation_id: 'comm',
    campaign_id: 'camp',
    meeting_on,
    members: JSON.stringify([{ name: 'Chủ tịch', role: null }]),
    members_total: 3,
    members_present: 3,
    created_at: T
  });
  await db
    .insertInto('emu_council')
    .values([council('c1', '2025-03-05'), council('c2', '2025-06-20')])
    .execute();
  const vote = (council_id: string, registration_id: string, passed: number) => ({
    council_id,
    registration_id,
    award_form: 'title_commune',
    in_favour: passed ? 3 : 0,
    against: passed ? 0 : 3,
    abstain: 0,
    rule: 'half_of_members',
    passed
  });
  await db
    .insertInto('emu_vote')
    .values([vote('c1', 'r1', 0), vote('c2', 'r1', 1), vote('c1', 'r2', 0)])
    .execute();
  const award = (id: string, award_form: string, decided_on: string, revoked_at: string | null) => ({
    id,
    registration_id: 'r1',
    award_form,
    granted_by_org_id: 'comm',
    achievement_key: `${id}:r1`,
    decision_number: `${id}/QĐ-HNCT`,
    decided_on,
    cash_multiple: 0,
    cash_amount: 0,
    revoked_at,
    revoke_reason: revoked_at ? 'Sai đối tượng' : null,
    created_at: T
  });
  await db
    .insertInto('emu_award')
    .values([
      award('a1', 'gk_commune', '2025-07-01', null),
      // Revoked: stays on the record, out of the counts.
      award('a2', 'title_commune', '2025-07-02', '2025-08-01T00:00:00.000Z')
    ])
    .execute();
}

const key = (c: Cell) => `${c.indicator_code}|${c.subject_kind}|${c.organisation_id}|${c.month}`;
const asMap = (cells: Cell[]) => Object.fromEntries(cells.map((c) => [key(c), Number(c.value)]));

for (const kind of dialects) {
  describe(`migration 072 backfills agg_emu_month [${kind}]`, () => {
    let db: Db;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ db, close } = await open(kind));
    });
    afterAll(() => close?.());

    it('counts the rows that existed before it, as the services would', async () => {
      const pre = await migrator(db).migrateTo(BEFORE);
      expect(pre.error).toBeUndefined();
      const tables = (await db.introspection.getTables()).map((t) => t.name);
      expect(tables).toContain('emu_registration');
      expect(tables).not.toContain('agg_emu_month');

      await seedPre072(db as Kysely<any>);
      const res = await migrator(db).migrateTo(TARGET);
      expect(res.error).toBeUndefined();
      expect(res.results?.map((r) => [r.migrationName, r.status])).toEqual([[TARGET, 'Success']]);

      const cells = (await (db as Kysely<any>).selectFrom('agg_emu_month').selectAll().execute()) as Cell[];
      expect(asMap(cells)).toEqual({
        'registered|person|br|2025-01': 2,
        'registered|household|br|2025-01': 1,
        'registered|branch|comm|2025-02': 1,
        'evaluated|person|br|2025-06': 1,
        'passed|person|br|2025-06': 1,
        'evaluated|household|br|2025-03': 1,
        'award:gk_commune|person|br|2025-07': 1
      });
      // The same cells the application derives from the raw records.
      expect(asMap(cells)).toEqual(asMap(await naiveCells(db)));
    });

    it('leaves the rows it read untouched', async () => {
      const regs = await db.selectFrom('emu_registration').select(['id', 'result']).orderBy('id').execute();
      expect(regs).toEqual([
        { id: 'r1', result: 'passed' },
        { id: 'r2', result: 'failed' },
        { id: 'r3', result: null },
        { id: 'r4', result: 'passed' }
      ]);
      const awards = await db.selectFrom('emu_award').select(['id', 'photo_file_id', 'photo_consent_on']).execute();
      expect(awards).toHaveLength(2);
      expect(awards.every((a) => a.photo_file_id === null && a.photo_consent_on === null)).toBe(true);
    });
  });
}
