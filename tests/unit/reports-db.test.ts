import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { forEachDb } from '../support/db';
import { newId, nowIso } from '../../src/lib/server/db/ids';
import { fold } from '../../src/lib/shared/text';
import { TAXONOMY, seedTaxonomy } from '../../src/lib/server/reports/taxonomy';
import { listActiveCategories } from '../../src/lib/server/reports/category.repository';
import { seedReportsDemo } from '../../src/lib/server/reports/seed';
import { listRoutingCandidates } from '../../src/lib/server/reports/routing.repository';
import { rankRoutes } from '../../src/lib/server/reports/routing';
import { newReceipt } from '../../src/lib/server/reports/receipt';
import { decryptIdentity, encryptIdentity } from '../../src/lib/server/reports/identity';
import { roundToGrid } from '../../src/lib/shared/reports/geo';
import type { Db } from '../../src/lib/server/db';

const who = { name: 'Giàng A Páo', phone: '0987654321', address: 'Bản Hô Sáng' };

async function addOrg(db: Db, name: string): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('organisation')
    .values({
      id,
      kind: 'agency',
      type: 'x',
      name,
      name_search: fold(name),
      sort_key: name,
      parent_id: null,
      admin_unit_id: null,
      valid_from: '2025-01-01',
      valid_to: null,
      successor_id: null,
      phone: null,
      address: null,
      created_at: now,
      updated_at: now
    })
    .execute();
  return id;
}

async function addReport(db: Db, categoryId: string, over: Record<string, unknown> = {}) {
  const id = newId();
  const now = nowIso();
  const pub = roundToGrid(22.39, 103.45);
  await db
    .insertInto('report')
    .values({
      id,
      receipt_hash: newReceipt().hash,
      idempotency_key: newId(),
      channel: 'to_cao',
      category_id: categoryId,
      description: 'Có người chặt gỗ',
      description_search: fold('Có người chặt gỗ'),
      observed_on: '2026-03-10',
      lat: 22.39,
      lon: 103.45,
      location_precision: 'gps',
      location_text: null,
      commune_unit_id: null,
      village_unit_id: null,
      commune_org_id: null,
      agency_org_id: null,
      assigned_account_id: null,
      status: 'new',
      protection: 'confidential',
      reporter_account_id: null,
      entered_by_account_id: null,
      observer_person_id: null,
      consent_method: null,
      public_lat: pub.lat,
      public_lon: pub.lon,
      duplicate_of_id: null,
      deadline_kind: 'verify',
      deadline_on: '2026-03-13',
      accepted_on: null,
      outcome_kind: null,
      outcome_json: null,
      resolved_at: null,
      closed_at: null,
      rating: null,
      created_at: now,
      updated_at: now,
      ...over
    })
    .execute();
  return id;
}

forEachDb('report tables', (ctx) => {
  let cats: Record<string, string>;

  it('seeds the taxonomy idempotently and keeps administrator edits', async () => {
    cats = await seedTaxonomy(ctx.db);
    await ctx.db.updateTable('category').set({ name_vi: 'Đổ rác (sửa)' }).where('code', '=', 'do_rac').execute();
    await seedTaxonomy(ctx.db);
    const list = await listActiveCategories(ctx.db);
    expect(list.length).toBe(TAXONOMY.flatMap((g) => g.categories).length);
    expect(list.length).toBe(18);
    expect(new Set(list.map((c) => c.group_code)).size).toBe(7);
    expect(
      list
        .filter((c) => c.urgent === 1)
        .map((c) => c.code)
        .sort()
    ).toEqual(['chay_rung', 'khai_thac_go', 'khai_thac_cat_soi', 'khai_thac_khoang_san'].sort());
    expect(list.find((c) => c.code === 'do_rac')?.name_vi).toBe('Đổ rác (sửa)');
    expect(list.find((c) => c.code === 'lan_chiem_dat')?.legal_basis).toContain('123/2024/NĐ-CP');
    expect(list[0].group_code).toBe('rung');
  });

  it('routes demo categories to agencies', async () => {
    const orgs = {
      kiem_lam: await addOrg(ctx.db, 'Kiểm lâm'),
      so_nnmt: await addOrg(ctx.db, 'Sở'),
      moi_truong: await addOrg(ctx.db, 'Chi cục BVMT')
    };
    await seedReportsDemo(ctx.db, orgs, {});
    await seedReportsDemo(ctx.db, orgs, {});
    const fire = rankRoutes(await listRoutingCandidates(ctx.db, cats.chay_rung, []), cats.chay_rung, []);
    expect(fire.map((r) => r.agency_org_id)).toEqual([orgs.kiem_lam]);
    const holidays = await ctx.db
      .selectFrom('holiday')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(holidays.n)).toBeGreaterThan(30);
  });

  it('stores a protected identity encrypted, apart from the report', async () => {
    const id = await addReport(ctx.db, cats.khai_thac_go);
    await ctx.db
      .insertInto('report_identity')
      .values({ report_id: id, ...encryptIdentity(id, who), created_at: nowIso() })
      .execute();
    const report = await ctx.db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const stored = await ctx.db
      .selectFrom('report_identity')
      .selectAll()
      .where('report_id', '=', id)
      .executeTakeFirstOrThrow();
    const dump = JSON.stringify([report, stored]);
    for (const v of Object.values(who)) expect(dump).not.toContain(v);
    expect(decryptIdentity(id, stored)).toEqual(who);
    expect(report.urgent).toBe(0);
    expect(report.observed_on).toBe('2026-03-10');
  });

  it('refuses a second report with the same idempotency key', async () => {
    const key = newId();
    await addReport(ctx.db, cats.do_rac, { idempotency_key: key });
    await expect(addReport(ctx.db, cats.do_rac, { idempotency_key: key })).rejects.toThrow();
  });

  it('orders a commune queue urgent first, then by deadline', async () => {
    const org = await addOrg(ctx.db, 'Hội xã');
    await addReport(ctx.db, cats.do_rac, { commune_org_id: org, deadline_on: '2026-03-12' });
    const urgent = await addReport(ctx.db, cats.chay_rung, {
      commune_org_id: org,
      urgent: 1,
      deadline_on: '2026-03-20'
    });
    await ctx.db
      .insertInto('report_event')
      .values({
        id: newId(),
        report_id: urgent,
        kind: 'status',
        from_status: null,
        to_status: 'new',
        actor_account_id: null,
        actor_org_id: null,
        visible_to_reporter: 1,
        body: null,
        data: JSON.stringify({ via: 'web' }),
        created_at: nowIso()
      })
      .execute();
    const queue = await ctx.db
      .selectFrom('report')
      .select(['id', 'urgent'])
      .where('commune_org_id', '=', org)
      .where('status', 'in', ['new', 'needs_info'])
      .orderBy('urgent', 'desc')
      .orderBy('deadline_on')
      .execute();
    expect(queue[0].id).toBe(urgent);
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from report_event where report_id = ${urgent}`.execute(ctx.db);
    expect(Number(rows[0].n)).toBe(1);
  });
});
