/**
 * The per-test factories on an empty database (no demo seed): each call makes a world of its
 * own, and the access rules treat it like any other — one commune's officer sees that
 * commune's reports and members, never another call's.
 */
import { expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { makeOrg, makePerson, makeReport } from '../support/factories';
import { actorWith } from './program-support';
import { getPerson } from '../../src/lib/server/people/person.service';
import { listQueue } from '../../src/lib/server/reports/workflow/queue.service';

forEachDb('test factories', (ctx) => {
  it('make a report with its commune, province and category on an empty database', async () => {
    const a = await makeReport(ctx.db);
    const b = await makeReport(ctx.db, { description: 'Đổ rác xuống suối' });
    const officerA = actorWith('association_officer', a.commune.id);
    const queue = await listQueue(ctx.db, officerA, 'open');
    expect(queue.items.map((i) => i.id)).toEqual([a.id]);
    const officerB = actorWith('association_officer', b.commune.id);
    expect((await listQueue(ctx.db, officerB, 'open')).items.map((i) => i.id)).toEqual([b.id]);
  });

  it('make members in an association of their own unless one is given', async () => {
    const branch = await makeOrg(ctx.db, { type: 'branch' });
    const inBranch = await makePerson(ctx.db, { organisationId: branch.id, name: 'Lò Văn Thử' });
    const elsewhere = await makePerson(ctx.db);
    const leader = actorWith('branch_leader', branch.id);
    expect((await getPerson(ctx.db, leader, inBranch.id)).full_name).toBe('Lò Văn Thử');
    await expect(getPerson(ctx.db, leader, elsewhere.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
