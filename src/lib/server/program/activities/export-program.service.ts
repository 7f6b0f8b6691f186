/**
 * Activities and commitments as CSV and XLSX, in the actor's scope and with the list's current
 * filters. Always in Vietnamese whatever the page language: these go into official files.
 */
import { contentDisposition } from '$lib/server/http/disposition';
import ExcelJS from 'exceljs';
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { addTableSheet, day, textValue, type SheetValue } from '$lib/server/xlsx/cells';
import { vi } from '$lib/server/i18n';
import { findActivities } from './activity-page.service';
import { findCommitments } from '../commitments/commitment-page.service';
import type { ActivityQuery } from './activity-filter';
import type { CommitmentQuery } from '../commitments/commitment-filter';
import { csvField } from '$lib/server/csv';

export const EXPORT_LIMIT = 10_000;

type Cell = SheetValue;
export interface Table {
  sheet: string;
  header: string[];
  rows: Cell[][];
}

const ACTIVITY_COLUMNS = [
  'pa_col_date',
  'pa_col_end',
  'pa_col_kind',
  'pa_col_mode',
  'pa_col_organisation',
  'pa_col_place',
  'pa_col_topics',
  'pa_col_total',
  'pa_col_elderly',
  'pa_col_women',
  'pa_col_ethnic',
  'pa_col_audiences',
  'pa_col_partners',
  'pa_col_materials',
  'pa_col_ntm',
  'pa_col_notes'
];

export async function activityTable(db: Db, actor: Actor, f: ActivityQuery): Promise<Table> {
  const rows = await findActivities(db, actor, f, EXPORT_LIMIT, 0);
  return {
    sheet: vi('pa_sheet_activities'),
    header: ACTIVITY_COLUMNS.map((k) => vi(k)),
    rows: rows.map((r) => [
      day(r.started_on),
      day(r.ended_on),
      vi(`program_kind_${r.kind}`),
      r.outreach_mode ? vi(`program_mode_${r.outreach_mode}`) : '',
      r.organisation_name,
      r.unit_name,
      r.topics.join('; '),
      r.count_total,
      r.count_elderly,
      r.count_women,
      r.count_ethnic_minority,
      r.audiences.map((a) => vi(`program_audience_${a}`)).join('; '),
      r.partners ?? '',
      r.materials ?? '',
      r.ntm_criterion ? vi(`pa_ntm_${r.ntm_criterion.replace(/[-:]/g, '_')}`) : '',
      r.notes ?? ''
    ])
  };
}

const COMMITMENT_COLUMNS = [
  'pa_col_date',
  'pa_col_commitment_kind',
  'pa_col_party',
  'pa_col_signer',
  'pa_col_village',
  'pa_col_organisation',
  'pa_col_notes'
];

export async function commitmentTable(db: Db, actor: Actor, f: CommitmentQuery): Promise<Table> {
  const rows = await findCommitments(db, actor, f, EXPORT_LIMIT, 0);
  return {
    sheet: vi('pa_sheet_commitments'),
    header: COMMITMENT_COLUMNS.map((k) => vi(k)),
    rows: rows.map((r) => [
      day(r.signed_on),
      r.kind_name,
      vi(`program_party_${r.party}`),
      (r.party === 'household' ? r.household_name : r.person_name) ?? '',
      r.village_name,
      r.organisation_name,
      r.notes ?? ''
    ])
  };
}

const csvCell = (v: Cell) => csvField(textValue(v), typeof v === 'number');

/** UTF-8 with a BOM so Excel opens the Vietnamese text correctly; CRLF per RFC 4180. */
export function toCsv(t: Table): string {
  return '\uFEFF' + [t.header, ...t.rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export async function toXlsx(t: Table): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chung Sức';
  addTableSheet(wb, { sheet: t.sheet, header: t.header, rows: t.rows, defaultWidth: 20 });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The HTTP response for a download; `name` without extension. */
export async function download(t: Table, format: 'csv' | 'xlsx', name: string): Promise<Response> {
  const body = format === 'csv' ? toCsv(t) : new Uint8Array(await toXlsx(t));
  const type =
    format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return new Response(body, {
    headers: {
      'content-type': type,
      'content-disposition': contentDisposition(`${name}.${format}`),
      'cache-control': 'private, no-store'
    }
  });
}
