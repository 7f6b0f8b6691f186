/**
 * The shared conditions of every repository, on both databases: search text typed with % or _
 * (or a backslash) matches those characters literally, and validity periods are half-open.
 */
import { beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { forEachDb } from '../support/db';
import type { Db } from '../../src/lib/server/db';
import { fold, sortKey } from '../../src/lib/shared/text';
import { listUnits } from '../../src/lib/server/geo/unit.service';
import { unitQuerySchema } from '../../src/lib/server/geo/unit.schema';
import { insertAuditEvent, searchAuditEvents } from '../../src/lib/server/audit/audit.repository';

async function addUnit(db: Db, name: string, validFrom = '2025-07-01', validTo: string | null = null) {
  await db
    .insertInto('admin_unit')
    .values({
      id: randomUUID(),
      code: null,
      level: 'village',
      type: 'thon',
      name,
      full_name: name,
      name_search: fold(name),
      sort_key: sortKey(name),
      parent_id: null,
      valid_from: validFrom,
      valid_to: validTo,
      centre_lat: null,
      centre_lon: null,
      households: null,
      source: 'test',
      created_at: new Date().toISOString()
    })
    .execute();
}

forEachDb('shared search and validity predicates', (ctx) => {
  const names = (q: string, at = '2026-03-01') =>
    listUnits(ctx.db, unitQuerySchema.parse({ q, at, level: 'village' })).then((r) =>
      r.items.map((u) => u.full_name).sort()
    );

  beforeAll(async () => {
    for (const n of ['Thôn 100% sạch', 'Thôn 1000 sạch', 'Thôn A_B', 'Thôn AXB', 'Thôn C\\D', 'Thôn CD'])
      await addUnit(ctx.db, n);
    await addUnit(ctx.db, 'Bản Hết Hạn', '2025-07-01', '2026-01-01');
    await addUnit(ctx.db, 'Bản Sắp Lập', '2026-01-01');
  });

  it.each([
    ['100%', ['Thôn 100% sạch']],
    ['%', ['Thôn 100% sạch']],
    ['A_B', ['Thôn A_B']],
    ['_', ['Thôn A_B']],
    ['C\\D', ['Thôn C\\D']],
    ['thon cd', ['Thôn CD']],
    ['sach', ['Thôn 100% sạch', 'Thôn 1000 sạch']]
  ])('a unit search for %j finds exactly %j', async (q, expected) => {
    expect(await names(q)).toEqual(expected);
  });

  it.each([
    ['2025-06-30', []],
    ['2025-07-01', ['Bản Hết Hạn']],
    ['2025-12-31', ['Bản Hết Hạn']],
    ['2026-01-01', ['Bản Sắp Lập']],
    ['2026-06-01', ['Bản Sắp Lập']]
  ])('on %s the units valid that day are %j (periods are half-open)', async (at, expected) => {
    expect(await names('ban', at)).toEqual(expected);
  });

  it('the audit log search matches % and _ literally and ignores case', async () => {
    const at = new Date().toISOString();
    for (const actor of ['Cán bộ 50%', 'Cán bộ 500', 'Admin_1', 'AdminX1'])
      await insertAuditEvent(ctx.db, {
        id: randomUUID(),
        at,
        actor_account_id: null,
        actor_name: actor,
        action: 'test.search',
        entity_type: 'test',
        entity_id: null,
        organisation_id: null,
        before_json: null,
        after_json: null,
        note: null
      });
    const found = async (actor: string) =>
      (await searchAuditEvents(ctx.db, null, { actor, action: 'test.search' }, 50, 0)).map((r) => r.actor_name).sort();
    expect(await found('50%')).toEqual(['Cán bộ 50%']);
    expect(await found('admin_')).toEqual(['Admin_1']);
    expect(await found('ADMIN')).toEqual(['AdminX1', 'Admin_1'].sort());
  });
});
