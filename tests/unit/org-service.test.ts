/**
 * Organisation service on the demo trees, both databases: the scope matrix (out of scope reads
 * exactly like missing), placement rules, closing with a successor, and the audit trail.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import type { Db } from '../../src/lib/server/db';
import { compareVi } from '../../src/lib/shared/text';
import type { Actor } from '../../src/lib/server/access/actor';
import { isAppError } from '../../src/lib/server/errors';
import { organisationCreateSchema, orgQuerySchema } from '../../src/lib/server/org/organisation.schema';
import {
  getOrganisation,
  listOrganisations,
  organisationDetails,
  organisationTree
} from '../../src/lib/server/org/organisation.service';
import {
  closeOrganisation,
  createOrganisation,
  updateOrganisation
} from '../../src/lib/server/org/organisation.commands';

const HOI = {
  province: 'Hội Người cao tuổi tỉnh Lai Châu',
  doanKet: 'Hội Người cao tuổi phường Đoàn Kết',
  doanKetBranch: 'Chi hội NCT Bản Mẫu Một (demo)',
  binhLu: 'Hội Người cao tuổi xã Bình Lư',
  binhLuBranch: 'Chi hội NCT Bản Mẫu Ba (demo)',
  rangers: 'Chi cục Kiểm lâm tỉnh Lai Châu',
  soTnmt: 'Sở Tài nguyên và Môi trường tỉnh Lai Châu',
  soNnmt: 'Sở Nông nghiệp và Môi trường tỉnh Lai Châu'
} as const;
type OrgKey = keyof typeof HOI;

/** The error code (and field/message) a call fails with, or 'ok'. */
async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (!isAppError(e)) throw e;
    return e.code === 'VALIDATION' ? `${e.details?.field}:${e.message}` : e.code;
  }
}

async function unitId(db: Db, fullName: string): Promise<string> {
  return (await db.selectFrom('admin_unit').select('id').where('full_name', '=', fullName).executeTakeFirstOrThrow())
    .id;
}

const suffix = () => Math.random().toString(36).slice(2, 8);

