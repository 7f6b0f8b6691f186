/**
 * Real member lists: the shapes commune offices bring (title rows, merged two-row headers,
 * footers, numeric phones, decomposed Unicode, dates in many forms, unknown villages, wrong
 * rows, people already recorded) import the good rows and explain every other one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { forEachDb } from '../support/db';
import { officeMemberList, type ListRow } from '../support/member-list';
import { actorFor, orgId, seedDemo, BRANCH_1 } from './people-support';
import type { Actor } from '../../src/lib/server/access/actor';
import { readSheet } from '../../src/lib/server/people/import/xlsx';
import { guessMapping } from '../../src/lib/server/people/import/mapping';
import { parseBirthYear, parseLooseDate } from '../../src/lib/server/people/import/dates';
import { importPhone, type ImportedRow } from '../../src/lib/server/people/import/rows';
import { writeRows } from '../../src/lib/server/people/import/commit';
import {
  badRows,
  confirmImport,
  openUpload,
  previewImport,
  saveMapping,
  saveVillageDecisions,
  uploadMemberList
} from '../../src/lib/server/people/import.service';

describe('reading what people type', () => {
  it.each([
    ['05/03/2015', '2015-03-05'],
    ['5/3/2015', '2015-03-05'],
    ['05-03-2015', '2015-03-05'],
    ['5.3.2015', '2015-03-05'],
    ['2015-03-05', '2015-03-05'],
    ['05032015', '2015-03-05'],
    ['05/03/15', '2015-03-05'],
    ['ngày 5 tháng 3 năm 2015', '2015-03-05'],
    ['tháng 3/2015', '2015-03-01'],
    ['03/2015', '2015-03-01'],
    ['2015', '2015-01-01'],
    ['42068', '2015-03-05'], // a date cell that lost its format shows Excel's day number
    ['31/02/2015', null],
    ['hôm kia', null]
  ])('date %s → %s', (input, expected) => {
    expect(parseLooseDate(input, 2026)).toBe(expected);
  });

  it.each([
    ['1955', 1955],
    ['12/04/1955', 1955],
    ['55', 1955],
    ['2030', null],
    ['năm 55', null]
  ])('birth year %s → %s', (input, expected) => {
    expect(parseBirthYear(input, 2026)).toBe(expected);
  });

  it.each([
    ['912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['12345', null]
  ])('phone %s → %s', (input, expected) => {
    expect(importPhone(input)).toBe(expected);
  });
});

describe('finding the table in an office file', () => {
  it.each([
    ['a merged two-row header', true],
    ['a one-row header', false]
  ])('%s: header found, column numbers and footer skipped, NFC texts', async (_name, twoRowHeader) => {
    const sheet = await readSheet(
      await officeMemberList([{ name: 'Lò Thị Ánh', born: 1950, village: 'Bản Mẫu Một', joined: '01/02/2010' }], {
        twoRowHeader
      })
    );
    const mapping = guessMapping(sheet.headers);
    expect(mapping).toMatchObject({
      full_name: 1,
      birth_year: 2,
      sex: 3,
      village: 4,
      phone: 5,
      card_number: 6,
      joined_on: 7
    });
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0].cells[1]).toBe('Lò Thị Ánh'.normalize('NFC'));
    expect(sheet.rows[0].cells[1]).not.toBe('Lò Thị Ánh'.normalize('NFD'));
    expect(sheet.footerRow).toBe(sheet.rows[0].rowNumber + 2);
  });
});

forEachDb('importing a real member list', (ctx) => {
  let officer: Actor, branch: string;
  const tag = Math.random().toString(36).slice(2, 6);
  beforeAll(async () => {
    await seedDemo(ctx.db);
    officer = await actorFor(ctx.db, 'canbo.doanket');
    branch = await orgId(ctx.db, BRANCH_1);
  });

  const upload = async (rows: ListRow[]) => {
    const id = await uploadMemberList(ctx.db, officer, {
      organisationId: branch,
      fileName: 'ds.xlsx',
      bytes: await officeMemberList(rows)
    });
    const { mapping } = await openUpload(ctx.db, officer, id);
    await saveMapping(ctx.db, officer, id, mapping);
    return id;
  };

  it('gives every row its fate, creates the chosen village, imports only the chosen rows', async () => {
    // Someone already recorded, to be listed again in the file.
    const first = await upload([
      { name: `Quàng Văn Cũ ${tag}`, born: 1948, village: 'Bản Mẫu Một', card: `C-${tag}`, joined: '2012' }
    ]);
    expect(await confirmImport(ctx.db, officer, first)).toBe(1);

    const rows: (ListRow & { fate: string })[] = [
      {
        fate: 'ok',
        name: `Lò Thị Ánh ${tag}`,
        born: 1950,
        sex: 'Nữ',
        village: 'Bản Mẫu Một',
        phone: 912345678,
        joined: new Date(Date.UTC(2015, 2, 5))
      },
      {
        fate: 'ok',
        name: `Tòng Văn Bình ${tag}`,
        born: '12/04/1955',
        sex: 'Nam',
        village: 'bản mẫu một',
        phone: '0987 654 321',
        joined: '5-3-2015'
      },
      { fate: 'new_village', name: `Lường Thị Cúc ${tag}`, born: 1960, village: 'Bản Nà Phát', joined: 'tháng 3/2015' },
      { fate: 'error', name: '', born: 1950, village: 'Bản Mẫu Một', joined: '01/01/2020' },
      {
        fate: 'error',
        name: `Lò Văn Sai ${tag}`,
        born: 1950,
        village: 'Bản Mẫu Một',
        phone: 12345,
        joined: '31/02/2015'
      },
      { fate: 'duplicate', name: `Quàng Văn Cũ ${tag}`, born: 1948, village: 'Bản Mẫu Một', joined: '2012' },
      {
        fate: 'duplicate',
        name: `Người Khác ${tag}`,
        born: 1970,
        village: 'Bản Mẫu Một',
        card: `C-${tag}`,
        joined: '2012'
      }
    ];
    const id = await upload(rows);
    let preview = await previewImport(ctx.db, officer, id);
    // Before a choice, the unknown village is listed with its rows, and its row waits.
    expect(preview.unknownVillages).toMatchObject([
      { key: 'na phat', name: 'Bản Nà Phát', rows: [preview.verdicts[2].row] }
    ]);
    expect(preview.verdicts[2].fate).toBe('error');

    await saveVillageDecisions(ctx.db, officer, id, { 'na phat': 'create' });
    preview = await previewImport(ctx.db, officer, id);
    expect(preview.verdicts.map((v) => v.fate)).toEqual(rows.map((r) => r.fate));
    expect(preview.verdicts[0].person).toMatchObject({ phone: '0912345678', joined_on: '2015-03-05', sex: 'female' });
    expect(preview.verdicts[1].person).toMatchObject({
      birth_year: 1955,
      phone: '0987654321',
      joined_on: '2015-03-05'
    });
    expect(preview.verdicts[5].duplicate).toMatchObject({ reason: 'person' });
    expect(preview.verdicts[6].duplicate).toMatchObject({ reason: 'card', name: `Quàng Văn Cũ ${tag}` });

    // All-or-nothing by default: wrong rows and unconfirmed duplicates stop the whole file.
    await expect(confirmImport(ctx.db, officer, id)).rejects.toMatchObject({ code: 'VALIDATION' });

    // The rows left out, with what is wrong beside each.
    const bad = await badRows(ctx.db, officer, id);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bad.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(1 + 4);
    const last = ws.getRow(1).cellCount;
    expect(String(ws.getRow(1).getCell(last).value)).toBe('Lỗi cần sửa');
    expect(String(ws.getRow(3).getCell(last).value)).toMatch(/Số điện thoại.*Ngày vào Hội/s);
    expect(String(ws.getRow(5).getCell(last).value)).toContain('Quàng Văn Cũ');

    const count = await confirmImport(ctx.db, officer, id, { onlyGood: true, include: [preview.verdicts[6].row] });
    expect(count).toBe(4);
    const village = await ctx.db
      .selectFrom('admin_unit')
      .selectAll()
      .where('name', '=', 'Bản Nà Phát')
      .executeTakeFirstOrThrow();
    expect(village).toMatchObject({ level: 'village', type: 'ban', valid_to: null });
    const people = await ctx.db
      .selectFrom('person')
      .innerJoin('membership', 'membership.person_id', 'person.id')
      .select(['full_name', 'village_unit_id', 'phone', 'joined_on'])
      .where('full_name', 'like', `%${tag}`)
      .orderBy('full_name')
      .execute();
    expect(people.map((p) => p.full_name).sort()).toEqual(
      [
        `Lò Thị Ánh ${tag}`,
        `Lường Thị Cúc ${tag}`,
        `Người Khác ${tag}`,
        `Quàng Văn Cũ ${tag}`,
        `Tòng Văn Bình ${tag}`
      ].sort()
    );
    expect(people.find((p) => p.full_name.startsWith('Lường'))).toMatchObject({
      village_unit_id: village.id,
      joined_on: '2015-03-01'
    });
    const audited = await ctx.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', village.id)
      .execute();
    expect(audited.map((a) => a.action)).toEqual(['unit.create']);
  });

  it('nothing half-written: a row the database refuses undoes the whole import, new village included', async () => {
    const row = (name: string, patch: Partial<ImportedRow>): ImportedRow => ({
      row: 7,
      full_name: name,
      birth_year: 1950,
      sex: null,
      village_unit_id: null,
      village_name: null,
      new_village: null,
      phone: null,
      address: null,
      card_number: null,
      joined_on: '2015-01-01',
      ...patch
    });
    const commune = await ctx.db
      .selectFrom('admin_unit')
      .select('id')
      .where('level', '=', 'commune')
      .executeTakeFirstOrThrow();
    await expect(
      writeRows(ctx.db, officer, { organisationId: branch, communeId: commune.id, note: 'test' }, [
        row(`Lò Văn Một ${tag}`, { new_village: 'Bản Nà Khoang' }),
        row(`Lò Văn Hai ${tag}`, { village_unit_id: 'no-such-village' })
      ])
    ).rejects.toThrow();
    expect(
      await ctx.db.selectFrom('person').select('id').where('full_name', 'like', `Lò Văn % ${tag}`).execute()
    ).toEqual([]);
    expect(await ctx.db.selectFrom('admin_unit').select('id').where('name', '=', 'Bản Nà Khoang').execute()).toEqual(
      []
    );
  });
});
