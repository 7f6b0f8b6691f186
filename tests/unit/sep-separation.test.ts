/**
 * No single administrator can reach a protected identity: one administrator can no longer make
 * a second one (the administrator role takes a request an independent administrator approves),
 * an approver tied to the requester or the person concerned cannot approve, and an
 * administrator cannot reset the password or phone of an administrator or custodian. Custodians
 * are told on their notifications page even without e-mail.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, makeAccount, makeTree } from './accounts-support';
import { grantRole } from '../../src/lib/server/accounts/grants.service';
import { decideCustodianRequest } from '../../src/lib/server/accounts/custodian.service';
import { createAccount, resetPassword, updateAccount } from '../../src/lib/server/accounts/accounts.service';
import { findActiveGrants } from '../../src/lib/server/auth/auth.repository';
import { listAccountNotices } from '../../src/lib/server/notify/inbox.service';
import { deliverPending } from '../../src/lib/server/notify/delivery.service';
import { isAppError } from '../../src/lib/server/errors';
import type { Db } from '../../src/lib/server/db';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e) => (isAppError(e) ? `${e.code}:${e.message}` : Promise.reject(e))
  );
const roles = async (db: Db, id: string) => (await findActiveGrants(db, id)).map((g) => g.role);

forEachDb('one administrator cannot make a custodian', (ctx) => {
  let tree: Awaited<ReturnType<typeof makeTree>>;
  let admin: Awaited<ReturnType<typeof makeAccount>>;
  let custodian: Awaited<ReturnType<typeof makeAccount>>;
  beforeAll(async () => {
    tree = await makeTree(ctx.db);
    admin = await makeAccount(ctx.db, { grants: [['administrator', tree.province]] });
    custodian = await makeAccount(ctx.db, { grants: [['identity_custodian', tree.province]] });
  });

  it('the puppet route: the administrator role for an account one created is refused outright', async () => {
    const a = await actorFor(ctx.db, admin);
    const puppetB = await createAccount(ctx.db, a, {
      username: `puppetb${Date.now()}`,
      display_name: 'Puppet B',
      phone: null,
      password: 'Tam-thoi-2026-xyz'
    });
    expect(await codeOf(grantRole(ctx.db, a, puppetB, { role: 'administrator', organisation_id: tree.province }))).toBe(
      'FORBIDDEN:sep_err_target_tied'
    );
    expect(await roles(ctx.db, puppetB)).not.toContain('administrator');
  });

  it('the administrator role is a request; a fresh or tied administrator cannot approve it', async () => {
    const a = await actorFor(ctx.db, admin);
    const target = await makeAccount(ctx.db);
    const other = await makeAccount(ctx.db, { grants: [['administrator', tree.province]] });
    const outcome = await grantRole(ctx.db, a, target.id, { role: 'administrator', organisation_id: tree.province });
    expect(outcome.pending).toBe(true);
    expect(await roles(ctx.db, target.id)).not.toContain('administrator');
    // An administrator made after the request cannot approve it.
    const late = await makeAccount(ctx.db, { grants: [['administrator', tree.province]] });
    expect(await codeOf(decideCustodianRequest(ctx.db, await actorFor(ctx.db, late), outcome.id, 'approved'))).toBe(
      'FORBIDDEN:sep_err_approver_new'
    );
    // An independent administrator from before the request can.
    expect(await codeOf(decideCustodianRequest(ctx.db, await actorFor(ctx.db, other), outcome.id, 'approved'))).toBe(
      'OK'
    );
    expect(await roles(ctx.db, target.id)).toContain('administrator');
  });

  it('an approver whose password the requester reset cannot approve', async () => {
    const a = await actorFor(ctx.db, admin);
    const helper = await makeAccount(ctx.db);
    await resetPassword(ctx.db, a, helper.id, 'Dat-lai-2026-abc');
    // helper later becomes administrator through the operator (seeded grant here).
    const { insertGrant } = await import('../../src/lib/server/auth/account.repository');
    await insertGrant(ctx.db, {
      id: `g-${helper.id}`,
      account_id: helper.id,
      role: 'administrator',
      organisation_id: tree.province,
      granted_by: null,
      created_at: new Date(Date.now() - 60_000).toISOString(),
      revoked_at: null
    });
    const req = await grantRole(ctx.db, a, (await makeAccount(ctx.db)).id, {
      role: 'identity_custodian',
      organisation_id: tree.province
    });
    expect(await codeOf(decideCustodianRequest(ctx.db, await actorFor(ctx.db, helper), req.id, 'approved'))).toBe(
      'FORBIDDEN:sep_err_approver_tied'
    );
  });

  it('an administrator cannot reset the password or phone of a custodian or administrator', async () => {
    const a = await actorFor(ctx.db, admin);
    expect(await codeOf(resetPassword(ctx.db, a, custodian.id, 'Dat-lai-2026-abc'))).toBe(
      'FORBIDDEN:sep_err_protected_account'
    );
    const otherAdmin = await makeAccount(ctx.db, { grants: [['administrator', tree.province]] });
    expect(
      await codeOf(updateAccount(ctx.db, a, otherAdmin.id, { display_name: 'X', phone: '0912345678', disabled: 0 }))
    ).toBe('FORBIDDEN:sep_err_protected_account');
  });

  it('custodians without e-mail find the request on their notifications page; delivery is not a failure', async () => {
    const a = await actorFor(ctx.db, admin);
    const target = await makeAccount(ctx.db);
    await grantRole(ctx.db, a, target.id, { role: 'identity_custodian', organisation_id: tree.province });
    const notices = await listAccountNotices(ctx.db, await actorFor(ctx.db, custodian));
    expect(
      notices.some((n) => n.text.includes(target.username) && /đề nghị cấp quyền giữ danh tính/.test(n.text))
    ).toBe(true);
    const result = await deliverPending(ctx.db, {});
    expect(result.failed).toBe(0);
  });
});
