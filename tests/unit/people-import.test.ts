import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo, BRANCH_1 } from './people-support';
import type { Actor } from '../../src/lib/server/access/actor';
import { readSheet } from '../../src/lib/server/people/import/xlsx';
import { guessMapping, mappingErrors, mappingFromForm, type Mapping } from '../../src/lib/server/people/import/mapping';
import { validateRows } from '../../src/lib/server/people/import/rows';
import { problemMessage } from '../../src/lib/server/people/import/labels';
import {
  confirmImport,
  openUpload,
  previewImport,
  saveMapping,
  uploadMemberList
} from '../../src/lib/server/people/import.service';

const HEADER = [
  'STT',
  'Họ và tên',
  'Năm sinh',
  'Giới tính',
  'Thôn/bản',
  'Số điện thoại',
  'Số thẻ hội viên',
  'Ngày vào hội'
];

/** An .xlsx like a commune office keeps: a title line, the header, then members. */
async function workbook(rows: unknown[][], header = HEADER, title = true): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách hội viên');
  if (title) ws.addRow(['DANH SÁCH HỘI VIÊN CHI HỘI']);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const good = (n: number, card = `IMP-${n}-${Math.random().toString(36).slice(2, 7)}`) => [
  n,
  `Người Nhập ${n}`,
  1950 + n,
  n % 2 ? 'Nam' : 'Nữ',
  'Bản Mẫu Một',
  `+84 91 234 56${String(n).padStart(2, '0')}`,
  card,
  new Date(Date.UTC(2015, 2, n))
];

describe('reading and mapping a sheet', () => {
  it('finds the header under a title line and keeps Excel row numbers', async () => {
    const sheet = await readSheet(await workbook([good(1), [], good(2)]));
    expect(sheet.headerRow).toBe(2);
    expect(sheet.headers).toEqual(HEADER);
    expect(sheet.rows.map((r) => r.rowNumber)).toEqual([3, 5]);
    expect(sheet.rows[0].cells[7]).toBe('01/03/2015');
  });

  it.each([
    [
      HEADER,
      { full_name: 1, birth_year: 2, sex: 3, village: 4, phone: 5, card_number: 6, joined_on: 7, address: null }
    ],
    [
      ['HỌ TÊN', 'SĐT', 'Ngày kết nạp', 'Địa chỉ', 'Thôn'],
      { full_name: 0, phone: 1, joined_on: 2, address: 3, village: 4, birth_year: null, sex: null, card_number: null }
    ],
    [
      ['Name', 'Card number', 'Date joined', 'Gender'],
      { full_name: 0, card_number: 1, joined_on: 2, sex: 3, village: null }
    ]
  ])('guesses the mapping of %j', (headers, expected) => {
    expect(guessMapping(headers)).toMatchObject(expected);
  });

  it('reports unmapped required fields and columns used twice', () => {
    const m = mappingFromForm({ map_full_name: '1', map_phone: '1', map_sex: '99' }, 8);
    expect(m.sex).toBeNull();
    expect(mappingErrors(m)).toEqual({ phone: 'duplicate', joined_on: 'required' });
  });
});

