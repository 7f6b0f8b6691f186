import { expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { ACTOR, HAS_DATA, data } from './geo-support';
import { importChangeTableFile, importUnitsFile } from '../../src/lib/server/geo/import/files';
import { GET as list } from '../../src/routes/api/v1/units/+server';
import { GET as one } from '../../src/routes/api/v1/units/[id]/+server';

type Handler = (event: any) => Response | Promise<Response>;
const call = async (handler: Handler, db: unknown, query: string, params: Record<string, string> = {}) => {
  const res = await handler({ url: new URL(`http://x/api/v1/units${query}`), locals: { db }, params });
  return { status: res.status, body: await res.json() };
};

forEachDb('geo: /api/v1/units', (ctx) => {
  it.skipIf(!HAS_DATA)('lists units valid on a date with filters', async () => {
    await importUnitsFile(ctx.db, ACTOR, data('lai-chau/units-pre-2025_lai-chau.json'), { validFrom: '2008-01-01' });
    await importUnitsFile(ctx.db, ACTOR, data('lai-chau/units-2025-07-01_lai-chau.json'), { validFrom: '2025-07-01' });
    await importChangeTableFile(ctx.db, ACTOR, data('lai-chau/unit-changes-2025-07-01_lai-chau.csv'));

    const after = await call(list, ctx.db, '?level=commune&at=2025-07-01&limit=5');
    expect(after.status).toBe(200);
    expect(after.body.total).toBe(38);
    expect(after.body.items).toHaveLength(5);
    expect(Object.keys(after.body.items[0]).sort()).toEqual([
      'centre',
      'code',
      'full_name',
      'id',
      'level',
      'name',
      'parent_id',
      'type',
      'valid_from',
      'valid_to'
    ]);
    expect((await call(list, ctx.db, '?level=commune&at=30/06/2025')).body.total).toBe(106);
    expect((await call(list, ctx.db, '?at=2025-06-30&parent=105')).body.total).toBe(7);
    expect(
      (await call(list, ctx.db, '?at=2025-07-01&q=PHUONG%20doan%20ket')).body.items.map((u: { code: string }) => u.code)
    ).toEqual(['03388']);
    expect((await call(list, ctx.db, '?at=2025-06-30&code=03388')).body.items[0].name).toBe('Quyết Tiến');
    expect((await call(list, ctx.db, '?at=2025-06-30&q=%25')).body.total).toBe(0);
  });

  it.each([
    ['?level=hamlet', 'level'],
    ['?at=31/02/2025', 'at'],
    ['?code=12a', 'code'],
    ['?limit=0', 'limit'],
    ['?limit=abc', 'limit'],
    ['?offset=-1', 'offset'],
    [`?q=${'x'.repeat(101)}`, 'q']
  ])('answers 400 VALIDATION for %s', async (query, field) => {
    const { status, body } = await call(list, ctx.db, query);
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION');
    expect(typeof body.error.message).toBe('string');
    expect(Object.keys(body.error.fields)).toEqual([field]);
  });

  it.skipIf(!HAS_DATA)('shows one unit with predecessors and successors; unknown ids are 404', async () => {
    const found = (await call(list, ctx.db, '?at=2025-07-01&code=03388')).body.items[0];
    const { status, body } = await call(one, ctx.db, '', { id: found.id });
    expect(status).toBe(200);
    expect(body.full_name).toBe('Phường Đoàn Kết');
    expect(body.predecessors.map((p: { unit: { name: string } }) => p.unit.name).sort()).toEqual(
      ['Lả Nhì Thàng', 'Quyết Thắng', 'Quyết Tiến', 'Sùng Phài', 'Đoàn Kết'].sort()
    );
    expect(body.successors).toEqual([]);
    for (const id of ['00000000-0000-0000-0000-000000000000', 'not-an-id']) {
      const missing = await call(one, ctx.db, '', { id });
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('NOT_FOUND');
    }
  });
});
