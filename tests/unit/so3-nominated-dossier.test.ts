/**
 * The Sở reads the dossier it decides on, on both databases: a reader at the organisation a
 * registration was nominated to opens that registration's page read only and its evidence
 * files, while it is pending and once decided; any other registration of the campaign, a
 * reader of another Sở, and a nomination that was returned all get 404.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { useTempMedia } from './reports-intake-support';
import { as, campaign, org, tree } from './emulation-support';
import {
  addEvidence,
  branchAssess,
  manualEvidence,
  register
} from '../../src/lib/server/emulation/registration.service';
import { publishResults, recordCouncil } from '../../src/lib/server/emulation/council.service';
import { decide, nominate } from '../../src/lib/server/emulation/award.service';
import { registrationPage } from '../../src/lib/server/emulation/page.service';
import { openEvidenceFile } from '../../src/lib/server/emulation/evidence-file.service';
import { prepareFiles } from '../../src/lib/server/emulation/files';
import type { Actor } from '../../src/lib/server/access/actor';
import { failure } from '../support/factories';

const AFTER_APPEAL = new Date('2099-01-01T00:00:00Z');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

useTempMedia();

forEachDb('emulation: the Sở reads the dossier nominated to it', (ctx) => {
  let t: Awaited<ReturnType<typeof tree>>;
  let other: Awaited<ReturnType<typeof tree>>;
  let nominee: string;
  let sibling: string;
  let fileId: string;
  const officer = () => as('association_officer', t.province);

  /** What the actor gets: the page's read-only state, or the error code. */
  async function sees(actor: Actor, id: string) {
    const page = await registrationPage(ctx.db, actor, id).catch((e) => e);
    if (page instanceof Error) return await failure(Promise.reject(page));
    const buttons = [page.canAssess, page.canSelfAssess, page.canConsent, page.canRevoke, page.nominateTo.length];
    return { nominated: page.nominated, buttons, evidence: page.manual.length };
  }
  const file = (actor: Actor) =>
    openEvidenceFile(ctx.db, actor, fileId, false).then(
      (f) => f.name,
      (e) => failure(Promise.reject(e))
    );

  beforeAll(async () => {
    t = await tree(ctx.db, 'Hồ sơ');
    other = await tree(ctx.db, 'Sở khác');
    const campaignId = await campaign(ctx.db, t.province, { subjects: ['env_collective'] });
    const kiemLam = await org(ctx.db, 'department_unit', 'Chi cục Kiểm lâm', t.department, t.provinceUnit);
    const thuyLoi = await org(ctx.db, 'department_unit', 'Chi cục Thủy lợi', t.department, t.provinceUnit);
    [nominee, sibling] = await register(ctx.db, officer(), {
      campaign_id: campaignId,
      organisation_id: t.province,
      subject_kind: 'env_collective',
      person_ids: [],
      household_name: null,
      subject_org_ids: [kiemLam, thuyLoi],
      commitments: []
    });
    const files = await prepareFiles([{ name: 'bien-ban.pdf', type: '', bytes: new Uint8Array(PDF) }], 'files');
    await addEvidence(ctx.db, officer(), nominee!, { criterion_code: null, description: 'Tuần tra rừng' }, files);
    fileId = (await manualEvidence(ctx.db, nominee!))[0]!.files[0]!.id;
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

  const readOnly = { nominated: true, buttons: [false, false, false, false, 0], evidence: 1 };
  const cases: [string, () => Actor, () => string, unknown, string][] = [
    [
      'the Sở’s director, the nominee',
      () => as('agency_manager', t.department),
      () => nominee,
      readOnly,
      'bien-ban.pdf'
    ],
    [
      'the Sở’s officer, the nominee',
      () => as('agency_officer', t.department),
      () => nominee,
      readOnly,
      'bien-ban.pdf'
    ],
    [
      'the Sở’s director, another registration',
      () => as('agency_manager', t.department),
      () => sibling,
      'NOT_FOUND:NOT_FOUND',
      ''
    ],
    [
      'another Sở’s director, the nominee',
      () => as('agency_manager', other.department),
      () => nominee,
      'NOT_FOUND:NOT_FOUND',
      'NOT_FOUND:NOT_FOUND'
    ]
  ];

  it.each(cases)('while pending: %s', async (_, actor, id, expected, fileName) => {
    expect(await sees(actor(), id())).toEqual(expected);
    if (fileName) expect(await file(actor())).toBe(fileName);
  });

  it('the province still works its own registration: not read only', async () => {
    expect(await sees(officer(), nominee)).toMatchObject({ nominated: false, evidence: 1 });
  });

  it('once decided the director still reads it; a returned nomination closes it', async () => {
    const director = as('agency_manager', t.department);
    await decide(
      ctx.db,
      director,
      {
        organisation_id: t.department,
        award_form: 'gk_department',
        registration_ids: [nominee],
        signer_name: 'Giám đốc Sở'
      },
      AFTER_APPEAL
    );
    expect(await sees(director, nominee)).toEqual(readOnly);
    await ctx.db
      .updateTable('emu_nomination')
      .set({ status: 'returned' })
      .where('registration_id', '=', nominee)
      .execute();
    expect(await sees(director, nominee)).toBe('NOT_FOUND:NOT_FOUND');
    expect(await file(director)).toBe('NOT_FOUND:NOT_FOUND');
  });
});
