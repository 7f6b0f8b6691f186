/**
 * `documents sample` includes the award papers of the demo: the decision draft and the
 * council's dossier with an achievement report per candidate, each opening in LibreOffice.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';

vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'cs-emul-sample-'));
});

import { forEachDb } from '../support/db';
import { seedDemo } from '../support/demo';
import { convert, pdfText, type Converted } from '../support/libreoffice';
import { awardSampleFiles } from '../../src/lib/server/emulation/sample.service';
import { seedEmulationDemo } from '../../src/lib/server/emulation/seed';

forEachDb('award papers in documents sample', (ctx) => {
  let pdf: Converted;
  let files: Record<string, Buffer>;
  beforeAll(async () => {
    await seedDemo(ctx.db);
    await seedEmulationDemo(ctx.db);
    files = await awardSampleFiles(ctx.db);
    pdf = await convert(files);
  }, 180_000);
  afterAll(() => pdf?.cleanup());

  it('writes the decision and the four papers, each readable', async () => {
    expect(Object.keys(files).sort()).toEqual(
      expect.arrayContaining([
        'khen-thuong-quyet-dinh.docx',
        'khen-thuong-to-trinh.docx',
        'khen-thuong-bien-ban.docx',
        'khen-thuong-danh-sach.docx',
        'khen-thuong-bao-cao-thanh-tich-1.docx'
      ])
    );
    expect(await pdfText(pdf.out('khen-thuong-quyet-dinh.docx'))).toContain('QUYẾT ĐỊNH');
    expect(await pdfText(pdf.out('khen-thuong-bien-ban.docx'))).toContain('BIÊN BẢN');
    expect(await pdfText(pdf.out('khen-thuong-bao-cao-thanh-tich-1.docx'))).toContain('THÀNH TÍCH ĐẠT ĐƯỢC');
  });

  it('shows the demo decision as issued: its number, date and signer, and no cash line for a title', async () => {
    const text = (await pdfText(pdf.out('khen-thuong-quyet-dinh.docx'))).replace(/\s+/g, ' ');
    expect(text).toContain('01/QĐ-HNCT');
    expect(text).toMatch(/ngày 0?1 tháng 12 năm 2025/);
    expect(text).toContain('Nguyễn Văn Đức');
    expect(text).not.toContain('…');
    expect(text).not.toContain('Người ký (mẫu)');
    expect(text).not.toContain('lần mức lương cơ sở');
  });
});
