/**
 * The competent authority outside the association's chain, on both databases: an
 * environment-sector collective is nominated to its own Sở for the department head's Giấy khen,
 * the Sở's staff find and decide it, and the decision, the dossier and the honour board name
 * the Sở. Table-driven refusals keep "a level cannot grant what it has no authority for".
 * Also: the campaign page's filter of communes and branches (diacritics folded), and the
 * Vietnamese order of the lists the emulation pages show.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { docxText as rawText } from '../support/documents';
import { as, campaign, org, person, tree } from './emulation-support';
import { makeUnit } from './program-support';
import type { Actor } from '../../src/lib/server/access/actor';
import type { Db } from '../../src/lib/server/db';
import { newId, nowIso } from '../../src/lib/server/db/ids';
import { branchAssess, register } from '../../src/lib/server/emulation/registration.service';
import { publishResults, recordCouncil } from '../../src/lib/server/emulation/council.service';
import {
  decide,
  listAwards,
  nominate,
  nominationsFor,
  recordConsent
} from '../../src/lib/server/emulation/award.service';
import { campaignPage, registrationPage } from '../../src/lib/server/emulation/page.service';
import { dossier } from '../../src/lib/server/emulation/dossier.service';
import { honourBoard } from '../../src/lib/server/emulation/board.service';
import { issuedFile } from '../../src/lib/server/documents';
import { modelsIn } from '../../src/lib/server/emulation/typical.repository';
import { councilOrgsOf } from '../../src/lib/server/emulation/page.repository';
import { subtreeOf } from '../../src/lib/server/emulation/registration.repository';
import type { SubjectKind } from '../../src/lib/shared/emulation/rules';
import { sortKey } from '../../src/lib/shared/text';
import { failure } from '../support/factories';

// The XML keeps "&" escaped; the tests read what a reader sees.
const docxText = async (bytes: Buffer) => (await rawText(bytes)).replaceAll('&amp;', '&');

const AFTER_APPEAL = new Date('2099-01-01T00:00:00Z');
const members = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Thành viên ${i + 1}`, role: null }));
/** An organisation whose sort key is the one the organisation service writes (the factory keeps the raw name). */
async function namedOrg(db: Db, type: string, name: string, parentId: string | null, unitId: string) {
  const id = await org(db, type, name, parentId, unitId);
  await db
    .updateTable('organisation')
    .set({ sort_key: sortKey(name) })
    .where('id', '=', id)
    .execute();
  return id;
}
const officer = (orgId: string): Actor => as('association_officer', orgId);
// The Sở's staff who run its document register (and so may issue its decisions).
const sectorStaff = (orgId: string): Actor => as('administrator', orgId);

