/** createReport: validation, tố cáo rules, identity protection, idempotency, routing to the Hội, on-behalf credit. */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor } from '../support/demo';
import { ANONYMOUS, type Actor } from '../../src/lib/server/access/actor';
import { createReport } from '../../src/lib/server/reports/intake/intake.service';
import { decryptIdentity } from '../../src/lib/server/reports/identity';
import { deadlineFor } from '../../src/lib/server/reports/deadline.service';
import { hashReceipt } from '../../src/lib/server/reports/receipt';
import { newIdempotencyKey } from '../../src/lib/server/reports/intake/receipt-keys';
import { formatDate, todayVn } from '../../src/lib/shared/format';
import { t } from '../../src/lib/server/i18n';
import { allText, baseInput, refusedFields, setup, useTempMedia, type Fixture } from './reports-intake-support';

const tomorrow = () => formatDate(new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10));

// [case, patch, field, catalogue key]
const INVALID: [string, Record<string, unknown>, string, string][] = [
  ['no category', { category_id: '' }, 'category_id', 'ri_err_category'],
  ['unknown category', { category_id: '00000000-0000-4000-8000-000000000000' }, 'category_id', 'ri_err_category'],
  ['no channel', { channel: '' }, 'channel', 'ri_err_channel'],
  ['no protection', { protection: 'whatever' }, 'protection', 'ri_err_protection'],
  ['no description, no voice', { description: '  ' }, 'description', 'ri_err_description_or_voice'],
  ['description too long', { description: 'x'.repeat(4001) }, 'description', 'err_too_long'],
  ['no date', { observed_on: '' }, 'observed_on', 'err_required'],
  ['bad date', { observed_on: '31/02/2026' }, 'observed_on', 'dates_err_not_in_calendar'],
  ['future date', { observed_on: tomorrow() }, 'observed_on', 'ri_err_date_future'],
  ['no location', { commune_id: '' }, 'commune_id', 'ri_err_location_required'],
  ['lat without lon', { commune_id: '', lat: '22.4' }, 'lat', 'ri_err_coords'],
  ['lat out of range', { commune_id: '', lat: '95', lon: '103' }, 'lat', 'ri_err_coords'],
  ['village of another commune', { village: true }, 'village_id', 'ri_err_village_commune'],
  ['named without name', { protection: 'named', phone: '0912345678' }, 'name', 'ri_err_name'],
  ['named without contact', { protection: 'confidential', name: 'Lò Văn A' }, 'phone', 'ri_err_contact'],
  ['bad phone', { protection: 'named', name: 'Lò Văn A', phone: 'abc' }, 'phone', 'err_phone'],
  ['bad email', { protection: 'confidential', name: 'Lò Văn A', email: 'not-an-address' }, 'email', 'err_invalid'],
  ['tố cáo anonymous', { channel: 'to_cao' }, 'protection', 'ri_err_anonymous_to_cao'],
  [
    'tố cáo without address',
    { channel: 'to_cao', protection: 'named', name: 'Lò Văn A', phone: '0912345678', attest: 'on' },
    'address',
    'ri_err_address'
  ],
  [
    'tố cáo without contact',
    { channel: 'to_cao', protection: 'named', name: 'Lò Văn A', address: 'Bản X', attest: 'on' },
    'phone',
    'ri_err_contact'
  ],
  [
    'tố cáo without attestation',
    { channel: 'to_cao', protection: 'named', name: 'Lò Văn A', address: 'Bản X', phone: '0912345678' },
    'attest',
    'ri_err_attest'
  ],
  [
    'on behalf as a stranger',
    { observer_kind: 'non_member', name: 'Ai Đó', consent_method: 'signature', protection: 'named' },
    'observer_kind',
    'ri_err_on_behalf'
  ],
  [
    'on behalf without consent',
    { observer_kind: 'non_member', name: 'Ai Đó', protection: 'named' },
    'consent_method',
    'ri_err_consent'
  ],
  [
    'oral consent without witness',
    { observer_kind: 'non_member', name: 'Ai Đó', protection: 'named', consent_method: 'oral_witness' },
    'witness_name',
    'ri_err_witness'
  ],
  [
    'member not picked',
    { observer_kind: 'member', consent_method: 'signature', protection: 'named' },
    'observer_person_id',
    'ri_err_member'
  ],
  [
    'member anonymous',
    {
      observer_kind: 'member',
      observer_person_id: '00000000-0000-4000-8000-000000000000',
      consent_method: 'signature'
    },
    'protection',
    'ri_err_anonymous_credit'
  ]
];

