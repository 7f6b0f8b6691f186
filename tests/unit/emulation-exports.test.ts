/**
 * The campaign's indicators and its export, within scope: registered, evaluated and passed per
 * kind of subject with the share, awards by form; the .xlsx reads back with exceljs and
 * another commune's officer sees none of it.
 */
import { beforeAll, expect, it, vi } from 'vitest';

vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'cs-emu-x-'));
});

import ExcelJS from 'exceljs';
import { forEachDb } from '../support/db';
import { as, campaign, person, tree } from './emulation-support';
import { branchAssess, register } from '../../src/lib/server/emulation/registration.service';
import { publishResults, recordCouncil } from '../../src/lib/server/emulation/council.service';
import { decide } from '../../src/lib/server/emulation/award.service';
import { campaignIndicators } from '../../src/lib/server/emulation/indicators.service';
import { campaignTable } from '../../src/lib/server/emulation/export.service';
import { toCsv, toXlsx } from '../../src/lib/server/program/activities/export-program.service';
import { todayVn } from '../../src/lib/shared/format';

forEachDb('emulation indicators and exports', (ctx) => {
  let t: Awaited<ReturnType<typeof tree>>;
  let c: string;
  beforeAll(async () => {
    t = await tree(ctx.db, 'Chỉ tiêu');
    c = await campaign(ctx.db, t.province);
    const leader = as('branch_leader', t.branch);
    const officer = as('association_officer', t.commune);
    const ids = [];
    for (const name of ['Một', 'Hai', 'Ba', 'Bốn']) ids.push(await person(ctx.db, t.branch, `Hội viên ${name}`));
    const regs = await register(ctx.db, leader, {
      campaign_id: c,
      organisation_id: t.branch,
      subject_kind: 'person',
      person_ids: ids,
      household_name: null,
      subject_org_ids: [],
      commitments: []
    });
    for (const id of regs.slice(0, 3)) await branchAssess(ctx.db, leader, id, { score: 70, note: null });
    const members = [1, 2, 3].map((i) => ({ name: `TV ${i}`, role: null }));
    await recordCouncil(ctx.db, officer, {
      organisation_id: t.commune,
      campaign_id: c,
      meeting_on: '2025-12-01',
      members,
      members_present: 3,
      votes: regs.slice(0, 3).map((registration_id, i) => ({
        registration_id,
        award_form: 'title_commune' as const,
        in_favour: i < 2 ? 3 : 1,
        against: i < 2 ? 0 : 2,
        abstain: 0
      }))
    });
    await publishResults(ctx.db, officer, { organisation_id: t.commune, campaign_id: c, appeal_days: 0 });
    await decide(ctx.db, officer, {
      organisation_id: t.commune,
      award_form: 'title_commune',
      registration_ids: regs.slice(0, 1),
      signer_name: 'Chủ tịch'
    });
  });

  it('counts registered, evaluated and passed with the share, and awards by form', async () => {
    const ind = await campaignIndicators(ctx.db, as('association_officer', t.province), c);
    expect(ind.bySubject).toEqual([{ kind: 'person', registered: 4, evaluated: 3, passed: 2, passedShare: 50 }]);
    expect(ind.awards).toEqual([{ form: 'title_commune', count: 1 }]);
    const elsewhere = await tree(ctx.db, 'Chỉ tiêu khác');
    expect((await campaignIndicators(ctx.db, as('association_officer', elsewhere.commune), c)).bySubject).toEqual([]);
  });

  it('exports one row per registration with its result and award, readable as .xlsx', async () => {
    const table = await campaignTable(ctx.db, as('association_officer', t.commune), c);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(table)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(5);
    const rows = ws
      .getSheetValues()
      .slice(2)
      .map((r) => (r as ExcelJS.CellValue[]).slice(1));
    const awarded = rows.filter((r) => r[7] === 'Danh hiệu “Tuổi cao – Gương sáng” cấp xã');
    expect(awarded).toHaveLength(1);
    expect(awarded[0][8]).toMatch(/\/QĐ-/);
    expect(rows.filter((r) => r[4] === 'Không đạt')).toHaveLength(1);
    expect(awarded[0][9]).toBeInstanceOf(Date);
  });

  it('writes the decision date as dd/mm/yyyy in the CSV, as the other CSVs do', async () => {
    const csv = toCsv(await campaignTable(ctx.db, as('association_officer', t.commune), c));
    const line = csv.split('\r\n').find((l) => l.includes('/QĐ-'));
    const [y, mo, d] = todayVn().split('-');
    expect(line).toContain(`,${d}/${mo}/${y},`);
    expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
