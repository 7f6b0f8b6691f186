/**
 * Who decides the Sở's Giấy khen, on both databases: the Sở's director (an agency manager at the
 * Sở) finds what was nominated to the Sở and signs the decision in the Sở's register; the Sở's
 * officers see the campaign but get no decision form and are refused; the director of another
 * Sở cannot decide for this one. The director sees the award and, as the dossier nominated to
 * the Sở, the registration behind it.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { as, campaign, org, tree } from './emulation-support';
import { branchAssess, register } from '../../src/lib/server/emulation/registration.service';
import { publishResults, recordCouncil } from '../../src/lib/server/emulation/council.service';
import { decide, nominate } from '../../src/lib/server/emulation/award.service';
import { campaignPage } from '../../src/lib/server/emulation/page.service';
import { issuedFile } from '../../src/lib/server/documents';
import { failure } from '../support/factories';

const AFTER_APPEAL = new Date('2099-01-01T00:00:00Z');

forEachDb('emulation: the Sở director decides', (ctx) => {
  let t: Awaited<ReturnType<typeof tree>>;
  let other: Awaited<ReturnType<typeof tree>>;
  let campaignId: string;
  let regId: string;
  const input = () => ({
    organisation_id: t.department,
    award_form: 'gk_department' as const,
    registration_ids: [regId],
    signer_name: 'Giám đốc Sở'
  });

  beforeAll(async () => {
    t = await tree(ctx.db, 'Giám đốc');
    other = await tree(ctx.db, 'Tỉnh khác');
    campaignId = await campaign(ctx.db, t.province, { subjects: ['env_collective'] });
    const unit = await org(ctx.db, 'department_unit', 'Chi cục Kiểm lâm', t.department, t.provinceUnit);
    const officer = as('association_officer', t.province);
    [regId] = await register(ctx.db, officer, {
      campaign_id: campaignId,
      organisation_id: t.province,
      subject_kind: 'env_collective',
      person_ids: [],
      household_name: null,
      subject_org_ids: [unit],
      commitments: []
    });
    await branchAssess(ctx.db, officer, regId!, { score: 90, note: 'Tốt' });
    await recordCouncil(ctx.db, officer, {
      organisation_id: t.province,
      campaign_id: campaignId,
      meeting_on: '2025-12-05',
      members: [1, 2, 3].map((i) => ({ name: `Thành viên ${i}`, role: null })),
      members_present: 3,
      votes: [{ registration_id: regId!, award_form: 'gk_department', in_favour: 3, against: 0, abstain: 0 }]
    });
    await publishResults(ctx.db, officer, { organisation_id: t.province, campaign_id: campaignId, appeal_days: 0 });
    await nominate(
      ctx.db,
      officer,
      { registration_id: regId!, to_org_id: t.department, award_form: 'gk_department' },
      AFTER_APPEAL
    );
  });

  it('the Sở’s officer sees the campaign but no nomination nor decision form, and is refused', async () => {
    const staff = as('agency_officer', t.department);
    const page = await campaignPage(ctx.db, staff, campaignId);
    expect([page.canDecide, page.nominations, page.grantable]).toEqual([false, [], []]);
    expect(await failure(decide(ctx.db, staff, input(), AFTER_APPEAL))).toBe('FORBIDDEN:FORBIDDEN');
  });

  it('the director of another Sở cannot decide for this one', async () => {
    const stranger = as('agency_manager', other.department);
    expect(await failure(decide(ctx.db, stranger, input(), AFTER_APPEAL))).toBe('VALIDATION:emu_err_organisation');
  });

  it('the director finds the nomination, signs the decision in the Sở’s register and sees the award', async () => {
    const director = as('agency_manager', t.department);
    const page = await campaignPage(ctx.db, director, campaignId);
    expect(page.canDecide).toBe(true);
    expect(page.nominations.map((n) => n.registration_id)).toEqual([regId]);
    expect(page.grantable).toEqual([expect.objectContaining({ id: t.department, forms: ['gk_department'] })]);
    // The director runs no council of the association and registers nobody.
    expect([page.canManage, page.canRegister, page.councilOrgs]).toEqual([false, false, []]);
    const d = await decide(ctx.db, director, input(), AFTER_APPEAL);
    const row = await ctx.db
      .selectFrom('issued_document')
      .select('issuer_org_id')
      .where('id', '=', d.decisionId)
      .executeTakeFirstOrThrow();
    expect(row.issuer_org_id).toBe(t.department);
    expect((await issuedFile(ctx.db, director, d.decisionId)).body.length).toBeGreaterThan(0);
    const after = await campaignPage(ctx.db, director, campaignId);
    expect(after.nominations).toEqual([]);
    // The award shows, and the province's registration opens as the dossier nominated to the Sở.
    expect(after.awards.map((a) => [a.registration_id, a.granted_by_name, a.openable])).toEqual([
      [regId, 'Sở NN&MT Giám đốc', true]
    ]);
    const province = await campaignPage(ctx.db, as('association_officer', t.province), campaignId);
    expect(province.awards.map((a) => a.openable)).toEqual([true]);
  });
});