forEachDb('report intake', (ctx) => {
  let f: Fixture;
  let anon: Actor;
  beforeAll(async () => {
    useTempMedia();
    f = await setup(ctx.db);
    anon = ANONYMOUS;
  });

  it.each(INVALID)('rejects: %s', async (_name, patch, field, key) => {
    const p = { ...patch };
    if (p.village) {
      delete p.village;
      Object.assign(p, { commune_id: f.otherCommune, village_id: f.village });
    }
    const codes = await refusedFields(createReport(ctx.db, anon, baseInput(f, p)));
    expect(codes[field], JSON.stringify(codes)).toBe(key);
    expect(t(codes[field]!)).not.toBe(key); // a catalogue key the form can show in words
  });

  it('lands at the commune Hội with the verification deadline and a first event', async () => {
    const r = await createReport(ctx.db, anon, baseInput(f, { village_id: f.village }));
    expect(r.created).toBe(true);
    const rep = await ctx.db.selectFrom('report').selectAll().where('id', '=', r.reportId).executeTakeFirstOrThrow();
    expect(rep.commune_org_id).toBe(f.hoi);
    expect(rep.status).toBe('new');
    expect(rep.location_precision).toBe('village');
    expect(rep.receipt_hash).toBe(hashReceipt(r.receiptCode!));
    expect(rep.deadline_on).toBe(
      (await deadlineFor(ctx.db, 'verify', 'phan_anh', f.categories.do_rac, todayVn())).dueOn
    );
    const events = await ctx.db.selectFrom('report_event').selectAll().where('report_id', '=', r.reportId).execute();
    expect(events.map((e) => [e.kind, e.to_status, e.visible_to_reporter])).toEqual([['status', 'new', 1]]);
    const audits = await ctx.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', r.reportId)
      .execute();
    expect(audits.map((a) => a.action)).toEqual(['report.create']);
  });

  it('resolves a pin to its commune (nearest centre without polygons)', async () => {
    const r = await createReport(
      ctx.db,
      anon,
      baseInput(f, { commune_id: '', lat: '22.433', lon: '103.401', location_source: 'gps' })
    );
    expect(r.created).toBe(true);
    const rep = await ctx.db
      .selectFrom('report')
      .select(['commune_unit_id', 'commune_org_id', 'location_precision'])
      .where('id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    expect(rep).toEqual({ commune_unit_id: f.commune, commune_org_id: f.hoi, location_precision: 'gps' });
  });

  it('flags forest fire and active mining as urgent, rubbish not', async () => {
    for (const [code, urgent] of [
      ['chay_rung', 1],
      ['khai_thac_khoang_san', 1],
      ['do_rac', 0]
    ] as const) {
      const r = await createReport(ctx.db, anon, baseInput(f, { category_id: f.categories[code] }));
      expect(r.urgent).toBe(urgent === 1);
      const rep = await ctx.db
        .selectFrom('report')
        .select('urgent')
        .where('id', '=', r.reportId)
        .executeTakeFirstOrThrow();
      expect(rep.urgent).toBe(urgent);
    }
  });

  it('notifies the commune Hội officers of urgent reports only, in the same step', async () => {
    const urgent = await createReport(ctx.db, anon, baseInput(f, { category_id: f.categories.chay_rung }));
    const routine = await createReport(ctx.db, anon, baseInput(f, { category_id: f.categories.do_rac }));
    const sent = async (id: string) =>
      ctx.db.selectFrom('notification').select(['kind', 'organisation_id']).where('report_id', '=', id).execute();
    const forUrgent = await sent(urgent.reportId);
    expect(forUrgent.length).toBeGreaterThan(0);
    expect(forUrgent.every((n) => n.kind === 'urgent')).toBe(true);
    expect(forUrgent.map((n) => n.organisation_id)).toContain(f.hoi);
    expect(await sent(routine.reportId)).toEqual([]);
  });

  it('anonymous: stores nothing about the reporter, even when signed in', async () => {
    const member = await actorFor(ctx.db, 'hoivien');
    const secret = 'Hà Thị Ẩn Danh';
    const r = await createReport(
      ctx.db,
      member,
      baseInput(f, { name: secret, phone: '0999888777', address: 'Nhà Ẩn Danh' })
    );
    expect(
      await ctx.db
        .selectFrom('report_identity')
        .select('report_id')
        .where('report_id', '=', r.reportId)
        .executeTakeFirst()
    ).toBeUndefined();
    const rep = await ctx.db.selectFrom('report').selectAll().where('id', '=', r.reportId).executeTakeFirstOrThrow();
    expect([rep.reporter_account_id, rep.entered_by_account_id, rep.observer_person_id]).toEqual([null, null, null]);
    for (const table of ['report', 'report_event', 'audit_event', 'attachment'] as const) {
      const text = await allText(ctx.db, table);
      for (const needle of [secret, '0999888777', 'Nhà Ẩn Danh']) expect(text, table).not.toContain(needle);
    }
    const audit = await ctx.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    expect(audit.actor_account_id).toBeNull();
    const event = await ctx.db
      .selectFrom('report_event')
      .selectAll()
      .where('report_id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    expect(event.actor_account_id).toBeNull();
  });

  it('confidential tố cáo: identity only as ciphertext, decryptable with the report id', async () => {
    const name = 'Quàng Văn Bảo Mật';
    const r = await createReport(
      ctx.db,
      anon,
      baseInput(f, {
        channel: 'to_cao',
        protection: 'confidential',
        name,
        address: 'Bản Mẫu Một',
        phone: '0912345678',
        attest: 'on',
        violator: 'Công ty X'
      })
    );
    const row = await ctx.db
      .selectFrom('report_identity')
      .selectAll()
      .where('report_id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(name);
    expect(decryptIdentity(r.reportId, row)).toEqual({ name, address: 'Bản Mẫu Một', phone: '0912345678' });
    for (const table of ['report', 'report_event', 'audit_event'] as const) {
      const text = await allText(ctx.db, table);
      expect(text, table).not.toContain(name);
      expect(text, table).not.toContain('0912345678');
    }
  });

  it('is idempotent: the same key twice (also concurrently) makes one report with the same receipt', async () => {
    const key = newIdempotencyKey();
    const input = baseInput(f, { idempotency_key: key });
    const [a, b] = await Promise.all([createReport(ctx.db, anon, input), createReport(ctx.db, anon, input)]);
    const c = await createReport(ctx.db, anon, input);
    expect(new Set([a.reportId, b.reportId, c.reportId]).size).toBe(1);
    expect([a.created, b.created, c.created].filter(Boolean)).toHaveLength(1);
    expect(b.receiptCode).toBe(a.receiptCode);
    expect(c.receiptCode).toBe(a.receiptCode);
    const n = await ctx.db
      .selectFrom('report')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('idempotency_key', '=', key)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('on behalf: credits the member, records who typed it and the consent', async () => {
    const leader = await actorFor(ctx.db, 'chihoi.truong');
    const un = await ctx.db
      .selectFrom('person')
      .select('id')
      .where('full_name', '=', 'Lường Thị Ún')
      .executeTakeFirstOrThrow();
    const r = await createReport(
      ctx.db,
      leader,
      baseInput(f, {
        protection: 'named',
        observer_kind: 'member',
        observer_person_id: un.id,
        consent_method: 'oral_witness',
        witness_name: 'Đỗ Thị Ánh'
      })
    );
    const rep = await ctx.db.selectFrom('report').selectAll().where('id', '=', r.reportId).executeTakeFirstOrThrow();
    expect(rep.observer_person_id).toBe(un.id);
    expect(rep.entered_by_account_id).toBe(leader.accountId);
    expect(rep.reporter_account_id).toBeNull();
    expect(rep.consent_method).toBe('oral_witness');
    const ident = await ctx.db
      .selectFrom('report_identity')
      .selectAll()
      .where('report_id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    expect(decryptIdentity(r.reportId, ident).name).toBe('Lường Thị Ún');
  });

  it('on behalf: a member outside the leader’s branch is refused', async () => {
    const leader = await actorFor(ctx.db, 'chihoi.truong');
    const other = await ctx.db
      .selectFrom('person')
      .select('id')
      .where('full_name', '=', 'Ưng Văn An')
      .executeTakeFirstOrThrow();
    const codes = await refusedFields(
      createReport(
        ctx.db,
        leader,
        baseInput(f, {
          protection: 'named',
          observer_kind: 'member',
          observer_person_id: other.id,
          consent_method: 'signature'
        })
      )
    );
    expect(codes.observer_person_id).toBe('ri_err_member');
  });
});
