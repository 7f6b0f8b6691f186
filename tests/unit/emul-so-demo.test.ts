/**
 * The demo, on both databases: the Sở's director finds the province's nomination of the Chi cục
 * Kiểm lâm waiting in the environment campaign, seeded through the real services.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { seedDemo } from '../support/demo';
import { as } from './emulation-support';
import { seedEmulationDemo } from '../../src/lib/server/emulation/seed';
import { campaignPage } from '../../src/lib/server/emulation/page.service';

forEachDb('emulation demo: a nomination waits at the Sở', (ctx) => {
  beforeAll(async () => {
    await seedDemo(ctx.db);
    await seedEmulationDemo(ctx.db);
  });

  it('the Sở’s director sees the Chi cục Kiểm lâm nominated for the Giấy khen', async () => {
    const dept = await ctx.db
      .selectFrom('organisation')
      .select('id')
      .where('name', '=', 'Sở Nông nghiệp và Môi trường tỉnh Lai Châu')
      .executeTakeFirstOrThrow();
    const env = await ctx.db
      .selectFrom('emu_campaign')
      .select('id')
      .where('kind', '=', 'specialised')
      .executeTakeFirstOrThrow();
    const page = await campaignPage(ctx.db, as('agency_manager', dept.id), env.id);
    expect(page.nominations.map((n) => [n.subject_org_name, n.award_form])).toEqual([
      ['Chi cục Kiểm lâm tỉnh Lai Châu', 'gk_department']
    ]);
  });
});