forEachDb('organisation service', (ctx) => {
  const ids = {} as Record<OrgKey, string>;
  const actors: Record<string, Actor> = {};
  beforeAll(async () => {
    await seedDemo(ctx.db);
    for (const key of Object.keys(HOI) as OrgKey[]) ids[key] = await orgId(ctx.db, HOI[key]);
    for (const u of ['quantri', 'canbo.tinh', 'canbo.doanket', 'canbo.binhlu', 'kiemlam', 'lanhdao.so', 'hoivien'])
      actors[u] = await actorFor(ctx.db, u);
  });

  /** A fresh open branch under Đoàn Kết for tests that change state. */
  async function newBranch(name = `Chi hội thử ${suffix()}`): Promise<string> {
    const input = organisationCreateSchema.parse({
      kind: 'association',
      type: 'branch',
      name,
      parent_id: ids.doanKet,
      admin_unit_id: await unitId(ctx.db, 'Bản Mẫu Hai (demo)'),
      valid_from: '01/08/2025',
      phone: '0912 345 678'
    });
    return createOrganisation(ctx.db, actors['canbo.tinh'], input);
  }

  // [username, operation, organisation, expected]
  const MATRIX: [string, 'read' | 'edit' | 'close', OrgKey, string][] = [
    ['canbo.doanket', 'read', 'doanKet', 'ok'],
    ['canbo.doanket', 'read', 'doanKetBranch', 'ok'],
    ['canbo.doanket', 'edit', 'doanKetBranch', 'ok'],
    ['canbo.doanket', 'read', 'binhLu', 'NOT_FOUND'],
    ['canbo.doanket', 'read', 'binhLuBranch', 'NOT_FOUND'],
    ['canbo.doanket', 'edit', 'binhLu', 'NOT_FOUND'],
    ['canbo.doanket', 'edit', 'binhLuBranch', 'NOT_FOUND'],
    ['canbo.doanket', 'close', 'binhLuBranch', 'NOT_FOUND'],
    ['canbo.doanket', 'read', 'province', 'NOT_FOUND'],
    ['canbo.doanket', 'read', 'rangers', 'NOT_FOUND'],
    ['canbo.binhlu', 'read', 'doanKetBranch', 'NOT_FOUND'],
    ['canbo.tinh', 'read', 'binhLuBranch', 'ok'],
    ['canbo.tinh', 'edit', 'binhLu', 'ok'],
    ['canbo.tinh', 'edit', 'rangers', 'NOT_FOUND'],
    ['quantri', 'edit', 'binhLuBranch', 'ok'],
    ['quantri', 'edit', 'rangers', 'ok'],
    ['kiemlam', 'read', 'rangers', 'ok'],
    ['kiemlam', 'edit', 'rangers', 'FORBIDDEN'],
    ['kiemlam', 'edit', 'doanKet', 'FORBIDDEN'],
    ['lanhdao.so', 'edit', 'doanKetBranch', 'FORBIDDEN'],
    ['lanhdao.so', 'read', 'rangers', 'ok'],
    ['hoivien', 'read', 'doanKetBranch', 'FORBIDDEN']
  ];

  describe('scope matrix', () => {
    it.each(MATRIX)('%s %s %s → %s', async (user, op, key, expected) => {
      const actor = actors[user];
      const run =
        op === 'read'
          ? getOrganisation(ctx.db, actor, ids[key])
          : op === 'edit'
            ? updateOrganisation(ctx.db, actor, ids[key], { phone: '0987654321' })
            : closeOrganisation(ctx.db, actor, ids[key], { valid_to: '2026-01-01', successor_id: null });
      expect(await outcome(run)).toBe(expected);
    });

    it('an unknown id reads exactly like an out-of-scope one', async () => {
      expect(await outcome(getOrganisation(ctx.db, actors['canbo.doanket'], 'no-such-id'))).toBe('NOT_FOUND');
    });

    it('lists only what is in scope', async () => {
      const q = orgQuerySchema.parse({});
      const names = (await listOrganisations(ctx.db, actors['canbo.doanket'], q)).items.map((o) => o.name);
      expect(names).toContain(HOI.doanKet);
      expect(names).not.toContain(HOI.binhLu);
      expect(names).not.toContain(HOI.binhLuBranch);
    });

    it('anonymous actors are told to sign in', async () => {
      const anonymous: Actor = { kind: 'anonymous', accountId: null, name: 'anonymous', grants: [] };
      expect(await outcome(listOrganisations(ctx.db, anonymous, orgQuerySchema.parse({})))).toBe('UNAUTHENTICATED');
    });
  });

  describe('placement rules', () => {
    // [actor, parent (null = top level), kind, type, unit full name, valid_from, expected]
    const RULES: [string, OrgKey | null, string, string, string, string, string][] = [
      ['canbo.tinh', 'doanKet', 'association', 'branch', 'Bản Mẫu Hai (demo)', '2025-08-01', 'ok'],
      ['canbo.tinh', 'doanKet', 'association', 'club', 'Phường Đoàn Kết', '2025-08-01', 'ok'],
      ['canbo.tinh', 'province', 'association', 'commune_association', 'Xã Bình Lư', '2025-08-01', 'ok'],
      ['canbo.tinh', 'doanKetBranch', 'association', 'group', 'Bản Mẫu Một (demo)', '2025-08-01', 'ok'],
      ['quantri', 'soNnmt', 'agency', 'department_unit', 'Tỉnh Lai Châu', '2025-08-01', 'ok'],
      ['quantri', null, 'association', 'province_association', 'Tỉnh Lai Châu', '2025-08-01', 'ok'],
      ['canbo.tinh', 'province', 'association', 'branch', 'Phường Đoàn Kết', '2025-08-01', 'type:org_err_type_parent'],
      ['canbo.tinh', 'doanKet', 'association', 'group', 'Phường Đoàn Kết', '2025-08-01', 'type:org_err_type_parent'],
      [
        'canbo.tinh',
        'doanKet',
        'agency',
        'forest_rangers',
        'Phường Đoàn Kết',
        '2025-08-01',
        'type:org_err_type_parent'
      ],
      [
        'canbo.tinh',
        'doanKet',
        'association',
        'forest_rangers',
        'Phường Đoàn Kết',
        '2025-08-01',
        'type:org_err_type_kind'
      ],
      ['quantri', 'soNnmt', 'association', 'branch', 'Tỉnh Lai Châu', '2025-08-01', 'type:org_err_type_parent'],
      [
        'canbo.tinh',
        null,
        'association',
        'province_association',
        'Tỉnh Lai Châu',
        '2025-08-01',
        'parent_id:org_err_parent_required'
      ],
      [
        'canbo.doanket',
        'binhLu',
        'association',
        'branch',
        'Bản Mẫu Ba (demo)',
        '2025-08-01',
        'parent_id:org_err_parent'
      ],
      ['canbo.tinh', 'rangers', 'agency', 'department_unit', 'Tỉnh Lai Châu', '2025-08-01', 'parent_id:org_err_parent'],
      [
        'canbo.tinh',
        'doanKet',
        'association',
        'branch',
        'Bản Mẫu Ba (demo)',
        '2025-08-01',
        'admin_unit_id:org_err_unit_outside'
      ],
      [
        'canbo.tinh',
        'province',
        'association',
        'commune_association',
        'Xã Bình Lư',
        '2020-01-01',
        'admin_unit_id:org_err_unit_date'
      ],
      [
        'canbo.tinh',
        'doanKet',
        'association',
        'branch',
        'Bản Mẫu Hai (demo)',
        '2025-01-01',
        'valid_from:org_err_parent_closed'
      ],
      [
        'quantri',
        'soTnmt',
        'agency',
        'department_unit',
        'Tỉnh Lai Châu',
        '2025-06-01',
        'valid_from:org_err_parent_closed'
      ]
    ];
    it.each(RULES)('%s: %s > %s/%s in %s from %s → %s', async (user, parent, kind, type, unit, from, expected) => {
      const input = organisationCreateSchema.parse({
        kind,
        type,
        name: `Thử ${suffix()}`,
        parent_id: parent ? ids[parent] : '',
        admin_unit_id: await unitId(ctx.db, unit),
        valid_from: from
      });
      expect(await outcome(createOrganisation(ctx.db, actors[user], input))).toBe(expected);
    });

    it('keeps the type fitting the parent on edit', async () => {
      const id = await newBranch();
      expect(await outcome(updateOrganisation(ctx.db, actors['canbo.tinh'], id, { type: 'commune_association' }))).toBe(
        'type:org_err_type_parent'
      );
      expect(await outcome(updateOrganisation(ctx.db, actors['canbo.tinh'], id, { type: 'police' }))).toBe(
        'type:org_err_type_kind'
      );
      expect(await outcome(updateOrganisation(ctx.db, actors['canbo.tinh'], id, { type: 'club' }))).toBe('ok');
    });
  });

  describe('closing', () => {
    it('closes with a successor, keeps history, and links both ways', async () => {
      const closed = await newBranch();
      const successor = await newBranch();
      const officer = actors['canbo.doanket'];
      await closeOrganisation(ctx.db, officer, closed, { valid_to: '2025-10-01', successor_id: successor });
      const details = await organisationDetails(ctx.db, officer, closed, '2026-01-01');
      expect(details.org.valid_to).toBe('2025-10-01');
      expect(details.successor?.id).toBe(successor);
      const after = await organisationDetails(ctx.db, officer, successor, '2026-01-01');
      expect(after.predecessors.map((p) => p.id)).toContain(closed);
      const today = (q: object) =>
        listOrganisations(ctx.db, officer, orgQuerySchema.parse(q), '2026-01-01').then((r) => r.items.map((o) => o.id));
      expect(await today({})).not.toContain(closed);
      expect(await today({ include_closed: 'on' })).toContain(closed);
      expect(await today({ as_of: '15/09/2025' })).toContain(closed);
      expect(
        await outcome(closeOrganisation(ctx.db, officer, closed, { valid_to: '2025-11-01', successor_id: null }))
      ).toBe('CONFLICT');
    });

    it('refuses bad dates, unsuitable successors and open children', async () => {
      const id = await newBranch();
      const officer = actors['canbo.tinh'];
      const close = (valid_to: string, successor_id: string | null, target = id) =>
        outcome(closeOrganisation(ctx.db, officer, target, { valid_to, successor_id }));
      expect(await close('2025-07-01', null)).toBe('valid_to:org_err_close_before_start');
      expect(await close('2025-10-01', id)).toBe('successor_id:org_err_successor');
      expect(await close('2025-10-01', ids.rangers)).toBe('successor_id:org_err_successor');
      expect(await close('2025-10-01', null, ids.doanKet)).toBe('valid_to:org_err_open_children');
    });

    it('shows the seeded department succeeded by the new one', async () => {
      const admin = actors.quantri;
      const old = await organisationDetails(ctx.db, admin, ids.soTnmt);
      expect(old.org.valid_to).toBe('2025-03-01');
      expect(old.successor?.name).toBe(HOI.soNnmt);
      const before = await listOrganisations(
        ctx.db,
        admin,
        orgQuerySchema.parse({ kind: 'agency', as_of: '31/12/2024' })
      );
      expect(before.items.map((o) => o.name)).toContain(HOI.soTnmt);
      expect(before.items.map((o) => o.name)).not.toContain(HOI.soNnmt);
    });
  });

  describe('reading', () => {
    it('finds by folded name and sorts in Vietnamese order', async () => {
      const found = await listOrganisations(
        ctx.db,
        actors['canbo.tinh'],
        orgQuerySchema.parse({ q: 'doan ket', type: 'commune_association' })
      );
      expect(found.items.map((o) => o.name)).toEqual([HOI.doanKet]);
      const communes = await listOrganisations(
        ctx.db,
        actors['canbo.tinh'],
        orgQuerySchema.parse({ type: 'commune_association' })
      );
      const names = communes.items.map((o) => o.name);
      expect(names).toEqual([...names].sort(compareVi));
      const at = (n: string) => names.indexOf(`Hội Người cao tuổi ${n}`);
      expect(at('xã Bản Bo')).toBeGreaterThan(-1);
      expect(at('xã Bản Bo')).toBeLessThan(at('xã Bình Lư'));
      expect(at('xã Bình Lư')).toBeLessThan(at('xã Dào San'));
      expect(at('phường Đoàn Kết')).toBeLessThan(at('phường Tân Phong'));
    });

    it('builds the tree with children under parents', async () => {
      const tree = await organisationTree(ctx.db, actors['canbo.tinh'], orgQuerySchema.parse({}));
      expect(tree.map((n) => n.org.name)).toEqual([HOI.province]);
      const doanKet = tree[0].children.find((n) => n.org.name === HOI.doanKet);
      expect(doanKet?.children.map((n) => n.org.name)).toContain(HOI.doanKetBranch);
    });

    it('gives details with breadcrumbs limited to the scope and a member count', async () => {
      const mine = await organisationDetails(ctx.db, actors['canbo.doanket'], ids.doanKetBranch);
      expect(mine.ancestors.map((a) => a.name)).toEqual([HOI.doanKet]);
      expect(mine.members).toBeGreaterThan(0);
      expect(mine.canWrite).toBe(true);
      const viaProvince = await organisationDetails(ctx.db, actors['canbo.tinh'], ids.doanKetBranch);
      expect(viaProvince.ancestors.map((a) => a.name)).toEqual([HOI.province, HOI.doanKet]);
    });
  });

  describe('audit', () => {
    it('records create, update and close with before and after', async () => {
      const id = await newBranch();
      await updateOrganisation(ctx.db, actors['canbo.tinh'], id, { name: 'Chi hội đổi tên' });
      await closeOrganisation(ctx.db, actors['canbo.tinh'], id, { valid_to: '2025-12-01', successor_id: null });
      const rows = await ctx.db
        .selectFrom('audit_event')
        .selectAll()
        .where('entity_type', '=', 'organisation')
        .where('entity_id', '=', id)
        .execute();
      // Timestamps may tie within a millisecond, so find each row by its action and note.
      const find = (action: string, note: string | null) => rows.find((r) => r.action === action && r.note === note)!;
      expect(rows).toHaveLength(3);
      expect(JSON.parse(find('create', null).after_json!).parent_id).toBe(ids.doanKet);
      expect(JSON.parse(find('update', null).before_json!).name).not.toBe('Chi hội đổi tên');
      expect(JSON.parse(find('update', null).after_json!).name).toBe('Chi hội đổi tên');
      expect(JSON.parse(find('update', 'close').after_json!).valid_to).toBe('2025-12-01');
      expect(rows.every((r) => r.actor_account_id === actors['canbo.tinh'].accountId)).toBe(true);
    });

    it('writes nothing when a change is refused', async () => {
      const before = await ctx.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      await outcome(updateOrganisation(ctx.db, actors['canbo.doanket'], ids.binhLu, { name: 'X' }));
      const after = await ctx.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });
  });
});
