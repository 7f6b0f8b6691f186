/**
 * A member follows her own registration — the page's evaluation, evidence and results, read
 * only — and sees the open campaigns of her association; anyone else's registration is not found.
 */
import { expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { as, campaign, memberAccount, person, tree } from './emulation-support';
import { register } from '../../src/lib/server/emulation/registration.service';
import { campaignsPage, registrationPage } from '../../src/lib/server/emulation/page.service';

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
    const member = await memberAccount(ctx.db, un, t.branch, 'Lường Thị Ún');

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
