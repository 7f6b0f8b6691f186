/**
 * The identity custodian role takes two administrators: a grant from the admin area becomes a
 * request; the one who asked (and the person concerned) cannot approve it; a second
 * administrator approves or refuses; each step is audited and current custodians are told.
 * Only the operator at the server (system actor, the CLI) grants at once.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, makeAccount, makeTree } from './accounts-support';
import { SYSTEM } from '../../src/lib/server/access/actor';
import { grantRole } from '../../src/lib/server/accounts/grants.service';
import { decideCustodianRequest, pendingCustodianRequests } from '../../src/lib/server/accounts/custodian.service';
import { findActiveGrants } from '../../src/lib/server/auth/auth.repository';
import { compose } from '../../src/lib/server/notify/compose';
import { listAccountNotices } from '../../src/lib/server/notify/inbox.service';
import { isAppError } from '../../src/lib/server/errors';
import type { Db } from '../../src/lib/server/db';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e) => (isAppError(e) ? `${e.code}:${e.message}` : Promise.reject(e))
  );

const roles = async (db: Db, id: string) => (await findActiveGrants(db, id)).map((g) => g.role);
const auditOf = (db: Db, entityId: string) =>
  db
    .selectFrom('audit_event')
    .select(['action', 'actor_account_id', 'entity_type'])
    .where('entity_id', '=', entityId)
    .orderBy('at')
    .execute();
const custodianMail = (db: Db, accountId: string) =>
  db
    .selectFrom('notification')
    .select(['body_json', 'kind', 'day'])
    .where('kind', '=', 'custodian')
    .where('account_id', '=', accountId)
    .execute();

forEachDb('custodian grant needs a second administrator', (ctx) => {
  let tree: Awaited<ReturnType<typeof makeTree>>;
  let adminA: Awaited<ReturnType<typeof makeAccount>>;
  let adminB: Awaited<ReturnType<typeof makeAccount>>;
  let custodian: Awaited<ReturnType<typeof makeAccount>>;
  beforeAll(async () => {
    tree = await makeTree(ctx.db);
    adminA = await makeAccount(ctx.db, { grants: [['administrator', tree.province]] });
    adminB = await makeAccount(ctx.db, { grants: [['administrator', tree.province]] });
    custodian = await makeAccount(ctx.db, { grants: [['identity_custodian', tree.province]] });
  });

  it('a grant by one administrator is only a request; the requester cannot approve it', async () => {
    const target = await makeAccount(ctx.db, { grants: [['viewer', tree.communeA]] });
    const a = await actorFor(ctx.db, adminA);
    const outcome = await grantRole(ctx.db, a, target.id, {
      role: 'identity_custodian',
      organisation_id: tree.province
    });
    expect(outcome.pending).toBe(true);
    expect(await roles(ctx.db, target.id)).not.toContain('identity_custodian');
    // Asking twice is one request.
    expect(
      await codeOf(grantRole(ctx.db, a, target.id, { role: 'identity_custodian', organisation_id: tree.province }))
    ).toBe('CONFLICT:seca_err_request_exists');
    const [pending] = await pendingCustodianRequests(ctx.db, a, target.id);
    expect(pending).toMatchObject({ id: outcome.id, decidable: false });
    expect(await codeOf(decideCustodianRequest(ctx.db, a, outcome.id, 'approved'))).toBe(
      'FORBIDDEN:seca_err_own_request'
    );
    // The person concerned cannot approve their own elevation either, even as an administrator.
    const targetAdmin = await makeAccount(ctx.db, { grants: [['administrator', tree.province]] });
    const req2 = await grantRole(ctx.db, a, targetAdmin.id, {
      role: 'identity_custodian',
      organisation_id: tree.province
    });
    expect(await codeOf(decideCustodianRequest(ctx.db, await actorFor(ctx.db, targetAdmin), req2.id, 'approved'))).toBe(
      'FORBIDDEN:sec_err_self_custodian'
    );
    expect(await roles(ctx.db, target.id)).not.toContain('identity_custodian');

    const b = await actorFor(ctx.db, adminB);
    expect((await pendingCustodianRequests(ctx.db, b, target.id))[0].decidable).toBe(true);
    await decideCustodianRequest(ctx.db, b, outcome.id, 'approved');
    expect(await roles(ctx.db, target.id)).toContain('identity_custodian');
    expect(await codeOf(decideCustodianRequest(ctx.db, b, outcome.id, 'refused'))).toBe(
      'CONFLICT:seca_err_request_decided'
    );
    expect(await pendingCustodianRequests(ctx.db, b, target.id)).toEqual([]);
    const trail = await auditOf(ctx.db, outcome.id);
    expect(trail.map((r) => [r.action, r.actor_account_id])).toEqual([
      ['request', adminA.id],
      ['approve', adminB.id]
    ]);
    const grant = await ctx.db
      .selectFrom('role_grant')
      .select(['granted_by'])
      .where('account_id', '=', target.id)
      .where('role', '=', 'identity_custodian')
      .executeTakeFirstOrThrow();
    expect(grant.granted_by).toBe(adminB.id);
  });

  it('a refusal grants nothing and is audited; custodians are told of every step', async () => {
    const target = await makeAccount(ctx.db);
    const a = await actorFor(ctx.db, adminA);
    const b = await actorFor(ctx.db, adminB);
    const { id } = await grantRole(ctx.db, a, target.id, { role: 'identity_custodian', organisation_id: tree.branchA });
    await decideCustodianRequest(ctx.db, b, id, 'refused');
    expect(await roles(ctx.db, target.id)).toEqual([]);
    expect((await auditOf(ctx.db, id)).map((r) => r.action)).toEqual(['request', 'refuse']);
    const told = (await custodianMail(ctx.db, custodian.id)).filter((n) =>
      JSON.stringify(n.body_json).includes(target.username)
    );
    expect(told).toHaveLength(2);
    const words = told.map((n) => compose(n, () => '', '').text).join('\n');
    expect(words).toMatch(/đề nghị cấp quyền giữ danh tính/);
    expect(words).toMatch(/đã từ chối/);
  });

  it('an administrator outside the scope cannot see or decide the request', async () => {
    const outsider = await makeAccount(ctx.db, { grants: [['administrator', tree.communeB]] });
    const target = await makeAccount(ctx.db);
    const a = await actorFor(ctx.db, adminA);
    const { id } = await grantRole(ctx.db, a, target.id, {
      role: 'identity_custodian',
      organisation_id: tree.communeA
    });
    const o = await actorFor(ctx.db, outsider);
    expect(await pendingCustodianRequests(ctx.db, o)).toEqual([]);
    expect(await codeOf(decideCustodianRequest(ctx.db, o, id, 'approved'))).toBe('NOT_FOUND:NOT_FOUND');
  });

  it('the operator at the server grants at once, audited and told to custodians', async () => {
    const target = await makeAccount(ctx.db);
    const cli = { ...SYSTEM, name: 'cli' };
    const outcome = await grantRole(ctx.db, cli, target.id, {
      role: 'identity_custodian',
      organisation_id: tree.province
    });
    expect(outcome.pending).toBe(false);
    expect(await roles(ctx.db, target.id)).toContain('identity_custodian');
    const trail = await auditOf(ctx.db, outcome.id);
    expect(trail).toEqual([{ action: 'create', actor_account_id: null, entity_type: 'role_grant' }]);
    const told = (await custodianMail(ctx.db, custodian.id)).filter((n) =>
      JSON.stringify(n.body_json).includes(target.username)
    );
    expect(told).toHaveLength(1);
    expect(compose(told[0], () => '', '').text).toMatch(/máy chủ \(cli\)/);
  });

  it('a notice names the proposer and the approver by their display names (the username only if blank)', async () => {
    const proposer = await makeAccount(ctx.db, { grants: [['administrator', tree.province]] });
    const approver = await makeAccount(ctx.db, { grants: [['administrator', tree.province]] });
    await ctx.db.updateTable('account').set({ display_name: 'Lò Văn Đề' }).where('id', '=', proposer.id).execute();
    await ctx.db.updateTable('account').set({ display_name: ' ' }).where('id', '=', approver.id).execute();
    const target = await makeAccount(ctx.db);
    const { id } = await grantRole(ctx.db, await actorFor(ctx.db, proposer), target.id, {
      role: 'identity_custodian',
      organisation_id: tree.province
    });
    await decideCustodianRequest(ctx.db, await actorFor(ctx.db, approver), id, 'approved');
    const texts = (await listAccountNotices(ctx.db, await actorFor(ctx.db, custodian)))
      .map((n) => n.text)
      .filter((t) => t.includes(target.username));
    expect(texts).toHaveLength(2);
    const requested = texts.find((t) => /đề nghị cấp quyền/.test(t))!;
    expect(requested.startsWith('Lò Văn Đề đề nghị')).toBe(true);
    expect(requested).not.toContain(proposer.username);
    expect(texts.find((t) => /đã phê duyệt/.test(t))!.startsWith(`${approver.username} đã phê duyệt`)).toBe(true);
  });
});
