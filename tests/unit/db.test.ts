import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { forEachDb } from '../support/db';

forEachDb('database layer', (ctx) => {
  it('migrates every table and normalises dates to plain strings', async () => {
    await ctx.db
      .insertInto('admin_unit')
      .values({
        id: 'u1',
        code: '12',
        level: 'province',
        type: 'tinh',
        name: 'Lai Châu',
        full_name: 'Tỉnh Lai Châu',
        name_search: 'lai chau',
        sort_key: 'x',
        parent_id: null,
        valid_from: '2025-07-01',
        valid_to: null,
        centre_lat: 22.4,
        centre_lon: 103.4,
        households: null,
        source: 'test',
        created_at: new Date().toISOString()
      })
      .execute();
    const row = await ctx.db.selectFrom('admin_unit').selectAll().where('id', '=', 'u1').executeTakeFirstOrThrow();
    expect(row.valid_from).toBe('2025-07-01');
    expect(typeof row.created_at).toBe('string');
    const { rows } = await sql<{ n: number }>`select count(*) as n from admin_unit`.execute(ctx.db);
    expect(rows[0].n).toBe(1);
  });
});
