/**
 * The queue's search (category, commune, words without accents, short reference, received
 * dates) narrows within the officer's scope, survives paging, and the home page counts match.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { listQueue, todoCounts } from '../../src/lib/server/reports/workflow/queue.service';

const params = (o: Record<string, string>) => new URLSearchParams(o);

forEachDb('queue search', (ctx) => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    await seedDemo(ctx.db);
    ids.wood = (await createTestReport(ctx.db, { description: 'Chặt gỗ pơ mu ở khe Nậm Sẻ' })).id;
    ids.waste = (
      await createTestReport(ctx.db, { categoryCode: 'do_rac', description: 'Đổ rác xuống suối Nậm Sẻ' })
    ).id;
    ids.other = (await createTestReport(ctx.db, { communeCode: '03390', description: 'Chặt gỗ pơ mu ở Bình Lư' })).id;
  });

  const found = async (user: string, p: Record<string, string>) =>
    (await listQueue(ctx.db, await actorFor(ctx.db, user), 'open', new Date(), params(p))).items.map((i) => i.id);

  it.each([
    ['words without accents', { q: 'po mu' }, ['wood'], ['waste', 'other']],
    ['words with accents', { q: 'Nậm Sẻ' }, ['wood', 'waste'], ['other']],
    ['an unknown word', { q: 'xyzxyz' }, [], ['wood', 'waste', 'other']]
  ])('finds by %s', async (_n, p, yes, no) => {
    const got = await found('canbo.doanket', p);
    for (const k of yes) expect(got).toContain(ids[k]);
    for (const k of no) expect(got).not.toContain(ids[k]);
  });

  it('finds by short reference, category and received dates', async () => {
    expect(await found('canbo.doanket', { q: ids.waste.slice(0, 8).toUpperCase() })).toEqual([ids.waste]);
    const view = await listQueue(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), 'open');
    const waste = view.categories.find((c) => c.name.vi === 'Đổ rác thải bừa bãi')!;
    const byCat = await found('canbo.doanket', { category: waste.id, q: 'Nậm Sẻ' });
    expect(byCat).toEqual([ids.waste]);
    expect(await found('canbo.doanket', { q: 'Nậm Sẻ', to: '01/01/2020' })).toEqual([]);
    expect((await found('canbo.doanket', { q: 'Nậm Sẻ', from: '01/01/2020' })).length).toBe(2);
  });

  it("never finds another commune's report, even by its reference", async () => {
    expect(await found('canbo.doanket', { q: ids.other.slice(0, 8) })).toEqual([]);
  });

  it('pages with the filters kept and counts what waits on the home page', async () => {
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    const first = await listQueue(ctx.db, officer, 'open', new Date(), params({ q: 'Nậm Sẻ', page: '1' }));
    expect(first.page).toBe(1);
    expect(first.search.q).toBe('Nậm Sẻ');
    const two = await listQueue(ctx.db, officer, 'open', new Date(), params({ q: 'Nậm Sẻ', page: '2' }));
    expect(two.items).toEqual([]);
    const todo = await todoCounts(ctx.db, officer);
    const all = await listQueue(ctx.db, officer, 'new');
    expect(todo.find((t) => t.tab === 'new')?.count).toBe(all.items.length);
    expect(await todoCounts(ctx.db, await actorFor(ctx.db, 'hoivien'))).toEqual([]);
  });
});
