/**
 * A report's figures beyond the indicators, on both databases: outreach participants by
 * group (elderly, women, ethnic minority; outreach only, not training), reports verified and
 * resolved on time, and the agencies' outcomes — violations fined, the fines' total, harm
 * put right — with the sanction decisions in the annex as real Excel dates. Every number is
 * the change made by records this test adds, so the demo data around it does not matter.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';

vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'cs-repout-'));
});

import ExcelJS from 'exceljs';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { SYSTEM, type Actor } from '../../src/lib/server/access/actor';
import { createActivity } from '../../src/lib/server/program/activities/activity.service';
import { verifyReport } from '../../src/lib/server/reports/workflow/association.service';
import { acceptReport, closeWithOutcome } from '../../src/lib/server/reports/workflow/agency.service';
import { computeFigures } from '../../src/lib/server/reporting/figures.service';
import { reportAnnex, reportSpec } from '../../src/lib/server/reporting/report.document';
import { draftNarrative } from '../../src/lib/server/reporting/draft-text';
import { renderAnnex, renderDocx } from '../../src/lib/server/documents';
import { convert, pdfText, type Converted } from '../support/libreoffice';
import { periodOf } from '../../src/lib/shared/reporting/periods';
import { figureValue, type Figures } from '../../src/lib/shared/reporting/figures';
import { todayVn } from '../../src/lib/shared/format';
import { activity } from './program-support';

const YEAR = Number(todayVn().slice(0, 4));
const PERIOD = periodOf('year', YEAR, 1, 'calendar');
const CODES = [
  'outreach_participants',
  'outreach_elderly',
  'outreach_women',
  'outreach_ethnic',
  'reports_received',
  'reports_verified',
  'reports_resolved',
  'reports_on_time',
  'violations_fined',
  'fines_vnd',
  'violations_remedied'
];
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

forEachDb('report outcomes and participants', (ctx) => {
  let hoi: string;
  let province: Actor;
  let before: Figures;
  let after: Figures;
  let parent: string;
  let parentBefore: Figures;
  let parentAfter: Figures;
  /** the change in the member-unit row of `hoi` in its parent's figures */
  const rowDelta = (code: string) => {
    const row = (f: Figures) => f.figures.find((x) => x.code === code)?.children.find((c) => c.id === hoi)?.value ?? 0;
    return row(parentAfter) - row(parentBefore);
  };
  const delta = (code: string) => figureValue(after, code) - figureValue(before, code);

  beforeAll(async () => {
    await seedDemo(ctx.db);
    hoi = await orgId(ctx.db, 'Hội Người cao tuổi phường Đoàn Kết');
    province = await actorFor(ctx.db, 'canbo.tinh');
    const commune = await actorFor(ctx.db, 'canbo.doanket');
    const rangers = await actorFor(ctx.db, 'kiemlam');
    const rangersOrg = await orgId(ctx.db, 'Chi cục Kiểm lâm tỉnh Lai Châu');
    const unit = (
      await ctx.db.selectFrom('organisation').select('admin_unit_id').where('id', '=', hoi).executeTakeFirstOrThrow()
    ).admin_unit_id!;
    before = await computeFigures(ctx.db, province, hoi, PERIOD);
    parent = (
      await ctx.db.selectFrom('organisation').select('parent_id').where('id', '=', hoi).executeTakeFirstOrThrow()
    ).parent_id!;
    parentBefore = await computeFigures(ctx.db, province, parent, PERIOD);

    const session = (kind: string, total: number, elderly: number, women: number, ethnic: number) =>
      createActivity(
        ctx.db,
        SYSTEM,
        activity({
          kind,
          organisation_id: hoi,
          admin_unit_id: unit,
          started_on: `${YEAR}-01-15`,
          count_total: String(total),
          count_elderly: String(elderly),
          count_women: String(women),
          count_ethnic_minority: String(ethnic),
          ...(kind === 'outreach' ? {} : { outreach_mode: null })
        })
      );
    await session('outreach', 60, 12, 15, 9);
    await session('outreach', 40, 20, 7, 3);
    await session('training', 80, 30, 50, 40); // not outreach: no group counts

    const forwarded = () => createTestReport(ctx.db, { status: 'forwarded', agency_org_id: rangersOrg });
    const fined = await forwarded();
    await acceptReport(ctx.db, rangers, fined.id, '');
    await closeWithOutcome(ctx.db, rangers, fined.id, {
      kind: 'violation_confirmed',
      decision_no: '12/QĐ-XPHC',
      decision_date: `${YEAR}-01-20`,
      fine_vnd: 1_500_000,
      remedies: 'Trồng lại 200 cây keo',
      note: ''
    });
    const late = await forwarded();
    await acceptReport(ctx.db, rangers, late.id, '', daysAgo(100)); // its 30 days ran out long ago
    await closeWithOutcome(ctx.db, rangers, late.id, {
      kind: 'violation_confirmed',
      decision_no: '13/QĐ-XPHC',
      decision_date: '',
      fine_vnd: 2_000_000,
      remedies: '',
      note: ''
    });
    const warned = await forwarded();
    await acceptReport(ctx.db, rangers, warned.id, '');
    await closeWithOutcome(ctx.db, rangers, warned.id, { kind: 'warned_remedied', note: 'Đã dọn sạch bãi rác' });
    const checked = await createTestReport(ctx.db);
    await verifyReport(ctx.db, commune, checked.id, {
      note: 'Đã kiểm tra',
      site_visit: 'no',
      visit_date: null,
      evidence: ''
    });

    after = await computeFigures(ctx.db, province, hoi, PERIOD);
    parentAfter = await computeFigures(ctx.db, province, parent, PERIOD);
  }, 120_000);

  let pdf: Converted | undefined;
  afterAll(() => pdf?.cleanup());

  it('counts outreach participants by group, from outreach sessions only', () => {
    expect(CODES.slice(0, 4).map(delta)).toEqual([100, 32, 22, 12]);
    const codes = after.figures.map((f) => f.code);
    // each group sits under the total it details
    expect(codes.slice(codes.indexOf('outreach_participants'), codes.indexOf('outreach_participants') + 4)).toEqual(
      CODES.slice(0, 4)
    );
    expect(after.figures.find((f) => f.code === 'outreach_women')!.link).toContain('kind=outreach');
  });

  it('counts reports verified, resolved on time, fined, the fines in đồng and the harm put right', () => {
    expect(Object.fromEntries(CODES.slice(4).map((c) => [c, delta(c)]))).toEqual({
      reports_received: 4,
      reports_verified: 1,
      reports_resolved: 3,
      reports_on_time: 2,
      violations_fined: 2,
      fines_vnd: 3_500_000,
      violations_remedied: 2
    });
  });

  it('splits every outcome and group figure by member unit, in the parent’s report and its Phụ lục II', async () => {
    expect(Object.fromEntries(CODES.map((c) => [c, rowDelta(c)]))).toEqual(
      Object.fromEntries(CODES.map((c) => [c, delta(c)]))
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await renderAnnex(
        reportAnnex({ start: PERIOD.start, end: PERIOD.end, figures: parentAfter }, 'Hội X')
      )) as unknown as ArrayBuffer
    );
    const sheet = wb.getWorksheet('Phụ lục II')!;
    const rows = sheet.getRows(1, sheet.rowCount)!;
    const header = rows.find((r) => r.getCell(2).value === 'Đơn vị')!;
    const name = parentAfter.figures[0].children.find((c) => c.id === hoi)!.name;
    const mine = rows.find((r) => r.getCell(2).value === name)!;
    const column = (title: string) => (header.values as unknown[]).indexOf(title);
    for (const [title, code] of [
      ['Tổng số tiền xử phạt (đồng)', 'fines_vnd'],
      ['Trong đó: lượt phụ nữ nghe tuyên truyền (lượt)', 'outreach_women'],
      ['Số phản ánh đã xác minh (phản ánh)', 'reports_verified']
    ]) {
      const value = parentAfter.figures.find((f) => f.code === code)!.children.find((c) => c.id === hoi)!.value;
      expect([title, mine.getCell(column(title)).value]).toEqual([title, value]);
    }
  });

  it('lists the sanction decisions without the reporter', () => {
    const mine = (after.sanctions ?? []).filter(
      (s) => s.decisionNo.endsWith('/QĐ-XPHC') && s.commune.includes('Đoàn Kết')
    );
    expect(mine.map((s) => [s.decisionNo, s.decisionDate, s.fineVnd, s.remedies])).toEqual(
      expect.arrayContaining([
        ['12/QĐ-XPHC', `${YEAR}-01-20`, 1_500_000, 'Trồng lại 200 cây keo'],
        ['13/QĐ-XPHC', null, 2_000_000, '']
      ])
    );
  });

  it('leaves another commune’s figures alone and answers its officer 404', async () => {
    const binhLu = await orgId(ctx.db, 'Hội Người cao tuổi xã Bình Lư');
    const other = await computeFigures(ctx.db, province, binhLu, PERIOD);
    expect(figureValue(other, 'fines_vnd')).toBe(0);
    const outsider = await actorFor(ctx.db, 'canbo.binhlu');
    await expect(computeFigures(ctx.db, outsider, hoi, PERIOD)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('puts the fines in the annex and the decisions with real Excel dates', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await renderAnnex(
        reportAnnex({ start: PERIOD.start, end: PERIOD.end, figures: after }, 'Hội X')
      )) as unknown as ArrayBuffer
    );
    const first = wb.worksheets[0];
    const fineRow = first.getRows(1, first.rowCount)!.find((r) => r.getCell(2).value === 'Tổng số tiền xử phạt')!;
    expect([fineRow.getCell(3).value, fineRow.getCell(4).value]).toEqual(['đồng', figureValue(after, 'fines_vnd')]);
    const decisions = wb.worksheets.find((w) =>
      w.getRows(1, w.rowCount)!.some((r) => r.getCell(3).value === '12/QĐ-XPHC')
    )!;
    expect(decisions.name).toMatch(/^Phụ lục I+$/);
    const row = decisions.getRows(1, decisions.rowCount)!.find((r) => r.getCell(3).value === '12/QĐ-XPHC')!;
    expect(row.getCell(4).value).toEqual(new Date(`${YEAR}-01-20T00:00:00Z`));
    expect(row.getCell(4).numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(5).value).toBe(1_500_000);
    const empty = decisions.getRows(1, decisions.rowCount)!.find((r) => r.getCell(3).value === '13/QĐ-XPHC')!;
    expect(empty.getCell(4).value).toBe(null);
  });

  it('writes the outcomes and groups into the draft with dot thousands separators', () => {
    const text = draftNarrative('Hội X', 'năm 2026', after);
    expect(text.violations).toContain(`tổng số tiền ${figureValue(after, 'fines_vnd').toLocaleString('de-DE')} đồng`);
    expect(text.outreach).toMatch(
      /\(trong đó [\d.]+ lượt người cao tuổi, [\d.]+ lượt phụ nữ, [\d.]+ lượt người dân tộc thiểu số\)/
    );
  });

  it('lists the sanction decisions in the body of the report, under section II.4, as a reader opens it', async () => {
    const spec = await reportSpec(ctx.db, {
      orgId: hoi,
      title: 'Kết quả công tác Hội năm',
      start: PERIOD.start,
      end: PERIOD.end,
      narrative: { violations: 'Trong kỳ, các cơ quan chức năng đã xử lý các vụ vi phạm sau.' },
      figures: after
    });
    pdf = await convert({ 'report.docx': await renderDocx(spec, { number: null, date: null, draftYear: YEAR }) });
    const text = (await pdfText(pdf.out('report.docx'))).replace(/[ \t]+/g, ' ');
    const section = text.slice(
      text.indexOf('4. Phát hiện, phản ánh vi phạm và kết quả xử lý'),
      text.indexOf('5. Ký cam kết')
    );
    expect(section).toContain('Kết quả xử lý vi phạm qua phản ánh của Nhân dân');
    expect(section).toMatch(new RegExp(`12/QĐ-XPHC 20/01/${YEAR} 1\\.500\\.000 Trồng lại 200 cây keo`));
    expect(section).toMatch(/13\/QĐ-XPHC 2\.000\.000/);
    const total = (after.sanctions ?? []).reduce((t, x) => t + x.fineVnd, 0);
    expect(section).toContain(`Tổng cộng ${total.toLocaleString('de-DE')}`);
    // the section before it carries no such table
    expect(text.slice(0, text.indexOf('4. Phát hiện'))).not.toContain('12/QĐ-XPHC');
  }, 120_000);
});