describe('row validation', () => {
  const villages = [{ id: 'v1', name: 'Bản Mẫu Một (demo)' }];
  const mapping = guessMapping(HEADER) as Mapping;
  const ctx = {
    villages,
    villageDecisions: {},
    takenCards: new Map([['LC-0001', 'Lò Văn Có']]),
    existing: [],
    currentYear: 2026
  };
  const row = (patch: Record<number, unknown>) =>
    Object.assign([1, 'Lò Thị A', 1955, 'Nữ', 'bản mẫu một', '0912345678', '', '01/02/2010'], patch);

  it.each([
    ['missing name', { 1: '' }, 'full_name', 'err_required'],
    ['bad birth year', { 2: 'năm 55' }, 'birth_year', 'err_year'],
    ['unknown sex', { 3: 'Ông' }, 'sex', 'people_import_err_sex'],
    [
      'village not in the registry, no choice made yet',
      { 4: 'Bản Xa Lắc' },
      'village',
      'shell_import_err_village_undecided'
    ],
    ['bad phone', { 5: '12345' }, 'phone', 'err_phone'],
    ['no join date', { 7: '' }, 'joined_on', 'err_required'],
    ['a join date that is no date', { 7: 'hồi đó' }, 'joined_on', 'err_date']
  ])('%s', async (_name, patch, field, key) => {
    const sheet = await readSheet(await workbook([row(patch)]));
    const { problems } = validateRows(sheet, mapping, ctx);
    expect(problems).toEqual([{ row: 3, field, key }]);
  });

  // A typed date the calendar lacks is named on its line, as the officer will read it in the preview.
  it.each([
    ['31/02/2010', 'dates_err_not_in_calendar', 'Dòng 3, cột “Ngày vào hội”: Ngày 31/02/2010 không có trong lịch'],
    ['29.2.23', 'dates_err_not_in_calendar', 'tháng 02/2023 không có ngày 29'],
    ['2010-04-31', 'dates_err_not_in_calendar', 'Ngày 31/04/2010 không có trong lịch'],
    ['5/13/2010', 'dates_err_month', 'Dòng 3, cột “Ngày vào hội”: Không có tháng 13'],
    ['13/2010', 'dates_err_month', 'Không có tháng 13'],
    ['32/01/2010', 'dates_err_day', 'Dòng 3, cột “Ngày vào hội”: Không có ngày 32'],
    ['ngày 00 tháng 5 năm 2010', 'dates_err_day', 'Không có ngày 00'],
    ['01/02/1850', 'err_date', 'Ngày phải theo dạng ngày/tháng/năm']
  ])('a join date typed %j is refused on its line as %s', async (typed, key, text) => {
    const sheet = await readSheet(await workbook([row({ 7: typed })]));
    const { problems } = validateRows(sheet, mapping, ctx);
    expect(problems.map((p) => [p.row, p.field, p.key])).toEqual([[3, 'joined_on', key]]);
    expect(problemMessage(problems[0], sheet.headers, mapping)).toContain(text);
  });

  it('accepts a good row, folding village names, sex and phone', async () => {
    const sheet = await readSheet(await workbook([row({})]));
    const { rows, problems } = validateRows(sheet, mapping, ctx);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({
      row: 3,
      full_name: 'Lò Thị A',
      birth_year: 1955,
      sex: 'female',
      village_unit_id: 'v1',
      phone: '0912345678',
      joined_on: '2010-02-01'
    });
  });

  it('a card number already held is a possible duplicate, not an error', async () => {
    const sheet = await readSheet(await workbook([row({ 6: 'LC-0001' })]));
    const { verdicts, problems } = validateRows(sheet, mapping, ctx);
    expect(problems).toEqual([]);
    expect(verdicts[0]).toMatchObject({ fate: 'duplicate', duplicate: { reason: 'card', name: 'Lò Văn Có' } });
  });

  it('flags a card number repeated inside the file', async () => {
    const sheet = await readSheet(await workbook([row({ 6: 'X-1' }), row({ 6: 'X-1' })]));
    expect(validateRows(sheet, mapping, ctx).problems).toEqual([
      { row: 4, field: 'card_number', key: 'people_err_card_taken' }
    ]);
  });
});