forEachDb('emulation: the competent authority outside the chain', (ctx) => {
  let t: Awaited<ReturnType<typeof tree>>;
  let other: Awaited<ReturnType<typeof tree>>;
  let campaignId: string;
  let envUnit: string;
  let closedDept: string;
  const reg: Record<string, string> = {};

  const registerAs = async (registrar: string, kind: SubjectKind, ids: string[], personIds: string[] = []) =>
    (
      await register(ctx.db, officer(registrar), {
        campaign_id: campaignId,
        organisation_id: registrar,
        subject_kind: kind,
        person_ids: personIds,
        household_name: null,
        subject_org_ids: ids,
        commitments: []
      })
    )[0];

  beforeAll(async () => {
    t = await tree(ctx.db, 'Thẩm quyền');
    other = await tree(ctx.db, 'Tỉnh bên');
    campaignId = await campaign(ctx.db, t.province, { subjects: ['person', 'branch', 'env_collective'] });
    envUnit = await org(ctx.db, 'department_unit', 'Chi cục Bảo vệ môi trường', t.department, t.provinceUnit);
    // The department before the 2025 merger: closed, it grants nothing any more.
    closedDept = await org(ctx.db, 'environment_department', 'Sở TN&MT cũ', null, t.provinceUnit);
    await ctx.db.updateTable('organisation').set({ valid_to: '2025-03-01' }).where('id', '=', closedDept).execute();
    const member = await person(ctx.db, t.branch, 'Lò Văn Thẩm');
    reg.unit = await registerAs(t.province, 'env_collective', [envUnit]);
    reg.dept = await registerAs(t.province, 'env_collective', [t.department]);
    reg.branch = await registerAs(t.commune, 'branch', [t.branch]);
    reg.person = await registerAs(t.branch, 'person', [], [member]);
    for (const id of Object.values(reg))
      await branchAssess(ctx.db, officer(t.province), id, { score: 90, note: 'Tốt' });
    await recordCouncil(ctx.db, officer(t.province), {
      organisation_id: t.province,
      campaign_id: campaignId,
      meeting_on: '2025-12-05',
      members: members(5),
      members_present: 5,
      votes: Object.values(reg).map((id) => ({
        registration_id: id,
        award_form: 'gk_department',
        in_favour: 5,
        against: 0,
        abstain: 0
      }))
    });
    await publishResults(ctx.db, officer(t.province), {
      organisation_id: t.province,
      campaign_id: campaignId,
      appeal_days: 0
    });
  });

  const nominateTo = (registration: string, to: string, form = 'gk_department', actor = officer(t.province)) =>
    nominate(
      ctx.db,
      actor,
      { registration_id: registration, to_org_id: to, award_form: form as 'gk_department' },
      AFTER_APPEAL
    );

  describe('where a nomination may go', () => {
    type Case = [string, () => Promise<unknown>, string];
    const cases: Case[] = [
      ['a unit of the Sở goes to its own Sở for the Giấy khen', () => nominateTo(reg.unit, t.department), 'ok'],
      ['the Sở itself goes to the Sở', () => nominateTo(reg.dept, t.department), 'ok'],
      [
        'not to the Sở of another province',
        () => nominateTo(reg.unit, other.department),
        'VALIDATION:emu_err_not_above'
      ],
      ['not to the Sở closed by the merger', () => nominateTo(reg.unit, closedDept), 'VALIDATION:emu_err_not_above'],
      [
        'a branch is not of the environment sector',
        () => nominateTo(reg.branch, t.department),
        'VALIDATION:emu_err_not_above'
      ],
      ['nor is a member', () => nominateTo(reg.person, t.department), 'VALIDATION:emu_err_not_above'],
      [
        'the Sở is not asked for the province Hội’s Giấy khen',
        () => nominateTo(reg.unit, t.department, 'gk_province'),
        'VALIDATION:emu_err_authority'
      ],
      [
        'the province Hội is not asked for the Sở’s Giấy khen',
        () => nominateTo(reg.unit, t.province),
        'VALIDATION:emu_err_not_above'
      ],
      [
        'another province’s officers cannot send it',
        () => nominateTo(reg.unit, t.department, 'gk_department', officer(other.province)),
        'NOT_FOUND:NOT_FOUND'
      ]
    ];
    it.each(cases)('%s', async (_name, run, expected) => {
      expect(await failure(run())).toBe(expected);
    });

    it('the registration page offers the Sở for a collective of its sector only', async () => {
      const unitPage = await registrationPage(ctx.db, officer(t.province), reg.unit);
      expect(unitPage.nominateTo.map((o) => [o.id, o.forms])).toEqual([[t.department, ['gk_department']]]);
      const branchPage = await registrationPage(ctx.db, officer(t.province), reg.branch);
      expect(branchPage.nominateTo.map((o) => o.id)).not.toContain(t.department);
    });
  });

  describe('the Sở decides', () => {
    it('sees the campaign and what was sent to it, and nothing of another province', async () => {
      const page = await campaignPage(ctx.db, sectorStaff(t.department), campaignId);
      expect(page.nominations.map((n) => n.registration_id).sort()).toEqual([reg.unit, reg.dept].sort());
      expect(page.grantable).toEqual([expect.objectContaining({ id: t.department, forms: ['gk_department'] })]);
      // It registers nobody and runs no council of the association.
      expect([page.canRegister, page.registrations, page.councilOrgs]).toEqual([false, [], []]);
      expect(await failure(campaignPage(ctx.db, sectorStaff(other.department), campaignId))).toBe(
        'NOT_FOUND:NOT_FOUND'
      );
    });

    it('the province Hội cannot grant the Sở’s form, and the Sở only what was sent to it', async () => {
      const input = { award_form: 'gk_department' as const, signer_name: 'Giám đốc' };
      expect(
        await failure(
          decide(
            ctx.db,
            officer(t.province),
            { ...input, organisation_id: t.province, registration_ids: [reg.unit] },
            AFTER_APPEAL
          )
        )
      ).toBe('VALIDATION:emu_err_authority');
      expect(
        await failure(
          decide(
            ctx.db,
            sectorStaff(t.department),
            { ...input, organisation_id: t.department, registration_ids: [reg.branch] },
            AFTER_APPEAL
          )
        )
      ).toBe('VALIDATION:emu_err_not_nominated');
    });

    it('issues the decision in its own register; the province, the dossier and the board name the Sở', async () => {
      const staff = sectorStaff(t.department);
      const d = await decide(
        ctx.db,
        staff,
        {
          organisation_id: t.department,
          award_form: 'gk_department',
          registration_ids: [reg.unit],
          signer_name: 'Nguyễn Văn Giám'
        },
        AFTER_APPEAL
      );
      const row = await ctx.db
        .selectFrom('issued_document')
        .selectAll()
        .where('id', '=', d.decisionId)
        .executeTakeFirstOrThrow();
      expect(row.issuer_org_id).toBe(t.department);
      const text = await docxText((await issuedFile(ctx.db, staff, d.decisionId)).body);
      // The issuer block stands at the top in capitals.
      expect(text).toContain('SỞ NN&MT THẨM QUYỀN');
      expect(text).toContain('Giấy khen của Giám đốc Sở');
      expect(text).toContain('Chi cục Bảo vệ môi trường');
      // Decided, it leaves the Sở's waiting list; the other nomination still waits.
      expect((await nominationsFor(ctx.db, staff, campaignId)).map((n) => n.registration_id)).toEqual([reg.dept]);
      // The province that registered it and the Sở that granted it both see the award.
      for (const actor of [officer(t.province), staff]) {
        const [a] = await listAwards(ctx.db, actor, { registrationId: reg.unit });
        expect([a?.award_form, a?.granted_by_name, Number(a?.cash_multiple)]).toEqual([
          'gk_department',
          'Sở NN&MT Thẩm quyền',
          0.6
        ]);
      }
      expect(await listAwards(ctx.db, sectorStaff(other.department), { registrationId: reg.unit })).toEqual([]);
      // The province's proposal is addressed to the Sở it nominated to.
      const files = await dossier(ctx.db, officer(t.province), t.province, campaignId);
      expect(await docxText(files['to-trinh.docx'])).toMatch(/Kính gửi: Sở NN&MT Thẩm quyền/);
      // With consent, the board shows the award and who granted it.
      const [award] = await listAwards(ctx.db, officer(t.province), { registrationId: reg.unit });
      await recordConsent(ctx.db, officer(t.province), award.id, { given_on: '2026-01-05', story: null });
      const board = await honourBoard(ctx.db, { organisationId: t.province });
      expect(board.entries.find((e) => e.id === award.id)).toMatchObject({
        name: 'Chi cục Bảo vệ môi trường',
        award_form: 'gk_department',
        granted_by: 'Sở NN&MT Thẩm quyền'
      });
    });
  });
});

