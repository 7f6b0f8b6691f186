/** `setup province CODE --admin USERNAME`: a new province's bodies and first administrator, once, audited. */
import { expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { SYSTEM } from '../../src/lib/server/access/actor';
import { insertUnits } from '../../src/lib/server/geo/unit.repository';
import { newId, nowIso } from '../../src/lib/server/db/ids';
import { fold, sortKey } from '../../src/lib/shared/text';
import { setupProvince } from '../../src/lib/server/org/setup-province.service';
import { setupCommands } from '../../src/cli/commands/setup';
import type { AdminUnitTable } from '../../src/lib/server/db/schema';

const CLI = { ...SYSTEM, name: 'cli' };

function unit(
  p: Pick<AdminUnitTable, 'code' | 'level' | 'type' | 'name' | 'full_name' | 'parent_id'> & Partial<AdminUnitTable>
): AdminUnitTable {
  return {
    id: newId(),
    valid_from: '2025-07-01',
    valid_to: null,
    centre_lat: null,
    centre_lon: null,
    households: null,
    source: 'test',
    name_search: fold(p.full_name),
    sort_key: sortKey(p.name),
    created_at: nowIso(),
    ...p
  };
}

forEachDb('setup province', (ctx) => {
  it('creates the province’s bodies and a first administrator once; a second run adds nothing', async () => {
    const code = String(90 + Math.floor(Math.random() * 9));
    const province = unit({
      code,
      level: 'province',
      type: 'tinh',
      name: `Thử ${code}`,
      full_name: `Tỉnh Thử ${code}`,
      parent_id: null
    });
    const communes = ['Một', 'Hai', 'Ba'].map((n, i) =>
      unit({
        code: `${code}00${i}`,
        level: 'commune',
        type: 'xa',
        name: n,
        full_name: `Xã ${n}`,
        parent_id: province.id
      })
    );
    const closed = unit({
      code: `${code}009`,
      level: 'commune',
      type: 'xa',
      name: 'Cũ',
      full_name: 'Xã Cũ',
      parent_id: province.id,
      valid_to: '2025-07-01',
      valid_from: '2020-01-01'
    });
    await insertUnits(ctx.db, [province, ...communes, closed]);

    const first = await setupProvince(ctx.db, CLI, code, `quantri.${code}`);
    expect(first.created).toEqual({ associations: 4, agencies: 2 });
    expect(first.admin.password).toMatch(/.{12,}/);
    const orgs = await ctx.db
      .selectFrom('organisation')
      .select(['name', 'type', 'parent_id', 'admin_unit_id'])
      .where('admin_unit_id', 'in', [province.id, ...communes.map((c) => c.id), closed.id])
      .execute();
    expect(orgs.map((o) => o.name).sort()).toEqual(
      [
        `Hội Người cao tuổi Tỉnh Thử ${code}`,
        'Hội Người cao tuổi Xã Một',
        'Hội Người cao tuổi Xã Hai',
        'Hội Người cao tuổi Xã Ba',
        `Sở Nông nghiệp và Môi trường Tỉnh Thử ${code}`,
        `Chi cục Kiểm lâm Tỉnh Thử ${code}`
      ].sort()
    );
    const account = await ctx.db
      .selectFrom('account')
      .selectAll()
      .where('username', '=', `quantri.${code}`)
      .executeTakeFirstOrThrow();
    expect(account.must_change_password).toBe(1);
    const grants = await ctx.db.selectFrom('role_grant').select('role').where('account_id', '=', account.id).execute();
    expect(grants.map((g) => g.role)).toEqual(['administrator']);
    const audited = await ctx.db
      .selectFrom('audit_event')
      .select('entity_type')
      .where('actor_name', '=', 'cli')
      .execute();
    expect(audited.filter((a) => a.entity_type === 'organisation').length).toBeGreaterThanOrEqual(6);

    const again = await setupProvince(ctx.db, CLI, code, `quantri.${code}`);
    expect(again.created).toEqual({ associations: 0, agencies: 0 });
    expect(again.kept).toBe(6);
    expect(again.admin.password).toBeNull();
  });

  it('the command refuses an unknown province code with a clear message', async () => {
    const err: string[] = [];
    const code = await setupCommands['setup province'].run({
      positionals: ['00'],
      options: { admin: 'ai.do' },
      db: async () => ctx.db,
      out: () => undefined,
      err: (l) => err.push(l)
    });
    expect(code).toBe(1);
    expect(err[0]).toContain('Không có tỉnh, thành phố nào mang mã này');
  });
});
