/**
 * Typical examples: an association level marks a registration with its story; the campaign
 * page lists it in scope; the public board shows collectives but not a person without consent;
 * unknown or out-of-scope models and other scopes are refused.
 */
import { expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { as, campaign, person, tree } from './emulation-support';
import { register } from '../../src/lib/server/emulation/registration.service';
import {
  campaignTypical,
  markTypical,
  publicTypical,
  unmarkTypical
} from '../../src/lib/server/emulation/typical.service';

forEachDb('typical examples', (ctx) => {
  it('marks, lists in scope, publishes collectives only without consent, unmarks', async () => {
    const t = await tree(ctx.db, 'Điển hình');
    const other = await tree(ctx.db, 'Nơi khác');
    const c = await campaign(ctx.db, t.province);
    const pid = await person(ctx.db, t.branch, 'Lò Thị Gương');
    const base = { campaign_id: c, household_name: null, commitments: [] };
    const [personReg] = await register(ctx.db, as('branch_leader', t.branch), {
      ...base,
      organisation_id: t.branch,
      subject_kind: 'person',
      person_ids: [pid],
      subject_org_ids: []
    });
    const [branchReg] = await register(ctx.db, as('association_officer', t.commune), {
      ...base,
      organisation_id: t.commune,
      subject_kind: 'branch',
      person_ids: [],
      subject_org_ids: [t.branch]
    });
    const officer = as('association_officer', t.commune);
    await markTypical(ctx.db, officer, personReg, { story: 'Bà vận động cả bản.', model_ids: [] });
    await markTypical(ctx.db, officer, branchReg, { story: 'Chi hội sạch đẹp.', model_ids: [] });
    expect((await campaignTypical(ctx.db, officer, c)).map((x) => x.story).sort()).toEqual([
      'Bà vận động cả bản.',
      'Chi hội sạch đẹp.'
    ]);
    expect(await campaignTypical(ctx.db, as('association_officer', other.commune), c)).toEqual([]);
    const board = await publicTypical(ctx.db, t.province);
    expect(board.map((x) => x.story)).toEqual(['Chi hội sạch đẹp.']);
    await expect(
      markTypical(ctx.db, officer, personReg, { story: 'x', model_ids: ['00000000-0000-0000-0000-000000000000'] })
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      markTypical(ctx.db, as('association_officer', other.commune), personReg, { story: 'x', model_ids: [] })
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      markTypical(ctx.db, as('branch_leader', t.branch), personReg, { story: 'x', model_ids: [] })
    ).rejects.toBeTruthy();
    await unmarkTypical(ctx.db, officer, branchReg);
    expect(await publicTypical(ctx.db, t.province)).toEqual([]);
  });
});