forEachDb('member list import', (ctx) => {
  let officer: Actor, other: Actor, branch: string;
  beforeAll(async () => {
    await seedDemo(ctx.db);
    officer = await actorFor(ctx.db, 'canbo.doanket');
    other = await actorFor(ctx.db, 'canbo.binhlu');
    branch = await orgId(ctx.db, BRANCH_1);
  });
  const count = async () =>
    Number(
      (
        await ctx.db
          .selectFrom('person')
          .select(({ fn }) => fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n
    );
  const upload = async (rows: unknown[][]) => {
    const id = await uploadMemberList(ctx.db, officer, {
      organisationId: branch,
      fileName: 'ds.xlsx',
      bytes: await workbook(rows)
    });
    const { mapping } = await openUpload(ctx.db, officer, id);
    await saveMapping(ctx.db, officer, id, mapping);
    return id;
  };

  it('refuses a mapping per field with catalogue keys: a required field left out, a column used twice', async () => {
    const id = await uploadMemberList(ctx.db, officer, {
      organisationId: branch,
      fileName: 'ds.xlsx',
      bytes: await workbook([good(1)])
    });
    const { mapping } = await openUpload(ctx.db, officer, id);
    const bad: Mapping = { ...mapping, full_name: null, phone: mapping.birth_year };
    await expect(saveMapping(ctx.db, officer, id, bad)).rejects.toMatchObject({
      code: 'VALIDATION',
      details: {
        fields: {
          map_full_name: 'people_import_err_mapping_required',
          map_phone: 'people_import_err_mapping_duplicate'
        }
      }
    });
  });

  it('imports nothing when one row is bad, listing the row', async () => {
    const before = await count();
    const id = await upload([good(1), good(2), [3, 'Người Lỗi', 1950, 'Nam', 'Bản Mẫu Một', '123', '', '01/01/2020']]);
    const preview = await previewImport(ctx.db, officer, id);
    expect(preview.problems).toEqual([{ row: 5, field: 'phone', key: 'err_phone' }]);
    await expect(confirmImport(ctx.db, officer, id)).rejects.toMatchObject({
      code: 'VALIDATION',
      problems: [{ row: 5 }]
    });
    expect(await count()).toBe(before);
  });

  it('imports every row with memberships in one go', async () => {
    const before = await count();
    const id = await upload([good(3), good(4), good(5)]);
    expect(await confirmImport(ctx.db, officer, id)).toBe(3);
    expect(await count()).toBe(before + 3);
    const p = await ctx.db
      .selectFrom('person')
      .innerJoin('membership', 'membership.person_id', 'person.id')
      .selectAll()
      .where('full_name', '=', 'Người Nhập 3')
      .executeTakeFirstOrThrow();
    expect(p).toMatchObject({
      birth_year: 1953,
      sex: 'male',
      phone: '0912345603',
      joined_on: '2015-03-03',
      organisation_id: branch
    });
    // The stored upload is gone once imported.
    await expect(openUpload(ctx.db, officer, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('re-checks at confirm: a card taken after the preview rejects the whole file', async () => {
    const before = await count();
    const id = await upload([good(6, 'DUP-RACE'), good(7)]);
    await previewImport(ctx.db, officer, id);
    // A card number taken after the preview makes confirm reject the whole file.
    await ctx.db
      .insertInto('membership')
      .values({
        id: 'race',
        person_id: (await ctx.db.selectFrom('person').select('id').executeTakeFirstOrThrow()).id,
        organisation_id: branch,
        card_number: 'DUP-RACE',
        joined_on: '2020-01-01',
        left_on: null,
        created_at: new Date().toISOString()
      })
      .execute();
    await expect(confirmImport(ctx.db, officer, id)).rejects.toMatchObject({
      problems: [{ row: 3, field: 'card_number' }]
    });
    expect(await count()).toBe(before);
  });

  it('an upload belongs to its account and scope; unreadable files are refused', async () => {
    const id = await upload([good(8)]);
    await expect(openUpload(ctx.db, other, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      uploadMemberList(ctx.db, other, { organisationId: branch, fileName: 'x.xlsx', bytes: await workbook([good(9)]) })
    ).rejects.toMatchObject({ details: { field: 'organisation_id' } });
    await expect(
      uploadMemberList(ctx.db, officer, {
        organisationId: branch,
        fileName: 'x.xlsx',
        bytes: new TextEncoder().encode('not a spreadsheet')
      })
    ).rejects.toMatchObject({ message: 'people_import_err_file' });
  });
});
