/** Model exports: only models in scope, Vietnamese headers, XLSX readable by exceljs, CSV with a BOM. */
import { beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { forEachDb } from '../support/db';
import { actorFor, seedDemo } from '../support/demo';
import { exportModelsCsv, exportModelsXlsx } from '../../src/lib/server/program/models/model-export.service';
import { parseModelQuery } from '../../src/lib/server/program/models/model-list.schema';

async function readXlsx(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws.eachRow((r) =>
    rows.push(
      (r.values as unknown[])
        .slice(1)
        .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v)))
    )
  );
  return rows;
}

forEachDb('model exports', (ctx) => {
  beforeAll(async () => {
    await seedDemo(ctx.db);
  });

  it('the province sees every model; Bình Lư only its own, without the Đoàn Kết original', async () => {
    const all = await readXlsx(await exportModelsXlsx(ctx.db, await actorFor(ctx.db, 'canbo.tinh'), {}));
    expect(all[0].slice(0, 3)).toEqual(['Tên mô hình', 'Loại mô hình', 'Tình trạng']);
    expect(all).toHaveLength(6);
    const replica = all.find((r) => r[0] === 'Tổ người cao tuổi giữ sạch suối Bản Mẫu Ba')!;
    expect(replica[1]).toBe('Giữ sạch suối, nguồn nước');
    expect(replica[4]).toBe('Bản Mẫu Ba (demo), Xã Bình Lư');
    expect(replica[5]).toBe('2026-04-05'); // a real Excel date, shown dd/mm/yyyy
    expect(replica[10]).toBe('Tổ người cao tuổi tự quản giữ sạch suối Nậm Lọong');

    const theirs = await readXlsx(await exportModelsXlsx(ctx.db, await actorFor(ctx.db, 'canbo.binhlu'), {}));
    expect(
      theirs
        .slice(1)
        .map((r) => r[0])
        .sort()
    ).toEqual(['Tổ người cao tuổi giữ sạch suối Bản Mẫu Ba', 'Điểm thu gom vỏ bao bì thuốc bảo vệ thực vật']);
    expect(theirs.find((r) => r[0].includes('Bản Mẫu Ba'))![10]).toBe('');
  });

  it('CSV keeps the list filters, starts with a BOM and quotes what needs quoting', async () => {
    const csv = await exportModelsCsv(
      ctx.db,
      await actorFor(ctx.db, 'canbo.tinh'),
      parseModelQuery(new URLSearchParams('status=paused'))
    );
    expect(csv.startsWith('\uFEFFTên mô hình,')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Điểm thu gom vỏ bao bì thuốc bảo vệ thực vật,Điểm thu gom rác, bao bì'.split(',')[0]);
    expect(lines[1]).toContain('"Điểm thu gom rác, bao bì"');
    expect(lines[1]).toContain('"Ảnh bể chứa; sổ ghi chép thu gom."');
  });

  it('anonymous visitors get nothing', async () => {
    await expect(
      exportModelsCsv(ctx.db, { kind: 'anonymous', accountId: null, name: 'anonymous', grants: [] }, {})
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
