/**
 * Correcting the commune of a placed report ("Sửa xã, phường"): the form's errors in
 * Vietnamese (table-driven), who may move a report and when, and what follows the move —
 * the new commune Hội's queue and officers (told), the old commune's officers lose it (their
 * notices too), the verification deadline restarts for the new Hội, an event and an audit row.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import type { Actor } from '../../src/lib/server/access/actor';
import type { Db } from '../../src/lib/server/db';
import { isAppError } from '../../src/lib/server/errors';
import { vi } from '../../src/lib/server/i18n';
import { noticeNewReport } from '../../src/lib/server/notify/notices';
import { moveSchema } from '../../src/lib/server/reports/workflow/move.schema';
import { moveOptions, moveReport } from '../../src/lib/server/reports/workflow/move.service';
import { forwardReport, rejectReport } from '../../src/lib/server/reports/workflow/association.service';
import { officerReport } from '../../src/lib/server/reports/workflow/view.service';
import { listQueue } from '../../src/lib/server/reports/workflow/queue.service';
import { addCalendarDays } from '../../src/lib/server/calendar/workdays';
import { todayVn } from '../../src/lib/shared/format';
import { browseAudit, diff } from '../../src/lib/server/audit/audit.query';
import { auditFilterSchema } from '../../src/lib/server/audit/audit.schema';
import { AUDIT_FIELD, auditFieldLabel } from '../../src/lib/shared/audit-fields';
import { auditActionLabel } from '../../src/lib/components/roles';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

// [case, raw form, field, catalogue key, Vietnamese message]
const INVALID: [string, Record<string, string>, string, string, string][] = [
  ['no commune', { commune_id: '', reason: 'Nhầm xã' }, 'commune_id', 'o311_err_commune', 'Xin chọn xã, phường.'],
  ['not an id', { commune_id: 'Bình Lư', reason: 'Nhầm xã' }, 'commune_id', 'o311_err_commune', 'Xin chọn xã, phường.'],
  [
    'unknown commune',
    { commune_id: UNKNOWN, reason: 'Nhầm xã' },
    'commune_id',
    'o311_err_commune',
    'Xin chọn xã, phường.'
  ],
  [
    'a village of another commune',
    { commune_id: 'OTHER', village_id: 'VILLAGE', reason: 'Nhầm xã' },
    'village_id',
    'ri_err_village_commune',
    'Thôn, bản này không thuộc xã, phường đã chọn.'
  ],
  [
    'a village id that is not one',
    { commune_id: 'OTHER', village_id: 'x', reason: 'Nhầm' },
    'village_id',
    'err_invalid',
    'Giá trị không hợp lệ.'
  ],
  [
    'no reason',
    { commune_id: 'OTHER', reason: '  ' },
    'reason',
    'desk_move_err_reason',
    'Xin ghi lý do sửa xã, phường.'
  ],
  ['a reason too long', { commune_id: 'OTHER', reason: 'a'.repeat(2001) }, 'reason', 'err_too_long', ''],
  [
    'the commune it is already in',
    { commune_id: 'HERE', reason: 'Nhầm xã' },
    'commune_id',
    'desk_move_err_same',
    'Phản ánh đang ở đúng xã, phường và thôn, bản này. Xin chọn nơi khác.'
  ]
];

async function refusal(
  p: Promise<unknown>
): Promise<{ code: string; fields: Record<string, string>; message: string }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err
  );
  if (!isAppError(e)) throw new Error(`expected a refusal, got ${String(e)}`);
  return { code: e.code, fields: (e.details?.fields ?? {}) as Record<string, string>, message: e.message };
}

const row = (db: Db, id: string) =>
  db
    .selectFrom('report')
    .select([
      'commune_unit_id',
      'village_unit_id',
      'commune_org_id',
      'agency_org_id',
      'status',
      'deadline_on',
      'deadline_kind'
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

forEachDb('desk: correcting the commune of a report', (ctx) => {
  const u: Record<string, string> = {};
  let doanKet: Actor, binhLu: Actor, province: Actor, ranger: Actor;
  let hoiBinhLu = '';

  beforeAll(async () => {
    await seedDemo(ctx.db);
    const unit = async (code: string) =>
      (await ctx.db.selectFrom('admin_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    u.here = await unit('03388');
    u.other = await unit('03390');
    u.village = (
      await ctx.db
        .selectFrom('admin_unit')
        .select('id')
        .where('name', '=', 'Bản Mẫu Một (demo)')
        .executeTakeFirstOrThrow()
    ).id;
    doanKet = await actorFor(ctx.db, 'canbo.doanket');
    binhLu = await actorFor(ctx.db, 'canbo.binhlu');
    province = await actorFor(ctx.db, 'canbo.tinh');
    ranger = await actorFor(ctx.db, 'kiemlam');
    hoiBinhLu = await orgId(ctx.db, 'Hội Người cao tuổi xã Bình Lư');
  });

  const fresh = (o: Parameters<typeof createTestReport>[1] = {}) =>
    createTestReport(ctx.db, { lat: null, lon: null, location_precision: 'commune', ...o }).then((r) => r.id);

  it.each(INVALID)('refuses %s, in Vietnamese', async (_, raw, field, key, text) => {
    const id = await fresh();
    const swap = (v: string) => (v === 'OTHER' ? u.other : v === 'HERE' ? u.here : v === 'VILLAGE' ? u.village : v);
    const input = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, swap(v)]));
    const parsed = moveSchema.safeParse(input);
    const fields = parsed.success
      ? (await refusal(moveReport(ctx.db, doanKet, id, parsed.data))).fields
      : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    expect(fields).toEqual({ [field]: key });
    if (text) expect(vi(key)).toBe(text);
    expect((await row(ctx.db, id)).commune_unit_id).toBe(u.here);
  });

  it('moves a new report: the new Hội’s queue, a fresh verification deadline, told; the old officers lose it', async () => {
    const old = addCalendarDays(todayVn(), -20);
    const id = await fresh({ deadline_on: old, deadline_kind: 'verify' });
    await noticeNewReport(ctx.db, id);
    const inboxOf = (a: Actor) =>
      ctx.db
        .selectFrom('inbox_item')
        .select('kind')
        .where('report_id', '=', id)
        .where('account_id', '=', a.accountId!)
        .execute();
    expect(await inboxOf(doanKet)).toEqual([{ kind: 'new_report' }]);
    expect(await moveOptions(ctx.db, binhLu, id, null).catch((e) => e.code)).toBe('NOT_FOUND');

    const res = await moveReport(
      ctx.db,
      doanKet,
      id,
      moveSchema.parse({ commune_id: u.other, reason: 'Người phản ánh chọn nhầm xã' })
    );
    expect(res).toEqual({ stillReadable: false });
    const after = await row(ctx.db, id);
    expect(after).toMatchObject({
      commune_unit_id: u.other,
      village_unit_id: null,
      commune_org_id: hoiBinhLu,
      status: 'new'
    });
    expect(after.deadline_on! > old).toBe(true);

    await expect(officerReport(ctx.db, doanKet, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listQueue(ctx.db, doanKet, 'open')).items.map((i) => i.id)).not.toContain(id);
    expect(await inboxOf(doanKet)).toEqual([]);
    expect((await listQueue(ctx.db, binhLu, 'open')).items.map((i) => i.id)).toContain(id);
    expect(await inboxOf(binhLu)).toEqual([{ kind: 'new_report' }]);

    const view = await officerReport(ctx.db, binhLu, id);
    const move = view.timeline.find((e) => e.kind === 'move');
    expect(move).toMatchObject({ body: 'Người phản ánh chọn nhầm xã' });
    expect(move?.data).toMatchObject({
      from_commune: expect.stringContaining('Đoàn Kết'),
      to_commune: expect.stringContaining('Bình Lư')
    });
    const audit = await ctx.db
      .selectFrom('audit_event')
      .select(['actor_account_id', 'before_json', 'after_json'])
      .where('entity_id', '=', id)
      .where('action', '=', 'report.move')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_account_id).toBe(doanKet.accountId);
    expect(JSON.parse(audit[0].before_json!)).toMatchObject({ commune_unit_id: u.here, deadline_on: old });
    expect(JSON.parse(audit[0].after_json!)).toMatchObject({ commune_unit_id: u.other, commune_org_id: hoiBinhLu });
  });

  it('the province officer moves it and a village, and still sees it; moving it twice to the same place is refused', async () => {
    const id = await fresh();
    const input = moveSchema.parse({ commune_id: u.here, village_id: u.village, reason: 'Xảy ra ở Bản Mẫu Một' });
    expect(await moveReport(ctx.db, province, id, input)).toEqual({ stillReadable: true });
    expect(await row(ctx.db, id)).toMatchObject({ commune_unit_id: u.here, village_unit_id: u.village });
    expect((await refusal(moveReport(ctx.db, province, id, input))).fields).toEqual({
      commune_id: 'desk_move_err_same'
    });
    const opts = await moveOptions(ctx.db, province, id, u.here);
    expect(opts?.villages.map((v) => v.value)).toContain(u.village);
  });

  it('a forwarded report keeps its agency and deadline; the ranger cannot move it', async () => {
    const id = await fresh();
    const rangers = await orgId(ctx.db, 'Chi cục Kiểm lâm tỉnh Lai Châu');
    await forwardReport(ctx.db, doanKet, id, {
      agency_org_id: rangers,
      doc_no: '3/HNCT',
      doc_date: todayVn(),
      note: ''
    });
    const before = await row(ctx.db, id);
    expect(await moveOptions(ctx.db, ranger, id, null)).toBeNull();
    expect(
      (await refusal(moveReport(ctx.db, ranger, id, moveSchema.parse({ commune_id: u.other, reason: 'x' })))).code
    ).toBe('FORBIDDEN');
    await moveReport(ctx.db, province, id, moveSchema.parse({ commune_id: u.other, reason: 'Nhầm xã' }));
    expect(await row(ctx.db, id)).toMatchObject({
      commune_org_id: hoiBinhLu,
      agency_org_id: rangers,
      status: 'forwarded',
      deadline_kind: 'accept',
      deadline_on: before.deadline_on
    });
    expect((await officerReport(ctx.db, ranger, id)).report.commune).toContain('Bình Lư');
  });

  it('the audit log reads the move in words: field labels and place names, not columns and ids', async () => {
    const id = await fresh();
    await moveReport(ctx.db, province, id, moveSchema.parse({ commune_id: u.other, reason: 'Nhầm xã' }));
    const admin = await actorFor(ctx.db, 'quantri');
    const { events } = await browseAudit(ctx.db, admin, auditFilterSchema.parse({ q: id, page: '1' }));
    const move = events.find((e) => e.action === 'report.move');
    expect(auditActionLabel(move!.action)).toBe('Sửa xã, phường của phản ánh');
    const byLabel = Object.fromEntries(move!.changes.map((c) => [auditFieldLabel(c.field), [c.before, c.after]]));
    expect(byLabel['Xã/phường']).toEqual(['Phường Đoàn Kết', 'Xã Bình Lư']);
    expect(byLabel['Hội tiếp nhận']).toEqual(['Hội Người cao tuổi phường Đoàn Kết', 'Hội Người cao tuổi xã Bình Lư']);
    // Every field the workflow audits on a report has a label.
    const all = await ctx.db
      .selectFrom('audit_event')
      .select(['before_json', 'after_json'])
      .where('entity_type', '=', 'report')
      .execute();
    const fields = new Set(all.flatMap((r) => diff(r.before_json, r.after_json).map((c) => c.field)));
    expect([...fields].filter((f) => !(f in AUDIT_FIELD))).toEqual([]);
  });

  describe('a closed report', () => {
    it('cannot be moved, and the form is not offered', async () => {
      const id = await fresh();
      await rejectReport(ctx.db, doanKet, id, 'Không phải vi phạm');
      expect(await moveOptions(ctx.db, doanKet, id, null)).toBeNull();
      const r = await refusal(moveReport(ctx.db, province, id, moveSchema.parse({ commune_id: u.other, reason: 'x' })));
      expect(r).toMatchObject({ code: 'CONFLICT', message: 'desk_move_err_closed' });
      expect((await row(ctx.db, id)).commune_unit_id).toBe(u.here);
    });
  });
});
