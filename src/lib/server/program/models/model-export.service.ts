/** XLSX and CSV of the models in scope (same filters as the list), in Vietnamese. */
import ExcelJS from 'exceljs';
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { addTableSheet, day, textValue, type SheetValue } from '$lib/server/xlsx/cells';
import { vi } from '$lib/server/i18n';
import { EXPORT_LIMIT, listModelsIn } from './model-list.service';
import type { ModelFilter, ModelListRow } from './model-list.repository';
import { csvField } from '$lib/server/csv';

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

type Cell = SheetValue;

function row(r: ModelListRow): Cell[] {
  return [
    r.name,
    vi(`pp_model_kind_${r.kind}`),
    vi(`program_status_${r.status}`),
    r.organisation_name,
    r.parent_unit_name && r.unit_level === 'village' ? `${r.unit_name}, ${r.parent_unit_name}` : r.unit_name,
    day(r.started_on),
    day(r.ended_on),
    r.people_involved,
    r.recognised_by ?? '',
    day(r.recognised_on),
    r.replicated_from_name ?? '',
    r.evidence ?? ''
  ];
}

const csvCell = (v: Cell) => csvField(textValue(v), typeof v === 'number');

/** UTF-8 with a BOM so Excel reads the Vietnamese text; CRLF line ends (RFC 4180). */
export async function exportModelsCsv(db: Db, actor: Actor, f: ModelFilter): Promise<string> {
  const rows = await listModelsIn(db, actor, f, EXPORT_LIMIT);
  const lines = [MODEL_COLUMNS.map((k) => vi(k)), ...rows.map(row)].map((cells) => cells.map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export async function exportModelsXlsx(db: Db, actor: Actor, f: ModelFilter): Promise<Buffer> {
  const rows = await listModelsIn(db, actor, f, EXPORT_LIMIT);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chung Sức';
  addTableSheet(wb, {
    sheet: vi('pp_models_sheet'),
    header: MODEL_COLUMNS.map((k) => vi(k)),
    rows: rows.map(row),
    widths: { 0: 40, 11: 40 }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
