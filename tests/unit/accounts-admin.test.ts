import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, makeAccount, makeTree } from './accounts-support';
import type { Actor } from '../../src/lib/server/access/actor';
import {
  createAccount,
  getAccount,
  listAccounts,
  resetPassword,
  updateAccount
} from '../../src/lib/server/accounts/accounts.service';
import { grantableOrganisations, grantRole, revokeRole } from '../../src/lib/server/accounts/grants.service';
import { createToken, listTokens, revokeToken } from '../../src/lib/server/accounts/tokens.service';
import { createAccountSchema } from '../../src/lib/server/accounts/accounts.schema';
import { validate } from '../../src/lib/server/forms';
import { createSession, validateSession } from '../../src/lib/server/auth/session';
import { resolveActor } from '../../src/lib/server/auth/request';
import { signIn } from '../../src/lib/server/auth/signin.service';
import { isAppError } from '../../src/lib/server/errors';
import { ANONYMOUS } from '../../src/lib/server/access/actor';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e) => (isAppError(e) ? `${e.code}:${e.message}` : Promise.reject(e))
  );

describe('create account form', () => {
  const base = { username: 'canbo.moi', display_name: 'Cán bộ Mới', phone: '', password: 'Tam-thoi-2026' };
  const cases: [string, Record<string, string>, Record<string, string>][] = [
    ['valid', base, {}],
    [
      'blank',
      { username: '', display_name: '  ', phone: '', password: '' },
      { username: 'err_required', display_name: 'err_required', password: 'err_required' }
    ],
    ['username with accents', { ...base, username: 'cán bộ' }, { username: 'admin_err_username_format' }],
    ['username too short', { ...base, username: 'ab' }, { username: 'admin_err_username_format' }],
    ['bad phone', { ...base, phone: '12345' }, { phone: 'err_phone' }],
    ['short password', { ...base, password: 'short' }, { password: 'admin_err_password_short' }],
    ['password = username', { ...base, password: 'Canbo.Moi' }, { password: 'admin_err_password_username' }]
  ];
  it.each(cases)('%s', (_n, input, expected) => {
    const parsed = validate(createAccountSchema, input);
    expect(parsed.ok ? {} : parsed.codes).toEqual(expected);
  });
  it('normalises username and phone', () => {
    const parsed = validate(createAccountSchema, { ...base, username: ' CanBo.Moi ', phone: '0912 345 678' });
    expect(parsed.ok && parsed.data).toMatchObject({
      username: 'canbo.moi',
      phone: '0912345678',
      display_name: 'Cán bộ Mới'
    });
  });
});

