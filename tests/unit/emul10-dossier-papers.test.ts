/**
 * Issue 10 leftovers, on both databases: the Sở deciding a nomination opens the council's
 * dossier papers (.docx) — only the part about what was nominated to it, while pending or
 * decided; another Sở and a returned nomination get 404. The decision form has nothing to offer
 * once everything is decided, and an achievement already rewarded offers no form to nominate for.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { docxText } from '../support/documents';
import { failure } from '../support/factories';
import { as, campaign, org, tree } from './emulation-support';
import { branchAssess, register } from '../../src/lib/server/emulation/registration.service';
import { publishResults, recordCouncil } from '../../src/lib/server/emulation/council.service';
import { decide, nominate } from '../../src/lib/server/emulation/award.service';
import { dossier, dossierIndex } from '../../src/lib/server/emulation/dossier.service';
import { campaignPage, registrationPage } from '../../src/lib/server/emulation/page.service';
import type { Actor } from '../../src/lib/server/access/actor';

const AFTER_APPEAL = new Date('2099-01-01T00:00:00Z');
const NOMINEE = 'Chi cục Kiểm lâm';
const SIBLING = 'Chi cục Thủy lợi';

forEachDb('emulation: the council’s dossier papers for the level nominated to', (ctx) => {
  let t: Awaited<ReturnType<typeof tree>>;
  let other: Awaited<ReturnType<typeof tree>>;
  let campaignId: string;
  let nominee: string;
  let sibling: string;
  const officer = () => as('association_officer', t.province);
  const director = () => as('agency_manager', t.department);

  /** The papers the actor opens — names, and whose names the minutes carry — or the error code. */
  async function papers(actor: Actor) {
    const files = await dossier(ctx.db, actor, t.province, campaignId).catch((e: Error) => e);
    if (files instanceof Error) return failure(Promise.reject(files));
    const minutes = await docxText(files['bien-ban.docx']!);
    return {
      files: Object.keys(files).sort(),
      minutes: [NOMINEE, SIBLING].filter((n) => minutes.includes(n))
    };
  }

  beforeAll(async () => {
    t = await tree(ctx.db, 'Giấy tờ');
    other = await tree(ctx.db, 'Sở khác 10');
    campaignId = await campaign(ctx.db, t.province, { subjects: ['env_collective'] });
    const kiemLam = await org(ctx.db, 'department_unit', NOMINEE, t.department, t.provinceUnit);
    const thuyLoi = await org(ctx.db, 'department_unit', SIBLING, t.department, t.provinceUnit);
    [nominee, sibling] = await register(ctx.db, officer(), {
      campaign_id: campaignId,
      organisation_id: t.province,
      subject_kind: 'env_collective',
      person_ids: [],
      household_name: null,
      subject_org_ids: [kiemLam, thuyLoi],
      commitments: []
    });
    for (const id of [nominee!, sibling!]) await branchAssess(ctx.db, officer(), id, { score: 90, note: 'Tốt' });
    await recordCouncil(ctx.db, officer(), {
      organisation_id: t.province,
      campaign_id: campaignId,
      meeting_on: '2025-12-05',
      members: [1, 2, 3].map((i) => ({ name: `Thành viên ${i}`, role: null })),
      members_present: 3,
      votes: [nominee!, sibling!].map((registration_id) => ({
        registration_id,
        award_form: 'gk_department' as const,
        in_favour: 3,
        against: 0,
        abstain: 0
      }))
    });
    await publishResults(ctx.db, officer(), { organisation_id: t.province, campaign_id: campaignId, appeal_days: 0 });
    await nominate(
      ctx.db,
      officer(),
      { registration_id: nominee!, to_org_id: t.department, award_form: 'gk_department' },
      AFTER_APPEAL
    );
  });

  const FOUR = ['bao-cao-thanh-tich-1.docx', 'bien-ban.docx', 'danh-sach.docx', 'to-trinh.docx'];
  const ALL = { files: [...FOUR, 'bao-cao-thanh-tich-2.docx'].sort(), minutes: [NOMINEE, SIBLING] };
  const SENT = { files: FOUR, minutes: [NOMINEE] };
  const GONE = 'NOT_FOUND:NOT_FOUND';
  const cases: [string, () => Actor, unknown][] = [
    ['the province’s own council officer: every candidate', () => as('association_officer', t.province), ALL],
    ['the Sở’s director: only the nominee', () => as('agency_manager', t.department), SENT],
    ['the Sở’s officer: only the nominee', () => as('agency_officer', t.department), SENT],
    ['another Sở’s director', () => as('agency_manager', other.department), GONE],
    ['a commune officer below the council', () => as('association_officer', t.commune), GONE]
  ];

  describe('while the nomination is pending', () => {
    it.each(cases)('%s', async (_, actor, expected) => {
      expect(await papers(actor())).toEqual(expected);
    });

    it('the Sở’s page lists the province’s dossier with the nominee’s report, and the form to decide', async () => {
      const page = await campaignPage(ctx.db, director(), campaignId);
      expect(page.dossiers).toEqual([
        { id: t.province, name: expect.any(String), reports: [{ file: 'bao-cao-thanh-tich-1.docx', name: NOMINEE }] }
      ]);
      expect(page.nominations.map((n) => n.registration_id)).toEqual([nominee]);
      expect(await dossierIndex(ctx.db, director(), t.province, campaignId)).toEqual(page.dossiers[0]!.reports);
    });

    it('the province may still nominate the sibling: forms are offered, nothing rewarded yet', async () => {
      const page = await registrationPage(ctx.db, officer(), sibling);
      expect(page.rewardedBy).toBeNull();
      expect(page.nominateTo.length).toBeGreaterThan(0);
    });
  });

  describe('once decided', () => {
    let number: string;
    beforeAll(async () => {
      ({ number } = await decide(
        ctx.db,
        director(),
        {
          organisation_id: t.department,
          award_form: 'gk_department',
          registration_ids: [nominee],
          signer_name: 'Giám đốc Sở'
        },
        AFTER_APPEAL
      ));
    });

    it.each(cases)('%s', async (_, actor, expected) => {
      expect(await papers(actor())).toEqual(expected);
    });

    it('the Sở has nothing left to decide (the page shows a sentence, no form)', async () => {
      const page = await campaignPage(ctx.db, director(), campaignId);
      expect({ nominations: page.nominations.length, decidable: page.decidable.length }).toEqual({
        nominations: 0,
        decidable: 0
      });
      expect(page.dossiers.map((d) => d.reports.length)).toEqual([1]);
    });

    it('the province’s own candidates leave out the one rewarded', async () => {
      const page = await campaignPage(ctx.db, officer(), campaignId);
      expect(page.decidable.map((r) => r.id)).toEqual([sibling]);
    });

    it('the rewarded achievement offers no form to nominate for, and says by which decision', async () => {
      const page = await registrationPage(ctx.db, officer(), nominee);
      expect({ to: page.nominateTo, by: page.rewardedBy }).toEqual({ to: [], by: number });
    });
  });

  describe('after the nomination was returned', () => {
    beforeAll(async () => {
      await ctx.db
        .updateTable('emu_nomination')
        .set({ status: 'returned' })
        .where('registration_id', '=', nominee)
        .execute();
    });

    it('the Sở no longer opens the papers, nor sees the dossier on its page', async () => {
      expect(await papers(director())).toBe(GONE);
      expect((await campaignPage(ctx.db, director(), campaignId)).dossiers).toEqual([]);
    });

    it('the province still opens all of them', async () => {
      expect(await papers(officer())).toEqual(ALL);
    });
  });
});
