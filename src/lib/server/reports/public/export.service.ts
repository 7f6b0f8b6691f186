/**
 * Exports: CSV and XLSX of the reports in an officer's scope (same filters as the lists) and
 * GeoJSON of published reports. Never identities or reporter contact; confidential and
 * anonymous reports only carry their ~500 m grid position, never the exact one.
 */
import { publicStateOf } from '$lib/shared/reports/public-status';
import { publicStatusLabel } from '$lib/shared/reports/public-status-label';
import ExcelJS from 'exceljs';
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { requireAction } from '$lib/server/access/access';
import { todayVn } from '$lib/shared/format';
import { addTableSheet, day, dayOf, textValue, type SheetValue } from '$lib/server/xlsx/cells';
import { roundToGrid } from '$lib/shared/reports/geo';
import { vi } from '$lib/server/i18n';
import * as repo from './public.repository';
import { toFilter } from './public.service';
import type { ReportQuery } from './public.schema';
import { csvField } from '$lib/server/csv';

export const EXPORT_LIMIT = 10_000;

/** Exports are in Vietnamese whatever the page language (they go into official files). */

const COLUMNS = [
  'rp_col_code',
  'rp_col_created',
  'rp_col_observed',
  'rp_col_channel',
  'rp_col_group',
  'rp_col_category',
  'rp_col_status',
  'rp_col_urgent',
  'rp_col_protection',
  'rp_col_commune',
  'rp_col_agency',
  'rp_col_deadline',
  'rp_col_lat',
  'rp_col_lon',
  'rp_col_place',
  'rp_col_description',
  'rp_col_outcome',
  'rp_col_public'
] as const;

type Cell = SheetValue;

/** Only a named reporter's report keeps its exact point and place text. */
function position(r: repo.ScopedRow): { lat: number | null; lon: number | null; place: string } {
  if (r.protection === 'named') return { lat: r.lat, lon: r.lon, place: r.location_text ?? '' };
  if (r.lat === null || r.lon === null) return { lat: null, lon: null, place: '' };
  return { ...roundToGrid(r.lat, r.lon), place: '' };
}

function row(r: repo.ScopedRow): Cell[] {
  const p = position(r);
  return [
    r.id.slice(0, 8),
    dayOf(r.created_at),
    day(r.observed_on),
    vi(`reports_channel_${r.channel}`),
    r.group_vi,
    r.category_vi,
    vi(`reports_status_${r.status}`),
    r.urgent ? vi('rp_yes') : vi('rp_no'),
    vi(`reports_protection_${r.protection}`),
    r.commune_name ?? '',
    r.agency_name ?? '',
    day(r.deadline_on),
    p.lat,
    p.lon,
    p.place,
    r.description,
    r.outcome_kind ? vi(`reports_outcome_${r.outcome_kind}`) : '',
    r.is_public ? vi('rp_yes') : vi('rp_no')
  ];
}

async function scopedRows(db: Db, actor: Actor, query: ReportQuery) {
  requireAction(actor, 'report.export');
  return repo.listInScope(db, actor, toFilter(query), EXPORT_LIMIT);
}

const csvCell = (v: Cell) => csvField(textValue(v), typeof v === 'number');

/** UTF-8 with a BOM so Excel opens the Vietnamese text correctly; CRLF per RFC 4180. */
export async function exportCsv(db: Db, actor: Actor, query: ReportQuery): Promise<string> {
  const rows = await scopedRows(db, actor, query);
  const lines = [COLUMNS.map((k) => vi(k)), ...rows.map(row)].map((cells) => cells.map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export async function exportXlsx(db: Db, actor: Actor, query: ReportQuery): Promise<Buffer> {
  const rows = await scopedRows(db, actor, query);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chung Sức';
  addTableSheet(wb, {
    sheet: vi('rp_sheet_name'),
    header: COLUMNS.map((k) => vi(k)),
    rows: rows.map(row),
    widths: { 15: 60 }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Published reports as GeoJSON points (RFC 7946: [longitude, latitude]). */
export async function exportPublicGeoJson(db: Db, query: ReportQuery) {
  const rows = await repo.listPublic(db, toFilter(query), EXPORT_LIMIT);
  return {
    type: 'FeatureCollection' as const,
    features: rows
      .filter((r) => r.public_lat !== null && r.public_lon !== null)
      .map((r) => ({
        type: 'Feature' as const,
        id: r.id,
        geometry: { type: 'Point' as const, coordinates: [r.public_lon, r.public_lat] },
        properties: {
          id: r.id,
          category_code: r.category_code,
          category: r.category_vi,
          group: r.group_vi,
          // A machine code for programs, the public state and its words for people (one source).
          status: r.status,
          public_status: publicStateOf(r.status),
          status_label: publicStatusLabel(r.status, 'vi'),
          created_on: todayVn(new Date(r.created_at)),
          observed_on: r.observed_on,
          commune: r.commune_name,
          description: r.description
        }
      }))
  };
}
