/** XLSX and CSV of the models in scope (same filters as the list), in Vietnamese. */
import ExcelJS from 'exceljs';
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { formatDate } from '$lib/shared/format';
import * as m from '$lib/paraglide/messages';
import { EXPORT_LIMIT, listModelsIn } from './model-list.service';
import type { ModelFilter, ModelListRow } from './model-list.repository';

const FONT = 'Times New Roman';
type Msg = (inputs: object, options: { locale: 'vi' }) => string;
const vi = (key: string): string =>
  (m as unknown as Record<string, Msg | undefined>)[key]?.({}, { locale: 'vi' }) ?? key;

export const MODEL_COLUMNS = [
  'pp_model_name',
  'pp_model_kind',
  'pp_model_status',
  'pp_model_org',
  'pp_model_place',
  'pp_model_started',
  'pp_model_ended',
  'pp_model_people',
  'pp_model_recognised_by',
  'pp_model_recognised_on',
  'pp_model_origin',
  'pp_model_evidence'
] as const;

type Cell = string | number | null;

function row(r: ModelListRow): Cell[] {
  return [
    r.name,
    vi(`pp_model_kind_${r.kind}`),
    vi(`program_status_${r.status}`),
    r.organisation_name,
    r.parent_unit_name && r.unit_level === 'village' ? `${r.unit_name}, ${r.parent_unit_name}` : r.unit_name,
    formatDate(r.started_on),
    formatDate(r.ended_on),
    r.people_involved,
    r.recognised_by ?? '',
    formatDate(r.recognised_on),
    r.replicated_from_name ?? '',
    r.evidence ?? ''
  ];
}

const csvCell = (v: Cell) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** UTF-8 with a BOM so Excel reads the Vietnamese text; CRLF line ends (RFC 4180). */
export async function exportModelsCsv(db: Db, actor: Actor, f: ModelFilter): Promise<string> {
  const rows = await listModelsIn(db, actor, f, EXPORT_LIMIT);
  const lines = [MODEL_COLUMNS.map(vi), ...rows.map(row)].map((cells) => cells.map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export async function exportModelsXlsx(db: Db, actor: Actor, f: ModelFilter): Promise<Buffer> {
  const rows = await listModelsIn(db, actor, f, EXPORT_LIMIT);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chung Sức';
  const ws = wb.addWorksheet(vi('pp_models_sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(MODEL_COLUMNS.map(vi));
  for (const r of rows) ws.addRow(row(r));
  ws.eachRow((excelRow, n) => {
    excelRow.font = { name: FONT, size: 12, bold: n === 1 };
  });
  ws.columns.forEach((c, i) => (c.width = i === 0 || i === 11 ? 40 : 18));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