forEachDb('emulation: finding a commune on the campaign page', (ctx) => {
  let province: string;
  let campaignId: string;
  const communes: Record<string, string> = {};
  const branches: Record<string, string> = {};

  beforeAll(async () => {
    const pUnit = await makeUnit(ctx.db, { level: 'province', name: 'Tỉnh lọc', parent_id: null });
    province = await org(ctx.db, 'province_association', 'Hội NCT tỉnh lọc', null, pUnit);
    for (const name of ['Đoàn Kết', 'Dào San', 'Bản Lang', 'Mường Kim']) {
      const unit = await makeUnit(ctx.db, { level: 'commune', name: `Xã ${name}`, parent_id: pUnit });
      communes[name] = await namedOrg(ctx.db, 'commune_association', `Hội NCT xã ${name}`, province, unit);
      branches[name] = await org(ctx.db, 'branch', `Chi hội bản ${name} 1`, communes[name], unit);
    }
    campaignId = await campaign(ctx.db, province, { subjects: ['person', 'branch', 'commune'] });
    await register(ctx.db, officer(province), {
      campaign_id: campaignId,
      organisation_id: province,
      subject_kind: 'commune',
      person_ids: [],
      household_name: null,
      subject_org_ids: Object.values(communes),
      commitments: []
    });
  });

  type Case = [string, string, string[], number | null];
  const cases: Case[] = [
    ['no filter: every commune', '', ['Bản Lang', 'Dào San', 'Đoàn Kết', 'Mường Kim'], null],
    ['typed without diacritics', 'doan ket', ['Đoàn Kết'], 2],
    ['typed with them', 'Đoàn Kết', ['Đoàn Kết'], 2],
    ['"d" does not find "Đ" by accident of case', 'DAO', ['Dào San'], 2],
    ['part of a name', 'muong', ['Mường Kim'], 2],
    ['a wildcard is typed, not matched', '%', [], 0],
    ['nothing', 'không có', [], 0]
  ];
  it.each(cases)('%s', async (_name, q, names, found) => {
    const page = await campaignPage(ctx.db, officer(province), campaignId, q);
    const expected = names.map((n) => communes[n]);
    expect(page.communeChoices.map((o) => o.id)).toEqual(expected);
    // The branches under a commune found are found with it.
    expect(page.branchChoices.map((o) => o.id).sort()).toEqual(names.map((n) => branches[n]).sort());
    expect(page.registrations.map((r) => r.subject_org_id).sort()).toEqual([...expected].sort());
    expect(page.found).toBe(found);
  });
});

