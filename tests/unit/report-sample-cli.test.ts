/**
 * `npm run cli -- documents sample --out DIR` as an operator runs it, on a database seeded as
 * the server seeds it on first start (the demo and its awards), on both databases: the command
 * exits 0, writes every document it lists, and each one opens in LibreOffice — the .docx files
 * as PDF with the national title, the annex as CSV holding the report's indicator rows.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgDatabase, dialects } from '../support/db';
import { convert, pdfText, type Converted } from '../support/libreoffice';
import { openDatabase } from '../../src/lib/server/db';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { seedEmulationDemo } from '../../src/lib/server/emulation/seed';

const EXPECTED = [
  'bao-cao.docx',
  'bao-cao-phu-luc.xlsx',
  'ke-hoach.docx',
  'chuong-trinh-lien-tich.docx',
  'phieu-chuyen.docx',
  'khen-thuong-quyet-dinh.docx'
];

for (const kind of dialects) {
  describe(`documents sample from the CLI [${kind}]`, () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cs-sample-cli-'));
    const out = path.join(dataDir, 'mau');
    let url = '';
    let drop = async () => {};
    let run: ReturnType<typeof spawnSync>;
    let files: string[] = [];
    let pdf: Converted;
    let csv: Converted;

    beforeAll(async () => {
      if (kind === 'sqlite') url = `file:${path.join(dataDir, 'chung-suc.sqlite')}`;
      else ({ url, drop } = await createPgDatabase());
      const db = await openDatabase(kind, kind === 'sqlite' ? url.slice(5) : url);
      await seedDemo(db);
      await seedEmulationDemo(db);
      await db.destroy();
      run = spawnSync(process.execPath, ['scripts/cli.mjs', 'documents', 'sample', '--out', out], {
        encoding: 'utf8',
        env: { ...process.env, CLI_FROM_SOURCE: '1', DATABASE_URL: url, DATA_DIR: dataDir, SEED_DEMO: 'false' },
        timeout: 240_000
      });
      files = run.status === 0 ? readdirSync(out).sort() : [];
      const docx = Object.fromEntries(
        files.filter((f) => f.endsWith('.docx')).map((f) => [f, readFileSync(path.join(out, f))])
      );
      pdf = await convert(docx);
      csv = await convert(
        { 'bao-cao-phu-luc.xlsx': readFileSync(path.join(out, 'bao-cao-phu-luc.xlsx')) },
        'csv:Text - txt - csv (StarCalc):44,34,76'
      );
    }, 600_000);
    afterAll(async () => {
      pdf?.cleanup();
      csv?.cleanup();
      await drop();
    });

    it('exits 0 and prints every file it wrote', () => {
      expect(run.stderr).not.toMatch(/Error/);
      expect(run.status).toBe(0);
      expect(files).toEqual(expect.arrayContaining(EXPECTED));
      const printed = String(run.stdout)
        .trim()
        .split('\n')
        .map((l) => path.basename(l));
      expect(printed.sort()).toEqual(files);
    });

    it('writes .docx files that LibreOffice opens, each in the Decree-30 form', async () => {
      for (const f of files.filter((x) => x.endsWith('.docx'))) {
        const text = await pdfText(pdf.out(f));
        expect(text, f).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
        expect(text, f).toContain('Độc lập - Tự do - Hạnh phúc');
      }
      const report = await pdfText(pdf.out('bao-cao.docx'));
      expect(report).toMatch(/Số: …\/BC-/);
      expect(report).toContain('Tổng số tiền xử phạt');
    });

    it('writes the annex that LibreOffice reads back, with the outcome and group rows', () => {
      const text = readFileSync(path.join(csv.dir, 'out', 'bao-cao-phu-luc.csv'), 'utf8');
      expect(text).toContain('PHỤ LỤC I');
      for (const name of [
        'Số buổi tuyên truyền',
        'Trong đó: lượt phụ nữ nghe tuyên truyền',
        'Trong đó: lượt người dân tộc thiểu số nghe tuyên truyền',
        'Số vụ vi phạm bị xử phạt',
        'Tổng số tiền xử phạt'
      ])
        expect(text).toContain(name);
    });
  });
}
