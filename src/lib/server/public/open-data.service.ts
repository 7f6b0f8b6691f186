/**
 * Open data: the published reports as CSV and XLSX for anyone, with the same public filters as
 * the list. Only public-safe columns: the ~500 m grid position already computed at
 * publication, never the exact point, the reporter, an identity or an internal note.
 * CSV cells that a spreadsheet would run as a formula are defused (a leading apostrophe).
 */
import ExcelJS from 'exceljs';
import type { Db } from '$lib/server/db';
import { addTableSheet, day, dayOf, textValue, type SheetValue } from '$lib/server/xlsx/cells';
import { listPublic } from '$lib/server/reports/public/public.repository';
import { toFilter } from '$lib/server/reports/public/public.service';
import type { ReportQuery } from '$lib/server/reports/public/public.schema';
import * as m from '$lib/paraglide/messages';
import { publicStatusLabel } from '$lib/shared/reports/public-status-label';

export const OPEN_DATA_LIMIT = 10_000;

/** Column keys, in order; also what the data dictionary page explains. */
export const OPEN_DATA_COLUMNS = [
  'id',
  'created',
  'observed',
  'group',
  'category',
  'status',
  'commune',
  'agency',
  'lat',
  'lon',
  'description'
] as const;

const HEADERS: Record<(typeof OPEN_DATA_COLUMNS)[number], () => string> = {
  id: m.pub_col_id,
  created: m.pub_col_created,
  observed: m.pub_col_observed,
  group: m.pub_col_group,
  category: m.pub_col_category,
  status: m.pub_col_status,
  commune: m.pub_col_commune,
  agency: m.pub_col_agency,
  lat: m.pub_col_lat,
  lon: m.pub_col_lon,
  description: m.pub_col_description
};

async function rows(db: Db, query: ReportQuery): Promise<SheetValue[][]> {
  const found = await listPublic(db, toFilter(query), OPEN_DATA_LIMIT);
  return found.map((r) => [
    r.id,
    dayOf(r.created_at),
    day(r.observed_on),
    r.group_vi,
    r.category_vi,
    // The same four public words as the list, not the officers' step names.
    publicStatusLabel(r.status),
    r.commune_name,
    r.agency_name,
    r.public_lat,
    r.public_lon,
    r.description
  ]);
}

const header = () => OPEN_DATA_COLUMNS.map((c) => HEADERS[c]());

/** A text cell a spreadsheet would evaluate (=, +, -, @, tab, CR) starts with an apostrophe. */
export function csvCell(v: SheetValue): string {
  let s = textValue(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a BOM so Excel opens the Vietnamese text correctly; CRLF per RFC 4180. */
export async function openDataCsv(db: Db, query: ReportQuery): Promise<string> {
  const lines = [header(), ...(await rows(db, query))].map((cells) => cells.map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export async function openDataXlsx(db: Db, query: ReportQuery): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chung Sức';
  addTableSheet(wb, {
    sheet: m.pub_sheet_name(),
    header: header(),
    rows: await rows(db, query),
    widths: { 0: 38, 10: 60 }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
