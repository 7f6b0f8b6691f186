/**
 * Administrators' editing of report reference data: every form's errors (table-driven, in
 * Vietnamese), database checks, the audit trail, who may do it, and the effect on deadlines
 * and routing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { validate } from '../../src/lib/server/forms';
import { isAppError } from '../../src/lib/server/errors';
import {
  categorySchema,
  deadlineSchema,
  holidaySchema,
  routingSchema
} from '../../src/lib/server/reports/admin/admin.schema';
import { createCategory, updateCategory, getCategoryForEdit } from '../../src/lib/server/reports/admin/category.admin';
import {
  previewDeadline,
  removeDeadlineRule,
  removeRoutingRule,
  saveDeadlineRule,
  saveRoutingRule
} from '../../src/lib/server/reports/admin/rules.admin';
import { holidayAdminData, removeHoliday, saveHoliday } from '../../src/lib/server/reports/admin/holiday.admin';
import { deadlineFor } from '../../src/lib/server/reports/deadline.service';
import { listActiveCategories } from '../../src/lib/server/reports/category.repository';
import type { Actor } from '../../src/lib/server/access/actor';
import type { Db } from '../../src/lib/server/db';

const G = '00000000-0000-4000-8000-000000000001';
const okCategory = {
  code: 'thu_nghiem',
  group_id: G,
  name_vi: 'Thử nghiệm',
  name_en: 'Trial',
  legal_basis: '',
  icon: 'rung',
  urgent: '',
  active: 'on',
  sort_order: '5'
};
const okDeadline = {
  channel: 'phan_anh',
  category_id: '',
  stage: 'verify',
  day_kind: 'working',
  days: '3',
  extension_days: '0',
  max_extensions: '0'
};
const okHoliday = { calendar: 'solar', date: '15/06/2026', kind: 'holiday', name: 'Ngày nghỉ thử' };

const errorsOf = (schema: Parameters<typeof validate>[0], input: unknown) => {
  const r = validate(schema, input);
  return r.ok ? {} : r.errors;
};

describe('admin form errors (Vietnamese, per field)', () => {
  it.each([
    [
      'category: bad code',
      categorySchema,
      { ...okCategory, code: 'Có dấu' },
      'code',
      'Mã chỉ gồm chữ thường không dấu, số và gạch dưới (2–60 ký tự).'
    ],
    ['category: no group', categorySchema, { ...okCategory, group_id: '' }, 'group_id', 'Hãy chọn nhóm.'],
    [
      'category: no Vietnamese name',
      categorySchema,
      { ...okCategory, name_vi: '  ' },
      'name_vi',
      'Vui lòng điền mục này.'
    ],
    ['category: unknown picture', categorySchema, { ...okCategory, icon: 'xe' }, 'icon', 'Hãy chọn hình minh hoạ.'],
    [
      'category: order not a number',
      categorySchema,
      { ...okCategory, sort_order: 'abc' },
      'sort_order',
      'Thứ tự là số nguyên từ 0 đến 99999.'
    ],
    [
      'routing: no agency',
      routingSchema,
      { category_id: '', admin_unit_id: '', agency_org_id: '' },
      'agency_org_id',
      'Hãy chọn cơ quan tiếp nhận.'
    ],
    ['deadline: zero days', deadlineSchema, { ...okDeadline, days: '0' }, 'days', 'Số ngày là số nguyên từ 1 đến 365.'],
    [
      'deadline: extensions without days',
      deadlineSchema,
      { ...okDeadline, max_extensions: '2' },
      'extension_days',
      'Số ngày gia hạn là số nguyên từ 0 đến 365, và lớn hơn 0 khi cho phép gia hạn.'
    ],
    ['deadline: unknown stage', deadlineSchema, { ...okDeadline, stage: 'later' }, 'stage', 'Hãy chọn bước.'],
    [
      'holiday: impossible date',
      holidaySchema,
      { ...okHoliday, date: '31/02/2026' },
      'date',
      'Ngày 31/02/2026 không có trong lịch: tháng 02/2026 không có ngày 31.'
    ],
    [
      'holiday: month 13',
      holidaySchema,
      { ...okHoliday, date: '01/13/2026' },
      'date',
      'Không có tháng 13: tháng phải từ 01 đến 12.'
    ],
    [
      'holiday: not a date',
      holidaySchema,
      { ...okHoliday, date: 'mùng 1' },
      'date',
      'Ngày phải theo dạng ngày/tháng/năm, ví dụ 25/12/2025.'
    ],
    [
      'holiday: lunar month 13',
      holidaySchema,
      { ...okHoliday, calendar: 'lunar', lunar_day: '10', lunar_month: '13', lunar_year: '2026' },
      'lunar_month',
      'Tháng âm lịch từ 1 đến 12.'
    ],
    ['holiday: no name', holidaySchema, { ...okHoliday, name: '' }, 'name', 'Vui lòng điền mục này.']
  ])('%s', (_label, schema, input, field, message) => {
    expect(errorsOf(schema, input)[field]).toBe(message);
  });

  it('accepts the valid forms', () => {
    for (const [schema, input] of [
      [categorySchema, okCategory],
      [deadlineSchema, okDeadline],
      [holidaySchema, okHoliday]
    ] as const)
      expect(errorsOf(schema, input)).toEqual({});
  });
});

async function fieldError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    if (!isAppError(e)) throw e;
    return e.details?.field ? `${e.details.field}:${e.message}` : e.code;
  }
}

forEachDb('report reference administration', (ctx) => {
  let admin: Actor;
  let db: Db;
  const parse = <T>(schema: Parameters<typeof validate>[0], input: unknown) => {
    const r = validate(schema, input);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.data as T;
  };
  const audits = (type: string) =>
    db.selectFrom('audit_event').selectAll().where('entity_type', '=', type).orderBy('at').execute();

  beforeAll(async () => {
    db = ctx.db;
    await seedDemo(db);
    admin = await actorFor(db, 'quantri');
  });

  it('only administrators may change anything (others: not found)', async () => {
    for (const user of ['canbo.tinh', 'kiemlam', 'lanhdao']) {
      const actor = await actorFor(db, user);
      expect(await fieldError(saveHoliday(db, actor, parse(holidaySchema, okHoliday)))).toBe('NOT_FOUND');
      expect(await fieldError(holidayAdminData(db, actor, null))).toBe('NOT_FOUND');
    }
  });

  it('creates and edits a category, checks code and group, and audits both', async () => {
    const groupId = (
      await db.selectFrom('category_group').select('id').where('code', '=', 'rung').executeTakeFirstOrThrow()
    ).id;
    expect(await fieldError(createCategory(db, admin, parse(categorySchema, okCategory)))).toBe(
      'group_id:ra_err_group'
    );
    expect(
      await fieldError(
        createCategory(db, admin, parse(categorySchema, { ...okCategory, group_id: groupId, code: 'chay_rung' }))
      )
    ).toBe('code:ra_err_code_taken');
    const id = await createCategory(db, admin, parse(categorySchema, { ...okCategory, group_id: groupId }));
    expect((await listActiveCategories(db)).some((c) => c.id === id)).toBe(true);
    await updateCategory(
      db,
      admin,
      id,
      parse(categorySchema, { ...okCategory, group_id: groupId, name_vi: 'Đốt nương', urgent: 'on', active: '' })
    );
    const row = await getCategoryForEdit(db, admin, id);
    expect([row.name_vi, row.urgent, row.active, row.name_search]).toEqual(['Đốt nương', 1, 0, 'dot nuong']);
    expect((await listActiveCategories(db)).some((c) => c.id === id)).toBe(false);
    const trail = (await audits('category')).filter((a) => a.entity_id === id);
    expect(trail.map((a) => a.action)).toEqual(['create', 'update']);
    expect(JSON.parse(trail[1].before_json!)).toMatchObject({ name_vi: 'Thử nghiệm', urgent: 0, active: 1 });
    expect(JSON.parse(trail[1].after_json!)).toMatchObject({ name_vi: 'Đốt nương', urgent: 1, active: 0 });
  });

  it('adds and removes routing rules; one rule per category and area', async () => {
    const cat = (await db.selectFrom('category').select('id').where('code', '=', 'do_rac').executeTakeFirstOrThrow())
      .id;
    const unit = (await db.selectFrom('admin_unit').select('id').where('code', '=', '03390').executeTakeFirstOrThrow())
      .id;
    const police = await orgId(db, 'Công an tỉnh Lai Châu');
    const hoi = await orgId(db, 'Hội Người cao tuổi tỉnh Lai Châu');
    expect(
      await fieldError(
        saveRoutingRule(db, admin, parse(routingSchema, { category_id: cat, admin_unit_id: unit, agency_org_id: hoi }))
      )
    ).toBe('agency_org_id:ra_err_agency');
    const id = await saveRoutingRule(
      db,
      admin,
      parse(routingSchema, { category_id: cat, admin_unit_id: unit, agency_org_id: police })
    );
    expect(
      await fieldError(
        saveRoutingRule(
          db,
          admin,
          parse(routingSchema, { category_id: cat, admin_unit_id: unit, agency_org_id: police })
        )
      )
    ).toBe('category_id:ra_err_routing_duplicate');
    await removeRoutingRule(db, admin, id);
    expect((await audits('routing_rule')).map((a) => a.action)).toEqual(['create', 'delete']);
    expect(await fieldError(removeRoutingRule(db, admin, id))).toBe('NOT_FOUND');
  });

  it('a category deadline rule overrides the channel rule; channel rules cannot be deleted', async () => {
    const cat = (await db.selectFrom('category').select('id').where('code', '=', 'chay_rung').executeTakeFirstOrThrow())
      .id;
    // Thursday 2026-06-04 + 3 working days = Tuesday 2026-06-09.
    expect((await deadlineFor(db, 'verify', 'phan_anh', cat, '2026-06-04')).dueOn).toBe('2026-06-09');
    const id = await saveDeadlineRule(db, admin, parse(deadlineSchema, { ...okDeadline, category_id: cat, days: '1' }));
    expect((await deadlineFor(db, 'verify', 'phan_anh', cat, '2026-06-04')).dueOn).toBe('2026-06-05');
    expect(
      await fieldError(saveDeadlineRule(db, admin, parse(deadlineSchema, { ...okDeadline, category_id: cat })))
    ).toBe('category_id:ra_err_deadline_duplicate');
    await saveDeadlineRule(db, admin, parse(deadlineSchema, { ...okDeadline, category_id: cat, days: '2' }), id);
    expect(
      (
        await previewDeadline(db, admin, {
          start: '2026-06-04',
          channel: 'phan_anh',
          stage: 'verify',
          category_id: cat
        })
      ).dueOn
    ).toBe('2026-06-08');
    await removeDeadlineRule(db, admin, id);
    const general = await db
      .selectFrom('deadline_rule')
      .select('id')
      .where('category_id', 'is', null)
      .executeTakeFirstOrThrow();
    expect(await fieldError(removeDeadlineRule(db, admin, general.id))).toBe('CONFLICT');
    expect((await audits('deadline_rule')).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('a new holiday (solar or lunar) shifts deadlines; edits and deletes are audited', async () => {
    expect((await deadlineFor(db, 'verify', 'phan_anh', null, '2026-06-04')).dueOn).toBe('2026-06-09');
    const date = await saveHoliday(db, admin, parse(holidaySchema, { ...okHoliday, date: '08/06/2026' }));
    expect(date).toBe('2026-06-08');
    expect((await deadlineFor(db, 'verify', 'phan_anh', null, '2026-06-04')).dueOn).toBe('2026-06-10');
    expect(await fieldError(saveHoliday(db, admin, parse(holidaySchema, { ...okHoliday, date: '08/06/2026' })))).toBe(
      'date:ra_err_holiday_taken'
    );
    await saveHoliday(
      db,
      admin,
      parse(holidaySchema, { ...okHoliday, date: '05/06/2026', name: 'Đổi ngày' }),
      '2026-06-08'
    );
    expect((await deadlineFor(db, 'verify', 'phan_anh', null, '2026-06-04')).dueOn).toBe('2026-06-10');
    await removeHoliday(db, admin, '2026-06-05');
    expect((await deadlineFor(db, 'verify', 'phan_anh', null, '2026-06-04')).dueOn).toBe('2026-06-09');
    // Lunar 10/3 of 2028 (Hùng Kings) is converted to its solar date.
    expect(
      await saveHoliday(
        db,
        admin,
        parse(holidaySchema, {
          calendar: 'lunar',
          lunar_day: '10',
          lunar_month: '3',
          lunar_year: '2028',
          kind: 'holiday',
          name: 'Giỗ Tổ Hùng Vương'
        })
      )
    ).toBe('2028-04-04');
    const trail = await audits('holiday');
    // Steps a few microseconds apart can share a millisecond timestamp: compare as a set.
    const key = (a: { action: string; entity_id: string | null }) => `${a.action} ${a.entity_id}`;
    expect(trail.map(key).sort()).toEqual(
      ['create 2026-06-08', 'update 2026-06-05', 'delete 2026-06-05', 'create 2028-04-04'].sort()
    );
    const lunar = trail.find((a) => key(a) === 'create 2028-04-04');
    expect(JSON.parse(lunar!.after_json!)).toMatchObject({ lunar: '10/3/2028' });
  });
});
