/**
 * Officers' lists read in Vietnamese dictionary order on both databases (a ă â b c d đ e ê …
 * u ư): the library's organisations, the queue's communes and categories, an office's
 * officers, the routing rules' places. Raw names sort by bytes (A D U Â Đ Ư) on SQLite and
 * by the server's locale on PostgreSQL; both are wrong for Vietnamese.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { insertOrg, makeOrg, makeReport, makeUnit } from '../support/factories';
import { newId, nowIso } from '../../src/lib/server/db/ids';
import { insertAccount, insertGrant } from '../../src/lib/server/auth/account.repository';
import { organisationNames } from '../../src/lib/server/library/library.repository';
import { activeCategoryNames, queueCommunes } from '../../src/lib/server/reports/workflow/queue.repository';
import { officersCovering, type Scope } from '../../src/lib/server/reports/workflow/workflow.repository';
import {
  insertCategory,
  insertRoutingRule,
  listRoutingRules
} from '../../src/lib/server/reports/admin/reference.repository';
import { seedTaxonomy } from '../../src/lib/server/reports/taxonomy';
import { fold } from '../../src/lib/shared/text';
import type { Db } from '../../src/lib/server/db';

/** In Vietnamese order; every list is built from them shuffled. */
const ORDERED = ['An Bình', 'Ân Thi', 'Dương Quỳ', 'Đông Phong', 'Uyên Hưng', 'Ưng Hòa'];
const SHUFFLED = ['Ưng Hòa', 'Đông Phong', 'An Bình', 'Uyên Hưng', 'Ân Thi', 'Dương Quỳ'];

async function makeOfficer(db: Db, name: string, orgId: string): Promise<string> {
  const id = newId();
  const now = nowIso();
  await insertAccount(db, {
    id,
    username: `u${id.slice(0, 8)}`,
    phone: null,
    display_name: name,
    password_hash: 'x',
    person_id: null,
    last_sign_in_at: null,
    created_at: now,
    updated_at: now,
    search_text: fold(name)
  });
  await insertGrant(db, {
    id: newId(),
    account_id: id,
    role: 'agency_officer',
    organisation_id: orgId,
    granted_by: null,
    created_at: now,
    revoked_at: null
  });
  return id;
}

forEachDb('staff lists in Vietnamese order', (ctx) => {
  let orgIds: string[] = [];
  let province = { id: '', unitId: '' };

  beforeAll(async () => {
    province = await makeOrg(ctx.db, { type: 'province_association', name: 'Hội tỉnh thử' });
    orgIds = [];
    for (const name of SHUFFLED) {
      const unitId = await makeUnit(ctx.db, { level: 'commune', name, parent_id: province.unitId });
      const commune = await makeOrg(ctx.db, { name: `Hội ${name}`, parent: province, unitId });
      orgIds.push(commune.id);
      await makeReport(ctx.db, { commune });
    }
  });

  it('organisations (the library’s choice of owner)', async () => {
    const rows = await organisationNames(ctx.db, orgIds);
    expect(rows.map((r) => r.name)).toEqual(ORDERED.map((n) => `Hội ${n}`));
  });

  it('communes in the queue’s search', async () => {
    const scope = ctx.db.selectFrom('organisation').select('id') as unknown as Scope;
    const rows = await queueCommunes(ctx.db, scope, 'association');
    expect(rows.map((r) => r.name)).toEqual(ORDERED);
    expect(Object.keys(rows[0]).sort()).toEqual(['id', 'name']);
  });

  it('officers who can take a report', async () => {
    const agency = await insertOrg(ctx.db, { type: 'forest_rangers', name: 'Kiểm lâm thử', parentId: null });
    for (const name of SHUFFLED) await makeOfficer(ctx.db, `Lò ${name}`, agency);
    const rows = await officersCovering(ctx.db, agency, ['agency_officer']);
    expect(rows.map((r) => r.display_name)).toEqual(ORDERED.map((n) => `Lò ${n}`));
  });

  it('categories in the queue’s search', async () => {
    await seedTaxonomy(ctx.db);
    const group = await ctx.db.selectFrom('category_group').select('id').executeTakeFirstOrThrow();
    const now = nowIso();
    for (const [i, name] of SHUFFLED.entries())
      await insertCategory(ctx.db, {
        id: newId(),
        code: `thu_${i}`,
        group_id: group.id,
        name_vi: `Ô nhiễm ${name}`,
        name_en: `Test ${i}`,
        name_search: fold(name),
        legal_basis: null,
        icon: null,
        sort_order: 900 + i,
        created_at: now,
        updated_at: now
      });
    const names = (await activeCategoryNames(ctx.db)).map((c) => c.name_vi).filter((n) => n.startsWith('Ô nhiễm '));
    expect(names).toEqual(ORDERED.map((n) => `Ô nhiễm ${n}`));
  });

  it('routing rules by place', async () => {
    const agency = await insertOrg(ctx.db, { type: 'police', name: 'Công an thử', parentId: null });
    const category = await ctx.db
      .selectFrom('category')
      .select('id')
      .where('code', '=', 'thu_0')
      .executeTakeFirstOrThrow();
    const units = await ctx.db
      .selectFrom('admin_unit')
      .select(['id', 'name'])
      .where('parent_id', '=', province.unitId)
      .execute();
    for (const u of units)
      await insertRoutingRule(ctx.db, {
        id: newId(),
        category_id: category.id,
        admin_unit_id: u.id,
        agency_org_id: agency,
        updated_at: nowIso()
      });
    const rules = (await listRoutingRules(ctx.db)).filter((r) => r.agency_org_id === agency);
    expect(rules.map((r) => r.unit)).toEqual(ORDERED);
  });
});
