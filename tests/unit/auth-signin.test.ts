import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { makeAccount } from './accounts-support';
import { signIn } from '../../src/lib/server/auth/signin.service';
import {
  createSession,
  invalidateAllSessions,
  invalidateSession,
  validateSession,
  hashToken
} from '../../src/lib/server/auth/session';
import { resolveActor } from '../../src/lib/server/auth/request';
import { signOutEverywhere } from '../../src/lib/server/auth/account.service';
import { config } from '../../src/lib/server/config';
import { isAppError } from '../../src/lib/server/errors';
import { newId, nowIso } from '../../src/lib/server/db/ids';

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  return null;
}

forEachDb('sign-in', (ctx) => {
  let user: Awaited<ReturnType<typeof makeAccount>>;
  beforeAll(async () => {
    user = await makeAccount(ctx.db, { phone: '0912345678' });
  });

  it('accepts the username or the phone number', async () => {
    const byName = await signIn(ctx.db, user.username, user.password);
    expect(byName.account.id).toBe(user.id);
    const byPhone = await signIn(ctx.db, '0912345678', user.password);
    expect(byPhone.account.id).toBe(user.id);
    expect(await validateSession(ctx.db, byPhone.token)).toMatchObject({ id: user.id, username: user.username });
  });

  it('answers the same generic error for a wrong password and an unknown account', async () => {
    const wrong = await errorOf(signIn(ctx.db, user.username, 'not-the-password'));
    const unknown = await errorOf(signIn(ctx.db, 'nobody.here', 'whatever-123'));
    expect(wrong).toEqual({ code: 'UNAUTHENTICATED', message: 'auth_invalid_credentials' });
    expect(unknown).toEqual(wrong);
  });

  it(`rate-limits after ${config.SIGNIN_MAX_ATTEMPTS} failures, even with the right password`, async () => {
    const victim = await makeAccount(ctx.db);
    for (let i = 0; i < config.SIGNIN_MAX_ATTEMPTS; i++) {
      expect((await errorOf(signIn(ctx.db, victim.username, `wrong-${i}`)))?.code).toBe('UNAUTHENTICATED');
    }
    expect(await errorOf(signIn(ctx.db, victim.username, victim.password))).toEqual({
      code: 'RATE_LIMITED',
      message: 'seca_signin_wait'
    });
    // Once the window has passed, sign-in works again.
    await ctx.db
      .updateTable('rate_limit')
      .set({ reset_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect((await signIn(ctx.db, victim.username, victim.password)).account.id).toBe(victim.id);
  });

  it('refuses a disabled account, and ends its sessions', async () => {
    const off = await makeAccount(ctx.db);
    const { token } = await createSession(ctx.db, off.id);
    await ctx.db.updateTable('account').set({ disabled: 1 }).where('id', '=', off.id).execute();
    expect((await errorOf(signIn(ctx.db, off.username, off.password)))?.code).toBe('UNAUTHENTICATED');
    expect(await validateSession(ctx.db, token)).toBeNull();
  });

  it('expires sessions and invalidates one or all of them', async () => {
    const a = await createSession(ctx.db, user.id);
    const b = await createSession(ctx.db, user.id);
    await ctx.db
      .updateTable('session')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', hashToken(a.token))
      .execute();
    expect(await validateSession(ctx.db, a.token)).toBeNull();
    expect(await validateSession(ctx.db, b.token)).not.toBeNull();
    await invalidateSession(ctx.db, hashToken(b.token));
    expect(await validateSession(ctx.db, b.token)).toBeNull();
    const c = await createSession(ctx.db, user.id);
    await invalidateAllSessions(ctx.db, user.id);
    expect(await validateSession(ctx.db, c.token)).toBeNull();
  });

  it('signs out on all devices and audits it', async () => {
    const a = await createSession(ctx.db, user.id);
    const b = await createSession(ctx.db, user.id);
    await signOutEverywhere(ctx.db, { kind: 'account', accountId: user.id, name: user.username, grants: [] });
    expect(await validateSession(ctx.db, a.token)).toBeNull();
    expect(await validateSession(ctx.db, b.token)).toBeNull();
    const ev = await ctx.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_id', '=', user.id)
      .where('action', '=', 'sign_out_everywhere')
      .execute();
    expect(ev).toHaveLength(1);
  });

  describe('API tokens', () => {
    it('resolve to the account and record when they were last used', async () => {
      const id = newId();
      await ctx.db
        .insertInto('api_token')
        .values({
          id,
          account_id: user.id,
          name: 'sync',
          token_hash: hashToken('cs_test_token'),
          created_at: nowIso(),
          last_used_at: null,
          revoked_at: null
        })
        .execute();
      const { actor } = await resolveActor(ctx.db, { authorization: 'Bearer cs_test_token' });
      expect(actor).toMatchObject({ kind: 'account', accountId: user.id });
      const row = await ctx.db
        .selectFrom('api_token')
        .select('last_used_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.last_used_at).not.toBeNull();
      await ctx.db.updateTable('api_token').set({ revoked_at: nowIso() }).where('id', '=', id).execute();
      expect((await resolveActor(ctx.db, { authorization: 'Bearer cs_test_token' })).actor.kind).toBe('anonymous');
    });
  });
});
