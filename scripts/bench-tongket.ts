/**
 * Report bench: the province's 5-year tổng kết (2021–2025) as .docx + annex on the synthetic
 * province (goal ≤ 2 s). Run: node --import tsx scripts/bench-tongket.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '$lib/server/db';
import { buildBenchProvince } from '../tests/support/program/bench-data';
import { reportDocuments } from '$lib/server/reporting/sample.service';
import { rangePeriod } from '$lib/shared/reporting/periods';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-bench-tk-'));
const db = await openDatabase('sqlite', path.join(dir, 'bench.sqlite'));
try {
  const p = await buildBenchProvince(db);
  const period = rangePeriod('2021-01-01', '2025-12-31');
  await reportDocuments(db, p.provinceOrg, 'Hội Người cao tuổi tỉnh', 'final', period); // warm-up
  const t0 = performance.now();
  const out = await reportDocuments(db, p.provinceOrg, 'Hội Người cao tuổi tỉnh', 'final', period);
  const ms = performance.now() - t0;
  console.log(
    `5-year tổng kết of the synthetic province (.docx ${Math.round(out.docx.length / 1024)} KB + annex): ${ms.toFixed(0)} ms (goal ≤ 2000 ms)`
  );
} finally {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}
