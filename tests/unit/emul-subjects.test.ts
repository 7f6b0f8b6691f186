/**
 * Commune Hội and environment-sector collectives as subjects of a campaign, on both databases:
 * who may register them (table-driven scope rules), the evidence gathered for them from the
 * records (a commune Hội: its own records and those of its branches; an environment collective:
 * the reports it handled), and the whole way to an award (assessment, council vote, decision).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { as, campaign, org, person, tree } from './emulation-support';
import { makeUnit } from './program-support';
import { SYSTEM, type Actor } from '../../src/lib/server/access/actor';
import type { Db } from '../../src/lib/server/db';
import { newId, nowIso } from '../../src/lib/server/db/ids';
import { branchAssess, getRegistration, register } from '../../src/lib/server/emulation/registration.service';
import { recordsFor, whoOf } from '../../src/lib/server/emulation/evidence.service';
import { publishResults, recordCouncil } from '../../src/lib/server/emulation/council.service';
import { decide, listAwards } from '../../src/lib/server/emulation/award.service';
import { campaignPage } from '../../src/lib/server/emulation/page.service';
import { MEASURES, type Measure, type SubjectKind } from '../../src/lib/shared/emulation/rules';
import { failure } from '../support/factories';

const PERIOD = { from: '2024-01-01', to: '2025-12-31' };
const members = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Thành viên ${i + 1}`, role: null }));
const AFTER_APPEAL = new Date('2099-01-01T00:00:00Z');
const officer = (orgId: string): Actor => as('association_officer', orgId);
const ALL_SUBJECTS = ['person', 'household', 'branch', 'commune', 'env_collective'];

// An agency row (the factory marks the environment side's types as agencies).
const agency = (db: Db, type: string, name: string, parentId: string | null, unitId: string) =>
  org(db, type, name, parentId, unitId);

forEachDb('emulation subjects', (ctx) => {
  let t: Awaited<ReturnType<typeof tree>>;
  let other: Awaited<ReturnType<typeof tree>>;
  let campaignId: string;
  let narrowCampaign: string;
  let envUnit: string;
  let communeEnvOffice: string;
  let police: string;
  let category: string;

  beforeAll(async () => {
    t = await tree(ctx.db, 'Đối tượng');
    other = await tree(ctx.db, 'Tỉnh khác');
    campaignId = await campaign(ctx.db, t.province, { subjects: ALL_SUBJECTS });
    narrowCampaign = await campaign(ctx.db, t.province, { subjects: ['person', 'branch'] });
    envUnit = await agency(ctx.db, 'department_unit', 'Chi cục Bảo vệ môi trường', t.department, t.provinceUnit);
    // A unit of the Sở working in the commune (its environment office).
    communeEnvOffice = await agency(ctx.db, 'department_unit', 'Tổ môi trường xã', t.department, t.communeUnit);
    police = await agency(ctx.db, 'police', 'Công an tỉnh', null, t.provinceUnit);
    await ctx.db
      .insertInto('category_group')
      .values({ id: 'g-subj', code: 'subj', name_vi: 'Nhóm', name_en: 'Group', sort_order: 1 })
      .execute();
    category = newId();
    await ctx.db
      .insertInto('category')
      .values({
        id: category,
        code: `subj-${category.slice(0, 6)}`,
        group_id: 'g-subj',
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

  const registerAs = (
    actor: Actor,
    registrar: string,
    kind: SubjectKind,
    subjectOrgIds: string[],
    campaign = campaignId
  ) =>
    register(ctx.db, actor, {
      campaign_id: campaign,
      organisation_id: registrar,
      subject_kind: kind,
      person_ids: [],
      household_name: null,
      subject_org_ids: subjectOrgIds,
      commitments: []
    });

  describe('who may register them', () => {
    type Case = [string, () => [Actor, string, SubjectKind, string[], string?], string];
    const cases: Case[] = [
      ['the province registers its commune Hội', () => [officer(t.province), t.province, 'commune', [t.commune]], 'ok'],
      [
        'the province may not register a commune Hội of another province',
        () => [officer(t.province), t.province, 'commune', [other.commune]],
        'VALIDATION:emul_err_commune_outside'
      ],
      [
        'a commune Hội may not register itself',
        () => [officer(t.commune), t.commune, 'commune', [t.commune]],
        'VALIDATION:fix10_err_subject_level'
      ],
      [
        'a branch is not a commune Hội',
        () => [officer(t.province), t.province, 'commune', [t.branch]],
        'VALIDATION:emul_err_commune_outside'
      ],
      [
        'an officer of another province may not register for this one',
        () => [officer(other.province), t.province, 'commune', [t.commune]],
        'VALIDATION:emu_err_organisation'
      ],
      [
        'the province registers a unit of the Sở in its area',
        () => [officer(t.province), t.province, 'env_collective', [envUnit]],
        'ok'
      ],
      [
        'the province registers the Sở itself',
        () => [officer(t.province), t.province, 'env_collective', [t.department]],
        'ok'
      ],
      [
        'a commune Hội registers the environment office of its commune',
        () => [officer(t.commune), t.commune, 'env_collective', [communeEnvOffice]],
        'ok'
      ],
      [
        'a commune Hội may not register a province-wide unit',
        () => [officer(t.commune), t.commune, 'env_collective', [envUnit]],
        'VALIDATION:emul_err_collective_outside'
      ],
      [
        'the police are not of the environment sector',
        () => [officer(t.province), t.province, 'env_collective', [police]],
        'VALIDATION:emul_err_collective_outside'
      ],
      [
        'a Sở of another province is outside the area',
        () => [officer(t.province), t.province, 'env_collective', [other.department]],
        'VALIDATION:emul_err_collective_outside'
      ],
      [
        'a branch may not register environment collectives',
        () => [as('branch_leader', t.branch), t.branch, 'env_collective', [communeEnvOffice]],
        'VALIDATION:fix10_err_subject_level'
      ],
      // A branch registers its members and households only; communes register branches.
      [
        'a branch may not register a branch',
        () => [as('branch_leader', t.branch), t.branch, 'branch', [t.branch]],
        'VALIDATION:fix10_err_subject_level'
      ],
      [
        'a branch may not register a commune Hội',
        () => [as('branch_leader', t.branch), t.branch, 'commune', [t.commune]],
        'VALIDATION:fix10_err_subject_level'
      ],
      [
        'a campaign that does not cover them refuses them',
        () => [officer(t.province), t.province, 'commune', [t.commune], narrowCampaign],
        'VALIDATION:emu_err_subject'
      ],
      [
        'a commune Hội must be chosen',
        () => [officer(t.province), t.province, 'commune', []],
        'VALIDATION:emul_err_choose_communes'
      ]
    ];
    it.each(cases)('%s', async (_name, args, expected) => {
      const [actor, registrar, kind, ids, camp] = args();
      if (!ids.length) {
        // The form's schema refuses an empty choice before the service is reached.
        const { registerSchema } = await import('../../src/lib/server/emulation/emulation.schema');
        const r = registerSchema.safeParse({
          campaign_id: campaignId,
          organisation_id: registrar,
          subject_kind: kind,
          subject_org_ids: []
        });
        expect(r.success ? 'ok' : `VALIDATION:${r.error.issues[0].message}`).toBe(expected);
        return;
      }
      expect(await failure(registerAs(actor, registrar, kind, ids, camp))).toBe(expected);
    });

    it('registers an organisation once per campaign, whatever kind it came as', async () => {
      const [a] = await registerAs(officer(t.province), t.province, 'env_collective', [envUnit]);
      const [b] = await registerAs(officer(t.province), t.province, 'env_collective', [envUnit]);
      expect(b).toBe(a);
      const r = await getRegistration(ctx.db, officer(t.province), a);
      expect([r.subject_kind, r.subject_name, r.organisation_id]).toEqual([
        'env_collective',
        'Chi cục Bảo vệ môi trường',
        t.province
      ]);
      // The registration is the province's: the commune below cannot see it.
      expect(await failure(getRegistration(ctx.db, officer(t.commune), a))).toBe('NOT_FOUND:NOT_FOUND');
    });

    it('offers on the campaign page only what the actor may register', async () => {
      const page = await campaignPage(ctx.db, officer(t.province), campaignId);
      expect(page.communeChoices.map((o) => o.id)).toEqual([t.commune]);
      expect(page.branchChoices.map((o) => o.id).sort()).toEqual([t.branch, t.branch2].sort());
      expect(page.envChoices.map((o) => o.id).sort()).toEqual([t.department, envUnit, communeEnvOffice].sort());
      const communePage = await campaignPage(ctx.db, officer(t.commune), campaignId);
      expect(communePage.communeChoices).toEqual([]);
      expect(communePage.envChoices.map((o) => o.id)).toEqual([communeEnvOffice]);
      const narrow = await campaignPage(ctx.db, officer(t.province), narrowCampaign);
      expect([narrow.communeChoices, narrow.envChoices]).toEqual([[], []]);
    });
  });

  describe('evidence from the records', () => {
    async function report(o: { observer: string | null; named: boolean; agency: string | null; on: string }) {
      const id = newId();
      await ctx.db
        .insertInto('report')
        .values({
          id,
          receipt_hash: newId(),
          idempotency_key: null,
          channel: 'phan_anh',
          category_id: category,
          description: 'x',
          description_search: 'x',
          observed_on: o.on,
          lat: null,
          lon: null,
          location_precision: 'commune',
          location_text: null,
          commune_unit_id: t.communeUnit,
          village_unit_id: null,
          commune_org_id: t.commune,
          agency_org_id: o.agency,
          assigned_account_id: null,
          status: o.agency ? 'resolved' : 'verified',
          protection: o.named ? 'named' : 'confidential',
          reporter_account_id: null,
          entered_by_account_id: null,
          observer_person_id: o.observer,
          consent_method: null,
          public_lat: null,
          public_lon: null,
          duplicate_of_id: null,
          deadline_kind: null,
          deadline_on: null,
          accepted_on: null,
          outcome_kind: o.agency ? 'fined' : null,
          outcome_json: null,
          resolved_at: null,
          closed_at: null,
          rating: null,
          created_at: nowIso(),
          updated_at: nowIso()
        })
        .execute();
      return id;
    }
    async function activity(orgId: string, on: string, attendee: string | null, kind = 'outreach') {
      const id = newId();
      await ctx.db
        .insertInto('activity')
        .values({
          id,
          kind,
          outreach_mode: null,
          organisation_id: orgId,
          admin_unit_id: t.villageUnit,
          started_on: on,
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
          created_by: null,
          created_at: nowIso(),
          updated_at: nowIso()
        })
        .execute();
      if (attendee)
        await ctx.db.insertInto('activity_attendee').values({ activity_id: id, person_id: attendee }).execute();
      return id;
    }
    async function commitment(orgId: string, on: string, personId: string | null) {
      const id = newId();
      await ctx.db
        .insertInto('commitment')
        .values({
          id,
          organisation_id: orgId,
          kind_id: 'ck-sorting',
          party: personId ? 'person' : 'household',
          household_name: personId ? null : 'Hộ thử',
          person_id: personId,
          village_unit_id: t.villageUnit,
          signed_on: on,
          photo_path: null,
          notes: null,
          created_by: null,
          created_at: nowIso(),
          updated_at: nowIso()
        })
        .execute();
      return id;
    }
    async function model(orgId: string, started: string, from: string | null = null) {
      const id = newId();
      await ctx.db
        .insertInto('model')
        .values({
          id,
          name: 'Mô hình',
          name_search: 'mo hinh',
          kind: 'other',
          organisation_id: orgId,
          admin_unit_id: t.villageUnit,
          started_on: started,
          ended_on: null,
          people_involved: null,
          status: 'active',
          evidence: null,
          recognised_by: null,
          recognised_on: null,
          replicated_from_id: from,
          created_by: null,
          created_at: nowIso(),
          updated_at: nowIso()
        })
        .execute();
      return id;
    }

    const figures = async (kind: SubjectKind, orgId: string) => {
      const who = whoOf({
        subject_kind: kind,
        person_id: null,
        subject_org_id: orgId,
        organisation_id: t.province,
        household_name: null
      });
      const out: Partial<Record<Measure, string[]>> = {};
      for (const m of MEASURES) {
        const ids = (await recordsFor(ctx.db, SYSTEM, who, PERIOD, m)).map((r) => r.id).sort();
        if (ids.length) out[m] = ids;
      }
      return out;
    };

    it("a commune Hội's figures are its own records and those of its branches, and nothing outside", async () => {
      // A fresh commune with two branches, so other tests' records do not count.
      const unit = await makeUnit(ctx.db, { level: 'commune', name: 'Xã minh chứng', parent_id: t.provinceUnit });
      const commune = await org(ctx.db, 'commune_association', 'Hội NCT xã minh chứng', t.province, unit);
      const a = await org(ctx.db, 'branch', 'Chi hội A', commune, t.villageUnit);
      const b = await org(ctx.db, 'branch', 'Chi hội B', commune, t.villageUnit);
      const ma = await person(ctx.db, a, 'Hội viên A');
      const mb = await person(ctx.db, b, 'Hội viên B');
      const outsider = await person(ctx.db, t.branch, 'Hội viên xã khác');
      await report({ observer: ma, named: true, agency: null, on: '2024-05-01' });
      await report({ observer: mb, named: true, agency: null, on: '2025-02-01' });
      await report({ observer: mb, named: false, agency: null, on: '2025-02-02' }); // confidential: never credited
      await report({ observer: ma, named: true, agency: null, on: '2023-12-31' }); // before the period
      await report({ observer: outsider, named: true, agency: null, on: '2024-05-01' });
      await activity(commune, '2024-03-01', null); // held by the commune Hội itself
      await activity(a, '2024-04-01', mb); // held by branch A, attended by a member of B
      await activity(t.branch, '2024-04-01', ma); // elsewhere, attended by a member of A
      await activity(b, '2024-06-01', ma, 'training');
      await commitment(a, '2024-07-01', ma);
      await commitment(b, '2024-07-02', null);
      await commitment(t.branch, '2024-07-03', null);
      const led = await model(b, '2024-01-10');
      await model(t.branch, '2024-02-01', led); // replicated elsewhere: still B's credit
      await model(t.branch, '2024-02-01');

      const [fa, fb, own, all] = await Promise.all([
        figures('branch', a),
        figures('branch', b),
        // The commune's own records alone: the records of an organisation with no branch below.
        figures('branch', commune),
        figures('commune', commune)
      ]);
      const union = (m: Measure) => [...new Set([...(fa[m] ?? []), ...(fb[m] ?? []), ...(own[m] ?? [])])].sort();
      for (const m of MEASURES) expect(all[m] ?? [], m).toEqual(union(m));
      expect(Object.fromEntries(MEASURES.map((m) => [m, all[m]?.length ?? 0]))).toEqual({
        reports: 2,
        reports_verified: 2,
        reports_outcome: 0,
        outreach_led: 2,
        outreach_attended: 2,
        commitments: 2,
        models_led: 1,
        models_replicated: 1,
        trainings: 1,
        manual: 0
      });
    });

    it('an environment collective is credited with the reports it (or a unit under it) handled, named or not', async () => {
      const dept = await agency(ctx.db, 'environment_department', 'Sở thử', null, t.provinceUnit);
      const unit = await agency(ctx.db, 'department_unit', 'Chi cục thử', dept, t.provinceUnit);
      const byUnit = await report({ observer: null, named: false, agency: unit, on: '2024-09-01' });
      const byDept = await report({ observer: null, named: true, agency: dept, on: '2025-01-01' });
      await report({ observer: null, named: true, agency: police, on: '2025-01-01' });
      await report({ observer: null, named: true, agency: unit, on: '2026-01-01' });
      expect((await figures('env_collective', dept)).reports_outcome).toEqual([byUnit, byDept].sort());
      expect((await figures('env_collective', unit)).reports).toEqual([byUnit]);
    });
  });

  it('a commune Hội goes all the way: assessed, voted by the province council, awarded by the province', async () => {
    const unit = await makeUnit(ctx.db, { level: 'commune', name: 'Xã khen thưởng', parent_id: t.provinceUnit });
    const commune = await org(ctx.db, 'commune_association', 'Hội NCT xã khen thưởng', t.province, unit);
    const [rid] = await registerAs(officer(t.province), t.province, 'commune', [commune]);
    await branchAssess(ctx.db, officer(t.province), rid, { score: 85, note: 'Hội xã vững mạnh' });
    // The commune's own council cannot vote on a registration of the province.
    expect(
      await failure(
        recordCouncil(ctx.db, officer(commune), {
          organisation_id: commune,
          campaign_id: campaignId,
          meeting_on: '2025-12-01',
          members: members(3),
          members_present: 3,
          votes: [{ registration_id: rid, award_form: 'title_commune', in_favour: 3, against: 0, abstain: 0 }]
        })
      )
    ).toBe('VALIDATION:emu_err_candidate');
    await recordCouncil(ctx.db, officer(t.province), {
      organisation_id: t.province,
      campaign_id: campaignId,
      meeting_on: '2025-12-05',
      members: members(5),
      members_present: 5,
      votes: [{ registration_id: rid, award_form: 'gk_province', in_favour: 5, against: 0, abstain: 0 }]
    });
    await publishResults(ctx.db, officer(t.province), {
      organisation_id: t.province,
      campaign_id: campaignId,
      appeal_days: 0
    });
    const d = await decide(
      ctx.db,
      officer(t.province),
      { organisation_id: t.province, award_form: 'gk_province', registration_ids: [rid], signer_name: 'Chủ tịch' },
      AFTER_APPEAL
    );
    expect(d.awardIds).toHaveLength(1);
    const [award] = await listAwards(ctx.db, officer(t.province), { registrationId: rid });
    // A collective's Giấy khen carries twice the individual amount.
    expect([award.award_form, award.subject_org_name, Number(award.cash_multiple)]).toEqual([
      'gk_province',
      'Hội NCT xã khen thưởng',
      0.6
    ]);
  });
});