forEachDb('account administration', (ctx) => {
  let tree: Awaited<ReturnType<typeof makeTree>>;
  let admin: Actor;
  let communeAdmin: Actor;
  let officer: Actor;

  beforeAll(async () => {
    tree = await makeTree(ctx.db);
    admin = await actorFor(ctx.db, await makeAccount(ctx.db, { grants: [['administrator', tree.province]] }));
    communeAdmin = await actorFor(ctx.db, await makeAccount(ctx.db, { grants: [['administrator', tree.communeA]] }));
    officer = await actorFor(ctx.db, await makeAccount(ctx.db, { grants: [['association_officer', tree.province]] }));
  });

  const input = (username: string, phone: string | null = null) => ({
    username,
    display_name: 'Nguyễn Văn Đức',
    phone,
    password: 'Tam-thoi-2026'
  });

  it('creates an account that must change its password, and audits it without the hash', async () => {
    const id = await createAccount(ctx.db, admin, input('duc.nguyen', '0987000111'));
    const row = await ctx.db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.must_change_password).toBe(1);
    const ev = await ctx.db.selectFrom('audit_event').selectAll().where('entity_id', '=', id).executeTakeFirstOrThrow();
    expect(ev).toMatchObject({ action: 'create', entity_type: 'account', actor_account_id: admin.accountId });
    expect(JSON.parse(ev.after_json!)).toMatchObject({ username: 'duc.nguyen', must_change_password: 1 });
    expect(ev.after_json).not.toContain(row.password_hash);
    expect(ev.after_json).not.toMatch(/password_hash|\$argon2|Tam-thoi-2026/);
    expect((await signIn(ctx.db, 'duc.nguyen', 'Tam-thoi-2026')).account.must_change_password).toBe(1);
  });

  it('names the taken field for a duplicate username or phone', async () => {
    await createAccount(ctx.db, admin, input('trung.ten'));
    expect(await codeOf(createAccount(ctx.db, admin, input('trung.ten')))).toBe('CONFLICT:admin_err_username_taken');
    await createAccount(ctx.db, admin, input('so.dt', '0987000222'));
    expect(await codeOf(createAccount(ctx.db, admin, input('so.dt2', '0987000222')))).toBe(
      'CONFLICT:admin_err_phone_taken'
    );
  });

  it('finds accounts ignoring diacritics and đ/d, by name, username or phone', async () => {
    const { rows } = await listAccounts(ctx.db, admin, 'nguyen van duc');
    expect(rows.map((r) => r.username)).toContain('duc.nguyen');
    expect((await listAccounts(ctx.db, admin, '0987000111')).rows.map((r) => r.username)).toEqual(['duc.nguyen']);
    expect((await listAccounts(ctx.db, admin, 'NGUYỄN')).rows.length).toBeGreaterThan(0);
  });

  it('refuses non-administrators with NOT_FOUND and anonymous with UNAUTHENTICATED', async () => {
    expect(await codeOf(listAccounts(ctx.db, officer, ''))).toBe('NOT_FOUND:NOT_FOUND');
    expect(await codeOf(createAccount(ctx.db, officer, input('khong.duoc')))).toBe('NOT_FOUND:NOT_FOUND');
    expect(await codeOf(listAccounts(ctx.db, ANONYMOUS, ''))).toBe('UNAUTHENTICATED:UNAUTHENTICATED');
  });

  it('grants only inside the administrator scope; outside answers NOT_FOUND', async () => {
    const id = await createAccount(ctx.db, admin, input('cap.quyen'));
    expect(
      await codeOf(grantRole(ctx.db, communeAdmin, id, { role: 'branch_leader', organisation_id: tree.branchA }))
    ).toBe('OK');
    expect(await codeOf(grantRole(ctx.db, communeAdmin, id, { role: 'viewer', organisation_id: tree.communeB }))).toBe(
      'NOT_FOUND:NOT_FOUND'
    );
    expect(await codeOf(grantRole(ctx.db, communeAdmin, id, { role: 'viewer', organisation_id: 'no-such-org' }))).toBe(
      'NOT_FOUND:NOT_FOUND'
    );
    expect(
      await codeOf(grantRole(ctx.db, communeAdmin, id, { role: 'branch_leader', organisation_id: tree.branchA }))
    ).toBe('CONFLICT:admin_err_grant_exists');
    const options = await grantableOrganisations(ctx.db, communeAdmin);
    expect(options.map((o) => [o.depth, o.name])).toEqual([
      [0, 'Hội xã Đoàn Kết'],
      [1, 'Chi hội Bản Một']
    ]);
  });

  it('hides accounts whose roles all lie outside the scope, as if missing', async () => {
    const outsider = await makeAccount(ctx.db, { grants: [['association_officer', tree.communeB]] });
    expect(await codeOf(getAccount(ctx.db, communeAdmin, outsider.id))).toBe('NOT_FOUND:NOT_FOUND');
    expect(await codeOf(resetPassword(ctx.db, communeAdmin, outsider.id, 'Tam-thoi-9999'))).toBe('NOT_FOUND:NOT_FOUND');
    expect((await listAccounts(ctx.db, communeAdmin, outsider.username)).rows).toEqual([]);
    expect((await getAccount(ctx.db, admin, outsider.id)).username).toBe(outsider.username);
  });

  it('revokes a grant, audited with the organisation so scoped admins see it', async () => {
    const target = await makeAccount(ctx.db, { grants: [['viewer', tree.communeA]] });
    const [grant] = await ctx.db.selectFrom('role_grant').select('id').where('account_id', '=', target.id).execute();
    expect(await codeOf(revokeRole(ctx.db, admin, target.id, 'missing'))).toBe('NOT_FOUND:NOT_FOUND');
    await revokeRole(ctx.db, admin, target.id, grant.id);
    const { actor } = await resolveActor(ctx.db, { cookie: (await createSession(ctx.db, target.id)).token });
    expect(actor.grants).toEqual([]);
    const ev = await ctx.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_id', '=', grant.id)
      .executeTakeFirstOrThrow();
    expect(ev).toMatchObject({ action: 'delete', entity_type: 'role_grant', organisation_id: tree.communeA });
  });

  it('edits, disables (ending sessions) and resets the password (forcing a change)', async () => {
    const target = await makeAccount(ctx.db);
    const s1 = await createSession(ctx.db, target.id);
    await updateAccount(ctx.db, admin, target.id, { display_name: 'Tên Mới', phone: null, disabled: 1 });
    expect(await validateSession(ctx.db, s1.token)).toBeNull();
    await updateAccount(ctx.db, admin, target.id, { display_name: 'Tên Mới', phone: null, disabled: 0 });
    const s2 = await createSession(ctx.db, target.id);
    await resetPassword(ctx.db, admin, target.id, 'Tam-thoi-3333');
    expect(await validateSession(ctx.db, s2.token)).toBeNull();
    const signed = await signIn(ctx.db, target.username, 'Tam-thoi-3333');
    expect(signed.account.must_change_password).toBe(1);
    const events = await ctx.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_id', '=', target.id)
      .orderBy('at')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['update', 'update', 'password_reset', 'sign_in']);
    expect(JSON.parse(events[0].before_json!)).toMatchObject({
      display_name: `Người dùng ${target.username}`,
      disabled: 0
    });
    expect(JSON.parse(events[0].after_json!)).toMatchObject({ display_name: 'Tên Mới', disabled: 1 });
    expect(JSON.stringify(events)).not.toMatch(/password_hash|\$argon2/);
  });

  it('creates a token shown once, stores only its hash, and revokes it', async () => {
    const target = { id: admin.accountId! };
    const other = await makeAccount(ctx.db, { grants: [['viewer', tree.communeA]] });
    expect(await codeOf(createToken(ctx.db, admin, other.id, 'Thay mặt'))).toBe('FORBIDDEN:sec_err_token_self');
    const { id, token } = await createToken(ctx.db, admin, target.id, 'Đồng bộ');
    expect(token).toMatch(/^cs_[a-z2-7]{32}$/);
    const stored = await ctx.db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect((await resolveActor(ctx.db, { authorization: `Bearer ${token}` })).actor.accountId).toBe(target.id);
    expect((await listTokens(ctx.db, admin, target.id)).map((t) => t.name)).toEqual(['Đồng bộ']);
    const audits = await ctx.db.selectFrom('audit_event').selectAll().where('entity_id', '=', id).execute();
    expect(JSON.stringify(audits)).not.toContain(token);
    expect(JSON.stringify(audits)).not.toContain(stored.token_hash);
    await revokeToken(ctx.db, admin, target.id, id);
    expect((await resolveActor(ctx.db, { authorization: `Bearer ${token}` })).actor.kind).toBe('anonymous');
    expect(await codeOf(revokeToken(ctx.db, admin, target.id, id))).toBe('NOT_FOUND:NOT_FOUND');
  });
});
