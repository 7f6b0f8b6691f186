/**
 * The award papers open in LibreOffice and say what the records say: the decision (numbered
 * in the register, awardees with cash as a multiple of the base salary) and the council's
 * dossier — proposal, minutes with the vote counts, list, and a report of achievements.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';

vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'cs-emu-docs-'));
});

import { forEachDb } from '../support/db';
import { convert, pdfText, type Converted } from '../support/libreoffice';
import { as, campaign, person, tree } from './emulation-support';
import { issuedFile } from '../../src/lib/server/documents';
import { branchAssess, register } from '../../src/lib/server/emulation/registration.service';
import { publishResults, recordCouncil } from '../../src/lib/server/emulation/council.service';
import { decide } from '../../src/lib/server/emulation/award.service';
import { dossier } from '../../src/lib/server/emulation/dossier.service';

forEachDb('emulation documents', (ctx) => {
  let pdf: Converted;
  let number: string;
  const text: Record<string, string> = {};
  beforeAll(async () => {
    const t = await tree(ctx.db, 'Văn bản');
    const c = await campaign(ctx.db, t.province);
    const officer = as('association_officer', t.commune);
    const names = ['Lò Thị Mai', 'Hộ ông Tòng Văn Ón'];
    const pid = await person(ctx.db, t.branch, names[0]);
    const [a] = await register(ctx.db, as('branch_leader', t.branch), {
      campaign_id: c,
      organisation_id: t.branch,
      subject_kind: 'person',
      person_ids: [pid],
      household_name: null,
      subject_org_ids: [],
      commitments: []
    });
    const [b] = await register(ctx.db, as('branch_leader', t.branch), {
      campaign_id: c,
      organisation_id: t.branch,
      subject_kind: 'household',
      person_ids: [],
      household_name: names[1],
      subject_org_ids: [],
      commitments: []
    });
    for (const id of [a, b]) await branchAssess(ctx.db, as('branch_leader', t.branch), id, { score: 70, note: null });
    const members = ['Nguyễn Văn Một', 'Lò Thị Hai', 'Vàng A Ba', 'Tao Thị Bốn', 'Ưng Văn Năm'].map((name) => ({
      name,
      role: null
    }));
    await recordCouncil(ctx.db, officer, {
      organisation_id: t.commune,
      campaign_id: c,
      meeting_on: '2025-12-10',
      members,
      members_present: 4,
      votes: [
        { registration_id: a, award_form: 'gk_commune', in_favour: 4, against: 0, abstain: 0 },
        { registration_id: b, award_form: 'gk_commune', in_favour: 3, against: 1, abstain: 0 }
      ]
    });
    await publishResults(ctx.db, officer, { organisation_id: t.commune, campaign_id: c, appeal_days: 0 });
    const d = await decide(ctx.db, officer, {
      organisation_id: t.commune,
      award_form: 'gk_commune',
      registration_ids: [a, b],
      signer_name: 'Nguyễn Văn Một'
    });
    number = d.number;
    const files = await dossier(ctx.db, officer, t.commune, c);
    files['quyet-dinh.docx'] = (await issuedFile(ctx.db, officer, d.decisionId)).body;
    pdf = await convert(files);
    for (const name of Object.keys(files)) text[name] = await pdfText(pdf.out(name));
  }, 180_000);
  afterAll(() => pdf?.cleanup());

  it('the decision carries its register number, the awardees and the cash from the base salary', () => {
    const q = text['quyet-dinh.docx'];
    expect(q).toContain(`Số: ${number}`);
    expect(q).toContain('QUYẾT ĐỊNH');
    expect(q).toContain('Về việc tặng Giấy khen của Hội NCT xã');
    expect(q).toContain('Lò Thị Mai');
    expect(q).toContain('Hộ ông Tòng Văn Ón');
    expect(q).toMatch(/702\.000/); // 0.3 × 2,340,000 for a person
    expect(q).toMatch(/1\.404\.000/); // twice that for a household (collective)
    expect(q).toContain('Nguyễn Văn Một');
  });

  it('the minutes give attendance and each vote; the list and proposal name the candidates', () => {
    expect(text['bien-ban.docx']).toContain('BIÊN BẢN');
    expect(text['bien-ban.docx']).toMatch(/Thành viên Hội đồng: 5; có mặt: 4/);
    expect(text['bien-ban.docx']).toMatch(/Hộ ông Tòng Văn Ón[\s\S]*3[\s\S]*1[\s\S]*0/);
    expect(text['to-trinh.docx']).toContain('TỜ TRÌNH');
    expect(text['danh-sach.docx']).toContain('Lò Thị Mai');
    expect(text['bao-cao-thanh-tich-1.docx']).toContain('THÀNH TÍCH ĐẠT ĐƯỢC');
    expect(Object.keys(text).filter((k) => k.startsWith('bao-cao-thanh-tich'))).toHaveLength(2);
  });
});
