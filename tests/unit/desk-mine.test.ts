/** A signed-in member finds their reports without a code; officers open a report by its short reference. */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { ANONYMOUS } from '../../src/lib/server/access/actor';
import { actorFor } from '../support/demo';
import { createReport } from '../../src/lib/server/reports/intake/intake.service';
import { myReports, ownReportId } from '../../src/lib/server/reports/mine/mine.service';
import { resolveReference } from '../../src/lib/server/reports/workflow/view.service';
import { baseInput, setup, useTempMedia, type Fixture } from './reports-intake-support';

forEachDb('my reports and short references', (ctx) => {
  let f: Fixture;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    useTempMedia();
    f = await setup(ctx.db);
    const leader = await actorFor(ctx.db, 'chihoi.truong');
    const member = await ctx.db
      .selectFrom('person')
      .select('id')
      .where('full_name', '=', 'Lường Thị Ún')
      .executeTakeFirstOrThrow();
    const make = async (actor: typeof leader, patch: Record<string, unknown>) => {
      const r = await createReport(ctx.db, actor, baseInput(f, patch));
      return r.reportId;
    };
    ids.named = await make(leader, { protection: 'named', name: 'Trưởng chi hội', phone: '0912345678' });
    ids.behalf = await make(leader, {
      observer_kind: 'member',
      observer_person_id: member.id,
      consent_method: 'signature',
      protection: 'confidential'
    });
    ids.anonymous = await make(leader, { protection: 'anonymous' });
    ids.other = await make(ANONYMOUS, {});
  });

  it('lists own named reports and on-behalf entries with status and deadline, never anonymous ones', async () => {
    const leader = await actorFor(ctx.db, 'chihoi.truong');
    const mine = await myReports(ctx.db, leader);
    const byId = Object.fromEntries(mine.map((r) => [r.id, r]));
    expect(byId[ids.named]).toMatchObject({ status: 'new', onBehalf: false, deadlineKind: 'verify' });
    expect(byId[ids.named].deadlineOn).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(byId[ids.behalf]).toMatchObject({ onBehalf: true });
    expect(byId[ids.anonymous]).toBeUndefined();
    expect(byId[ids.other]).toBeUndefined();
    expect(await ownReportId(ctx.db, leader, ids.behalf)).toBe(ids.behalf);
    await expect(ownReportId(ctx.db, leader, ids.other)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(myReports(ctx.db, ANONYMOUS)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('the short reference opens the report for an officer in scope, and is not found for others', async () => {
    const ref = ids.other.slice(0, 8).toUpperCase();
    expect(await resolveReference(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), ref)).toBe(ids.other);
    expect(await resolveReference(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), ref.toLowerCase())).toBe(ids.other);
    for (const [who, r] of [
      ['canbo.binhlu', ref],
      ['canbo.doanket', 'ZZZZZZZZ'],
      ['canbo.doanket', ref.slice(0, 7)]
    ] as const)
      await expect(resolveReference(ctx.db, await actorFor(ctx.db, who), r)).rejects.toMatchObject({
        code: 'NOT_FOUND'
      });
  });
});
