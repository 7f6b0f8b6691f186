/**
 * Gaps the outside tester found (issue 10), on both databases: the member enters her own
 * self-assessment while it is hers to fill in (then the branch assesses), sees each of her
 * registrations with its campaign's name and the campaign's name without a link she could not
 * open; an achievement already rewarded cannot be nominated for another form; registering
 * someone twice is told as such; an empty revocation reason says what is missing.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { failure } from '../support/factories';
import { as, campaign, memberAccount, person, tree } from './emulation-support';
import { branchAssess, registerSubjects, selfAssess } from '../../src/lib/server/emulation/registration.service';
import { publishResults, recordCouncil } from '../../src/lib/server/emulation/council.service';
import { decide, nominate } from '../../src/lib/server/emulation/award.service';
import { campaignsPage, registrationPage } from '../../src/lib/server/emulation/page.service';
import { revokeSchema } from '../../src/lib/server/emulation/emulation.schema';

const AFTER_APPEAL = new Date('2099-01-01T00:00:00Z');

forEachDb('emulation gaps of issue 10', (ctx) => {
  let t: Awaited<ReturnType<typeof tree>>;
  let c: string;
  let un: string;
  let other: string;
  const leader = () => as('branch_leader', t.branch);
  const registerPeople = (ids: string[]) =>
    registerSubjects(ctx.db, leader(), {
      campaign_id: c,
      organisation_id: t.branch,
      subject_kind: 'person',
      person_ids: ids,
      household_name: null,
      subject_org_ids: [],
      commitments: []
    });

  beforeAll(async () => {
    t = await tree(ctx.db, 'Bốn');
    c = await campaign(ctx.db, t.province, { name: 'Tuổi cao – Gương sáng giai đoạn 2026–2030' });
    un = await person(ctx.db, t.branch, 'Lường Thị Ún');
    other = await person(ctx.db, t.branch, 'Lò Văn Khăm');
  });

  it('the member enters her own self-assessment until the branch has assessed it', async () => {
    const { ids } = await registerPeople([un]);
    const [mine] = ids;
    const member = await memberAccount(ctx.db, un, t.branch, 'Lường Thị Ún');

    const before = await registrationPage(ctx.db, member, mine!);
    expect(before.canSelfAssess).toBe(true);
    expect(before.canAssess).toBe(false);
    expect(before.canOpenCampaign).toBe(false);

    await selfAssess(ctx.db, member, mine!, { score: 72, note: 'Tham gia đủ các buổi sinh hoạt' });
    const after = await registrationPage(ctx.db, member, mine!);
    expect(after.registration).toMatchObject({ self_score: 72, status: 'self_assessed' });

    await branchAssess(ctx.db, leader(), mine!, { score: 70, note: null });
    const assessed = await registrationPage(ctx.db, member, mine!);
    expect(assessed.canSelfAssess).toBe(false);
    expect(await failure(selfAssess(ctx.db, member, mine!, { score: 90, note: null }))).toBe('CONFLICT:emu_err_stage');

    const list = await campaignsPage(ctx.db, member);
    expect(list.mine.map((r) => r.campaign_name)).toEqual(['Tuổi cao – Gương sáng giai đoạn 2026–2030']);
    expect((await registrationPage(ctx.db, leader(), mine!)).canOpenCampaign).toBe(true);
  });

  it('a member cannot self-assess someone else’s registration', async () => {
    const { ids } = await registerPeople([other]);
    const member = await memberAccount(ctx.db, un, t.branch, 'Lường Thị Ún');
    expect(await failure(selfAssess(ctx.db, member, ids[0]!, { score: 50, note: null }))).toBe('NOT_FOUND:NOT_FOUND');
  });

  it('registering someone already registered says so and creates no duplicate', async () => {
    const third = await person(ctx.db, t.branch, 'Đinh Thị Ba');
    const first = await registerPeople([third]);
    expect(first.already).toBe(0);
    const again = await registerPeople([third]);
    expect(again).toEqual({ ids: first.ids, already: 1 });
    const fourth = await person(ctx.db, t.branch, 'Đinh Văn Bốn');
    expect((await registerPeople([third, fourth])).already).toBe(1);
    const rows = await ctx.db.selectFrom('emu_registration').select('id').where('person_id', '=', third).execute();
    expect(rows).toHaveLength(1);
  });

  it('an achievement already rewarded cannot be nominated for another form', async () => {
    const khamCommune = await person(ctx.db, t.branch, 'Lò Văn Khăm Xã');
    const { ids } = await registerPeople([khamCommune]);
    const reg = ids[0]!;
    await branchAssess(ctx.db, leader(), reg, { score: 80, note: null });
    const communeOfficer = as('association_officer', t.commune);
    await recordCouncil(ctx.db, communeOfficer, {
      organisation_id: t.commune,
      campaign_id: c,
      meeting_on: '2025-12-05',
      members: [1, 2, 3].map((i) => ({ name: `Thành viên ${i}`, role: null })),
      members_present: 3,
      votes: [{ registration_id: reg, award_form: 'title_commune', in_favour: 3, against: 0, abstain: 0 }]
    });
    await publishResults(ctx.db, communeOfficer, { organisation_id: t.commune, campaign_id: c, appeal_days: 0 });
    const d = await decide(
      ctx.db,
      communeOfficer,
      { organisation_id: t.commune, award_form: 'title_commune', registration_ids: [reg], signer_name: 'Lò Văn Chủ' },
      AFTER_APPEAL
    );
    const number = (
      await ctx.db
        .selectFrom('emu_award')
        .select('decision_number')
        .where('registration_id', '=', reg)
        .executeTakeFirstOrThrow()
    ).decision_number;
    expect(d).toBeTruthy();
    const err = await nominate(
      ctx.db,
      communeOfficer,
      { registration_id: reg, to_org_id: t.province, award_form: 'gk_province' },
      AFTER_APPEAL
    ).catch((e) => e);
    expect(err).toMatchObject({
      code: 'CONFLICT',
      message: 'fix10_err_already_awarded',
      details: { field: 'award_form', number }
    });
    const pending = await ctx.db.selectFrom('emu_nomination').select('id').where('registration_id', '=', reg).execute();
    expect(pending).toHaveLength(0);
  });

  it.each([
    ['', 'emul4_err_revoke_reason'],
    ['   ', 'emul4_err_revoke_reason'],
    [undefined, 'emul4_err_revoke_reason'],
    ['x'.repeat(1001), 'err_too_long']
  ])('a revocation reason %j is refused with %s', (reason, key) => {
    const r = revokeSchema.safeParse(reason === undefined ? {} : { reason });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(key);
  });
});