forEachDb('emulation: lists in Vietnamese order', (ctx) => {
  // Binary order of the raw names would put "Uyên" before "Đà" and "Ưu" last of all.
  const NAMES = ['Ưu', 'Đà', 'Uyên', 'Dung'];
  const VIETNAMESE = ['Dung', 'Đà', 'Uyên', 'Ưu'];

  async function modelRow(db: Db, orgId: string, unitId: string, name: string) {
    await db
      .insertInto('model')
      .values({
        id: newId(),
        name: `Mô hình ${name}`,
        name_search: `mo hinh ${name}`,
        kind: 'other',
        organisation_id: orgId,
        admin_unit_id: unitId,
        started_on: '2024-01-01',
        ended_on: null,
        people_involved: null,
        status: 'active',
        evidence: null,
        recognised_by: null,
        recognised_on: null,
        replicated_from_id: null,
        created_by: null,
        created_at: nowIso(),
        updated_at: nowIso()
      })
      .execute();
  }

  it('orders the models a typical example may link', async () => {
    const t = await tree(ctx.db, 'Mô hình');
    for (const n of NAMES) await modelRow(ctx.db, t.commune, t.communeUnit, n);
    const rows = await modelsIn(ctx.db, subtreeOf(ctx.db, t.commune));
    expect(rows.map((r) => r.name)).toEqual(VIETNAMESE.map((n) => `Mô hình ${n}`));
  });

  it('orders the councils whose dossiers the campaign page lists', async () => {
    const pUnit = await makeUnit(ctx.db, { level: 'province', name: 'Tỉnh thứ tự', parent_id: null });
    const province = await org(ctx.db, 'province_association', 'Hội NCT tỉnh thứ tự', null, pUnit);
    const campaignId = await campaign(ctx.db, province, { subjects: ['person'] });
    for (const n of NAMES) {
      const commune = await namedOrg(ctx.db, 'commune_association', `Hội ${n}`, province, pUnit);
      await ctx.db
        .insertInto('emu_council')
        .values({
          id: newId(),
          organisation_id: commune,
          campaign_id: campaignId,
          meeting_on: '2025-12-01',
          members_total: 3,
          members_present: 3,
          members: JSON.stringify([]),
          created_by: null,
          created_at: nowIso()
        })
        .execute();
    }
    const rows = await councilOrgsOf(ctx.db, campaignId, subtreeOf(ctx.db, province));
    expect(rows.map((r) => r.name)).toEqual(VIETNAMESE.map((n) => `Hội ${n}`));
  });
});
