/** Forms that fit how people fill them: path defaults the server accepts, typed dates, categories arranged. */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { ANONYMOUS } from '../../src/lib/server/access/actor';
import { actorFor } from '../support/demo';
import { createReport } from '../../src/lib/server/reports/intake/intake.service';
import { arrangeCategories } from '../../src/lib/server/reports/intake/category-picker';
import { defaultProtection } from '../../src/lib/shared/reports/constants';
import { todayVn } from '../../src/lib/shared/format';
import { baseInput, setup, useTempMedia, type Fixture } from './reports-intake-support';

const cat = (id: string, group: string) => ({ id, group_code: group, group_vi: group, group_en: group });

it('puts the most reported categories first and keeps the rest under their groups in order', () => {
  const all = [cat('a', 'rung'), cat('b', 'rung'), cat('c', 'nuoc'), cat('d', 'rac'), cat('e', 'rac'), cat('f', 'rac')];
  const { common, groups } = arrangeCategories(all, { e: 9, c: 4, f: 4 });
  expect(common.map((c) => c.id)).toEqual(['e', 'c', 'f', 'a', 'b']);
  expect(groups.map((g) => [g.code, g.categories.map((c) => c.id)])).toEqual([['rac', ['d']]]);
  expect(arrangeCategories(all, {}).common.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
});

it.each([
  ['phan_anh', 'self', 'anonymous'],
  ['kien_nghi', 'non_member', 'anonymous'],
  ['phan_anh', 'member', 'confidential'],
  ['to_cao', 'self', 'confidential']
])('a %s by %s starts as %s', (channel, kind, expected) => {
  expect(defaultProtection(channel, kind)).toBe(expected);
});

const yesterday = () => new Date(Date.parse(`${todayVn()}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

forEachDb('intake forms as people fill them', (ctx) => {
  let f: Fixture;
  beforeAll(async () => {
    useTempMedia();
    f = await setup(ctx.db);
  });

  it.each([
    ['hôm qua', yesterday],
    [todayVn().split('-').reverse().join(''), todayVn],
    [todayVn().split('-').reverse().join('-'), todayVn]
  ])('accepts the date typed as %s', async (typed, expected) => {
    const r = await createReport(ctx.db, ANONYMOUS, baseInput(f, { observed_on: typed }));
    const row = await ctx.db
      .selectFrom('report')
      .select('observed_on')
      .where('id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    expect(String(row.observed_on).slice(0, 10)).toBe(expected());
  });

  it('a branch leader reporting for a member succeeds on first submit without choosing a protection', async () => {
    const leader = await actorFor(ctx.db, 'chihoi.truong');
    const member = await ctx.db
      .selectFrom('person')
      .select('id')
      .where('full_name', '=', 'Lường Thị Ún')
      .executeTakeFirstOrThrow();
    const r = await createReport(
      ctx.db,
      leader,
      baseInput(f, {
        observer_kind: 'member',
        observer_person_id: member.id,
        consent_method: 'signature',
        protection: ''
      })
    );
    const row = await ctx.db
      .selectFrom('report')
      .select('protection')
      .where('id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    expect(row.protection).toBe('confidential');
  });

  it('an elder sending no protection choice reports without a name', async () => {
    const r = await createReport(ctx.db, ANONYMOUS, baseInput(f, { protection: '' }));
    expect(r.created).toBe(true);
  });
});
