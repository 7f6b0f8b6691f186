/**
 * A member follows her own registration — the page's evaluation, evidence and results, read
 * only — and sees the open campaigns of her association; anyone else's registration is not found.
 */
import { expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { as, campaign, person, tree } from './emulation-support';
import { register } from '../../src/lib/server/emulation/registration.service';
import { campaignsPage, registrationPage } from '../../src/lib/server/emulation/page.service';
import { newId, nowIso } from '../../src/lib/server/db/ids';
import type { Actor } from '../../src/lib/server/access/actor';

forEachDb('a member and her own registration', (ctx) => {
  it('opens hers read only, not a neighbour’s, and lists the open campaigns', async () => {
    const t = await tree(ctx.db, 'Của tôi');
    const c = await campaign(ctx.db, t.province);
    const leader = as('branch_leader', t.branch);
    const un = await person(ctx.db, t.branch, 'Lường Thị Ún');
    const other = await person(ctx.db, t.branch, 'Lò Thị Khác');
    const [mine, theirs] = await register(ctx.db, leader, {
      campaign_id: c,
      organisation_id: t.branch,
      subject_kind: 'person',
      person_ids: [un, other],
      household_name: null,
      subject_org_ids: [],
      commitments: []
    });
    const accountId = newId();
    await ctx.db
      .insertInto('account')
      .values({
        id: accountId,
        username: `un-${accountId.slice(0, 8)}`,
        display_name: 'Lường Thị Ún',
        password_hash: 'x',
        person_id: un,
        created_at: nowIso(),
        updated_at: nowIso()
      } as never)
      .execute();
    const member: Actor = {
      kind: 'account',
      accountId,
      name: 'Lường Thị Ún',
      grants: [{ role: 'member', organisationId: t.branch }]
    };

    const page = await registrationPage(ctx.db, member, mine);
    expect(page.registration.subject_name).toBe('Lường Thị Ún');
    expect(page.lines.length).toBeGreaterThan(0);
    expect(page.canAssess).toBe(false);
    expect(page.canConsent).toBe(false);
    expect(page.canRevoke).toBe(false);
    await expect(registrationPage(ctx.db, member, theirs)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const list = await campaignsPage(ctx.db, member);
    expect(list.mine.map((r) => r.id)).toEqual([mine]);
    expect(list.campaigns.map((x) => x.id)).toContain(c);
    expect(list.canRead).toBe(false);
  });
});
