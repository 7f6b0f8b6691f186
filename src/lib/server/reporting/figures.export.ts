/** A report's figures as a spreadsheet and as CSV (UTF-8 with BOM, so Excel reads Vietnamese). */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { renderAnnex } from '$lib/server/documents';
import { contentOf, reportAnnex } from './report.document';
import { reportView } from './report.service';

const quote = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export async function figuresCsv(db: Db, actor: Actor, id: string): Promise<string> {
  const view = await reportView(db, actor, id);
  const f = view.frozen ?? view.live;
  const lines = [['ma', 'chi_tieu', 'don_vi_tinh', 'ket_qua', 'ke_hoach_nam', 'ty_le_phan_tram']];
  for (const x of f.figures)
    lines.push([x.code, x.name, x.unit, String(x.value), String(x.target ?? ''), String(x.percent ?? '')]);
  return '\uFEFF' + lines.map((l) => l.map(quote).join(',')).join('\r\n') + '\r\n';
}

export async function figuresXlsx(db: Db, actor: Actor, id: string): Promise<Buffer> {
  const view = await reportView(db, actor, id);
  return renderAnnex(reportAnnex(contentOf(view), view.report.organisation.name));
}
