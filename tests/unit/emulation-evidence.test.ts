/**
 * Evidence from the records equals the raw records: random reports, outreach sessions,
 * trainings, commitments and models around one member and one branch, then every figure of
 * the evaluation form is compared with a plain filter over what was inserted. Also: only
 * named reports count (a confidential one would reveal its reporter), and each figure links
 * to its records.
 */
import { beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { forEachDb } from '../support/db';
import { as, campaign, org, person, tree } from './emulation-support';
import { newId, nowIso } from '../../src/lib/server/db/ids';
import { insertAccount } from '../../src/lib/server/auth/account.repository';
import { SYSTEM } from '../../src/lib/server/access/actor';
import type { Db } from '../../src/lib/server/db';
import { recordsFor, evaluationForm, type EvidenceLink } from '../../src/lib/server/emulation/evidence.service';
import type { Who } from '../../src/lib/server/emulation/evidence.repository';
import { register } from '../../src/lib/server/emulation/registration.service';
import { MEASURES, type Measure } from '../../src/lib/shared/emulation/rules';
import { propertyOptions } from '../support/property';

const PERIOD = { from: '2024-01-01', to: '2025-12-31' };
const day = fc.constantFrom('2023-12-31', '2024-01-01', '2024-07-15', '2025-12-31', '2026-01-01');

/** One random record; `mine` says whether it belongs to the member (or to the branch) under test. */
const record = fc.oneof(
  fc.record({
    type: fc.constant('report' as const),
    mine: fc.constantFrom('observer', 'reporter', 'other'),
    named: fc.boolean(),
    status: fc.constantFrom('new', 'needs_info', 'verified', 'forwarded', 'rejected', 'resolved', 'closed'),
    outcome: fc.boolean(),
    on: day
  }),
  fc.record({
    type: fc.constant('activity' as const),
    kind: fc.constantFrom('outreach', 'training', 'meeting'),
    ledByMe: fc.boolean(),
    attended: fc.boolean(),
    atBranch: fc.boolean(),
    on: day
  }),
  fc.record({ type: fc.constant('commitment' as const), mine: fc.boolean(), atBranch: fc.boolean(), on: day }),
  fc.record({
    type: fc.constant('model' as const),
    ledByMe: fc.boolean(),
    atBranch: fc.boolean(),
    replicatesLast: fc.boolean(),
    started: day,
    ended: fc.option(day, { nil: null })
  })
);
type Rec = typeof record extends fc.Arbitrary<infer T> ? T : never;

forEachDb('emulation evidence', (ctx) => {
  let t: Awaited<ReturnType<typeof tree>>;
  let category: string;
  beforeAll(async () => {
    t = await tree(ctx.db, 'Minh chứng');
    await ctx.db
      .insertInto('category_group')
      .values({ id: 'g-emu', code: 'emu', name_vi: 'Nhóm', name_en: 'Group', sort_order: 1 })
      .execute();
    category = newId();
    await ctx.db
      .insertInto('category')
      .values({
        id: category,
        code: `emu-${category.slice(0, 6)}`,
        group_id: 'g-emu',
        name_vi: 'Rác',
        name_en: 'Waste',
        name_search: 'rac',
        legal_basis: null,
        icon: null,
        sort_order: 1,
        created_at: nowIso(),
        updated_at: nowIso()
      })
      .execute();
  });

  async function account(db: Db, personId: string | null) {
    const id = newId();
    await insertAccount(db, {
      id,
      username: `u${id.slice(0, 12)}`,
      phone: null,
      display_name: 'Thử',
      password_hash: 'x',
      person_id: personId,
      last_sign_in_at: null,
      created_at: nowIso(),
      updated_at: nowIso()
    });
    return id;
  }

  /** Inserts the records around a fresh member of a fresh branch; returns what each measure should find. */
  async function scenario(recs: Rec[]) {
    const db = ctx.db;
    const branch = await org(db, 'branch', `Chi hội ${newId().slice(0, 6)}`, t.commune, t.villageUnit);
    const me = await person(db, branch, 'Hội viên thử');
    const other = await person(db, t.branch2, 'Người khác');
    const myAccount = await account(db, me);
    const otherAccount = await account(db, other);
    const expected = { person: new Map<Measure, string[]>(), branch: new Map<Measure, string[]>() };
    const add = (who: 'person' | 'branch', m: Measure, id: string) =>
      expected[who].set(m, [...(expected[who].get(m) ?? []), id]);
    const inPeriod = (d: string) => d >= PERIOD.from && d <= PERIOD.to;
    let lastModel: { id: string; mineOrBranch: { person: boolean; branch: boolean } } | null = null;
    for (const r of recs) {
      const id = newId();
      if (r.type === 'report') {
        await db
          .insertInto('report')
          .values({
            id,
            receipt_hash: newId(),
            idempotency_key: null,
            channel: 'phan_anh',
            category_id: category,
            description: 'x',
            description_search: 'x',
            observed_on: r.on,
            lat: null,
            lon: null,
            location_precision: 'commune',
            location_text: null,
            commune_unit_id: t.communeUnit,
            village_unit_id: null,
            commune_org_id: t.commune,
            agency_org_id: null,
            assigned_account_id: null,
            status: r.status,
            protection: r.named ? 'named' : 'confidential',
            reporter_account_id: r.mine === 'reporter' ? myAccount : otherAccount,
            entered_by_account_id: r.mine === 'observer' ? otherAccount : null,
            observer_person_id: r.mine === 'observer' ? me : null,
            consent_method: null,
            public_lat: null,
            public_lon: null,
            duplicate_of_id: null,
            deadline_kind: null,
            deadline_on: null,
            accepted_on: null,
            outcome_kind: r.outcome ? 'fined' : null,
            outcome_json: null,
            resolved_at: null,
            closed_at: null,
            rating: null,
            created_at: nowIso(),
            updated_at: nowIso()
          })
          .execute();
        if (r.named && r.mine !== 'other' && inPeriod(r.on)) {
          for (const who of ['person', 'branch'] as const) {
            add(who, 'reports', id);
            if (!['new', 'needs_info', 'rejected', 'duplicate'].includes(r.status)) add(who, 'reports_verified', id);
            if (r.outcome) add(who, 'reports_outcome', id);
          }
        }
      } else if (r.type === 'activity') {
        await db
          .insertInto('activity')
          .values({
            id,
            kind: r.kind,
            outreach_mode: null,
            organisation_id: r.atBranch ? branch : t.branch2,
            admin_unit_id: t.villageUnit,
            started_on: r.on,
            ended_on: null,
            count_total: 10,
            count_elderly: 5,
            count_women: 0,
            count_ethnic_minority: 0,
            audiences: null,
            partners: null,
            materials: null,
            ntm_criterion: null,
            notes: null,
            created_by: r.ledByMe ? myAccount : otherAccount,
            created_at: nowIso(),
            updated_at: nowIso()
          })
          .execute();
        if (r.attended) await db.insertInto('activity_attendee').values({ activity_id: id, person_id: me }).execute();
        if (!inPeriod(r.on)) continue;
        if (r.kind === 'outreach') {
          if (r.ledByMe) add('person', 'outreach_led', id);
          if (r.attended) add('person', 'outreach_attended', id);
          if (r.atBranch) add('branch', 'outreach_led', id);
          if (r.attended) add('branch', 'outreach_attended', id);
        }
        if (r.kind === 'training' && r.attended)
          for (const who of ['person', 'branch'] as const) add(who, 'trainings', id);
      } else if (r.type === 'commitment') {
        await db
          .insertInto('commitment')
          .values({
            id,
            organisation_id: r.atBranch ? branch : t.branch2,
            kind_id: 'ck-sorting',
            party: r.mine ? 'person' : 'household',
            household_name: r.mine ? null : 'Hộ thử',
            person_id: r.mine ? me : null,
            village_unit_id: t.villageUnit,
            signed_on: r.on,
            photo_path: null,
            notes: null,
            created_by: null,
            created_at: nowIso(),
            updated_at: nowIso()
          })
          .execute();
        if (!inPeriod(r.on)) continue;
        if (r.mine) add('person', 'commitments', id);
        if (r.atBranch) add('branch', 'commitments', id);
      } else {
        const ended = r.ended && r.ended < r.started ? r.started : r.ended;
        const replicated = r.replicatesLast && lastModel ? lastModel : null;
        await db
          .insertInto('model')
          .values({
            id,
            name: 'Mô hình',
            name_search: 'mo hinh',
            kind: 'other',
            organisation_id: r.atBranch ? branch : t.branch2,
            admin_unit_id: t.villageUnit,
            started_on: r.started,
            ended_on: ended,
            people_involved: null,
            status: 'active',
            evidence: null,
            recognised_by: null,
            recognised_on: null,
            replicated_from_id: replicated?.id ?? null,
            created_by: r.ledByMe ? myAccount : otherAccount,
            created_at: nowIso(),
            updated_at: nowIso()
          })
          .execute();
        const running = r.started <= PERIOD.to && (ended === null || ended >= PERIOD.from);
        if (running) {
          if (r.ledByMe) add('person', 'models_led', id);
          if (r.atBranch) add('branch', 'models_led', id);
          if (replicated?.mineOrBranch.person) add('person', 'models_replicated', id);
          if (replicated?.mineOrBranch.branch) add('branch', 'models_replicated', id);
        }
        lastModel = { id, mineOrBranch: { person: r.ledByMe, branch: r.atBranch } };
      }
    }
    return { me, branch, expected };
  }

  const figures = async (who: Who) => {
    const out = new Map<Measure, string[]>();
    for (const m of MEASURES) {
      if (m === 'manual') continue;
      const links: EvidenceLink[] = await recordsFor(ctx.db, SYSTEM, who, PERIOD, m);
      if (links.length)
        out.set(
          m,
          links.map((l) => l.id)
        );
    }
    return out;
  };
  const sorted = (m: Map<Measure, string[]>) => Object.fromEntries([...m].map(([k, v]) => [k, [...v].sort()]).sort());

  it('every figure of a member and of a branch equals the raw records of the period', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 14 }), async (recs) => {
        const s = await scenario(recs);
        expect(sorted(await figures({ kind: 'person', personId: s.me }))).toEqual(sorted(s.expected.person));
        expect(sorted(await figures({ kind: 'branch', orgId: s.branch }))).toEqual(sorted(s.expected.branch));
      }),
      propertyOptions({ numRuns: ctx.kind === 'sqlite' ? 25 : 10, seed: 20261202 })
    );
  });

  it('the evaluation form shows each figure with links to its records and suggests points against the target', async () => {
    const s = await scenario([
      { type: 'report', mine: 'observer', named: true, status: 'verified', outcome: false, on: '2024-07-15' },
      { type: 'report', mine: 'reporter', named: false, status: 'verified', outcome: true, on: '2024-07-15' },
      { type: 'commitment', mine: true, atBranch: true, on: '2025-12-31' }
    ]);
    const c = await campaign(ctx.db, t.province, { evaluate_from: PERIOD.from, evaluate_to: PERIOD.to });
    const [rid] = await register(ctx.db, as('branch_leader', s.branch), {
      campaign_id: c,
      organisation_id: s.branch,
      subject_kind: 'person',
      person_ids: [s.me],
      household_name: null,
      subject_org_ids: [],
      commitments: ['cam_ket']
    });
    const form = await evaluationForm(ctx.db, as('association_officer', t.commune), rid);
    const line = (code: string) => form.lines.find((l) => l.code === code)!;
    expect(line('phan_anh')).toMatchObject({ count: 1, suggested: 30, committed: false });
    expect(line('phan_anh').records[0].href).toBe(`/reports/${s.expected.person.get('reports')![0]}`);
    expect(line('cam_ket')).toMatchObject({ count: 1, suggested: 30, committed: true });
    expect(line('sinh_hoat')).toMatchObject({ count: null, suggested: null });
    expect(form.suggestedTotal).toBe(60);
    // Another commune's officer cannot open it at all.
    const elsewhere = await tree(ctx.db, 'Nơi khác');
    await expect(evaluationForm(ctx.db, as('association_officer', elsewhere.commune), rid)).rejects.toMatchObject({
      code: 'NOT_FOUND'
    });
  });
});
