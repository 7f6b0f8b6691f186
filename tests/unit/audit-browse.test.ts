import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, makeAccount, makeTree } from './accounts-support';
import type { Actor } from '../../src/lib/server/access/actor';
import { audit } from '../../src/lib/server/audit/audit.service';
import { browseAudit, diff } from '../../src/lib/server/audit/audit.query';
import { auditFilterSchema } from '../../src/lib/server/audit/audit.schema';
import { validate } from '../../src/lib/server/forms';
import { isAppError } from '../../src/lib/server/errors';
import * as auditRepo from '../../src/lib/server/audit/audit.repository';

const filter = (input: Record<string, string>) => {
  const parsed = validate(auditFilterSchema, input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.codes));
  return parsed.data;
};

describe('audit filters and diff', () => {
  it.each([
    [{ from: '31/02/2026' }, { from: 'dates_err_not_in_calendar' }],
    [{ to: '01/13/2026' }, { to: 'dates_err_month' }],
    [{ from: '32/01/2026' }, { from: 'dates_err_day' }],
    [{ from: 'tháng ba' }, { from: 'err_date' }],
    [{ from: '02/03/2026', to: '01/03/2026' }, { to: 'admin_err_date_order' }],
    [{ from: '01/03/2026', to: '01/03/2026' }, {}]
  ])('%j → %j', (input, expected) => {
    const parsed = validate(auditFilterSchema, input);
    expect(parsed.ok ? {} : parsed.codes).toEqual(expected);
  });

  it('lists only the fields that changed', () => {
    expect(diff('{"a":1,"b":"x","c":null}', '{"a":2,"b":"x","d":true}')).toEqual([
      { field: 'a', before: '1', after: '2' },
      { field: 'd', before: null, after: 'true' }
    ]);
  });

  it('offers no way to change or delete audit rows', () => {
    expect(Object.keys(auditRepo).filter((k) => /update|delete|remove|edit/i.test(k))).toEqual([]);
  });
});

forEachDb('audit browsing', (ctx) => {
  let tree: Awaited<ReturnType<typeof makeTree>>;
  let admin: Actor;
  let communeAdmin: Actor;

  beforeAll(async () => {
    tree = await makeTree(ctx.db);
    admin = await actorFor(ctx.db, await makeAccount(ctx.db, { grants: [['administrator', tree.province]] }));
    communeAdmin = await actorFor(ctx.db, await makeAccount(ctx.db, { grants: [['administrator', tree.communeA]] }));
    await audit(ctx.db, admin, {
      action: 'update',
      entityType: 'organisation',
      entityId: 'org-in-a',
      organisationId: tree.branchA,
      before: { name: 'Cũ' },
      after: { name: 'Mới' }
    });
    const tick = () => new Promise((r) => setTimeout(r, 5)); // distinct timestamps, stable order
    await tick();
    await audit(ctx.db, admin, {
      action: 'update',
      entityType: 'organisation',
      entityId: 'org-in-b',
      organisationId: tree.communeB
    });
    await tick();
    await audit(ctx.db, admin, { action: 'create', entityType: 'account', entityId: 'acc-global' });
  });

  it('shows newest first, with readable changes', async () => {
    const { events } = await browseAudit(ctx.db, admin, filter({}));
    expect(events.map((e) => e.entityId)).toEqual(['acc-global', 'org-in-b', 'org-in-a']);
    expect(events[2].changes).toEqual([{ field: 'name', before: 'Cũ', after: 'Mới' }]);
  });

  it('limits a scoped administrator to their organisations and unscoped events', async () => {
    const { events } = await browseAudit(ctx.db, communeAdmin, filter({}));
    expect(events.map((e) => e.entityId).sort()).toEqual(['acc-global', 'org-in-a']);
  });

  it('filters by type, action, actor, record id and dates', async () => {
    const ids = async (f: Record<string, string>) =>
      (await browseAudit(ctx.db, admin, filter(f))).events.map((e) => e.entityId);
    expect(await ids({ entity_type: 'account' })).toEqual(['acc-global']);
    expect(await ids({ action: 'update', q: 'in-a' })).toEqual(['org-in-a']);
    expect((await ids({ actor: admin.name.slice(0, 5) })).length).toBe(3);
    expect(await ids({ actor: 'nobody-like-this' })).toEqual([]);
    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    expect((await ids({ from: today, to: today })).length).toBe(3);
    expect(await ids({ to: '01/01/2020' })).toEqual([]);
  });

  it('is for administrators only', async () => {
    const officer = await actorFor(
      ctx.db,
      await makeAccount(ctx.db, { grants: [['association_officer', tree.province]] })
    );
    const err = await browseAudit(ctx.db, officer, filter({})).catch((e) => e);
    expect(isAppError(err) && err.code).toBe('NOT_FOUND');
  });
});
