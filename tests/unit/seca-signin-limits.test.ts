/**
 * Sign-in limits: one counter per account whatever was typed, per client and per account with a
 * growing wait instead of a lockout of the owner, the same cost for unknown users, and a counter
 * that parallel attempts through two server handles never undercount.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, forEachDb, twoHandles } from '../support/db';
import { makeAccount } from './accounts-support';
import { backoffMinutes, signIn } from '../../src/lib/server/auth/signin.service';
import { bumpRateLimit } from '../../src/lib/server/auth/auth.repository';
import { config } from '../../src/lib/server/config';
import { isAppError } from '../../src/lib/server/errors';
import { t } from '../../src/lib/server/i18n';
import type { Db } from '../../src/lib/server/db';

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (!isAppError(e)) throw e;
    return e.code === 'RATE_LIMITED' ? `WAIT ${e.details?.minutes}` : e.code;
  }
}

const counters = (db: Db) => db.selectFrom('rate_limit').select(['key', 'count']).execute();
/** Moves every counter's last failure `minutes` into the past. */
const age = async (db: Db, minutes: number) => {
  for (const r of await db.selectFrom('rate_limit').select(['key', 'reset_at']).execute())
    await db
      .updateTable('rate_limit')
      .set({ reset_at: new Date(Date.parse(r.reset_at) - minutes * 60_000).toISOString() })
      .where('key', '=', r.key)
      .execute();
};

describe('backoff', () => {
  it.each([
    [4, 5, 0],
    [5, 5, 1],
    [6, 5, 2],
    [8, 5, 8],
    [20, 5, 15]
  ])('%i failures with %i free: wait %i minutes', (count, allowance, minutes) => {
    expect(backoffMinutes(count, allowance)).toBe(minutes);
  });
  it('says in Vietnamese how long to wait', () => {
    expect(t('seca_signin_wait', { minutes: 4 })).toBe('Đã nhập sai nhiều lần. Thử lại sau 4 phút.');
  });
});

forEachDb('sign-in limits', (ctx) => {
  beforeAll(async () => {
    await ctx.db.deleteFrom('rate_limit').execute();
  });

  it('counts username and phone on one counter; the wait grows; the owner elsewhere still signs in', async () => {
    const owner = await makeAccount(ctx.db, { phone: '0911222333' });
    const attacker = 'client-attacker';
    const tries: string[] = [];
    for (let i = 0; i < config.SIGNIN_MAX_ATTEMPTS; i++)
      tries.push(await outcome(signIn(ctx.db, i % 2 ? owner.username : '0911222333', `sai-${i}`, attacker)));
    expect(tries).toEqual(Array(config.SIGNIN_MAX_ATTEMPTS).fill('UNAUTHENTICATED'));
    // Either identifier now waits, even with the right password, from that client.
    expect(await outcome(signIn(ctx.db, '0911222333', owner.password, attacker))).toBe('WAIT 1');
    expect(await outcome(signIn(ctx.db, owner.username, owner.password, attacker))).toBe('WAIT 1');
    // The owner at their own device is not locked out.
    expect(await outcome(signIn(ctx.db, owner.username, owner.password, 'client-owner'))).toBe('OK');
    // After the wait one more failure doubles it.
    await age(ctx.db, 1);
    expect(await outcome(signIn(ctx.db, owner.username, 'sai-nua', attacker))).toBe('UNAUTHENTICATED');
    expect(await outcome(signIn(ctx.db, owner.username, owner.password, attacker))).toBe('WAIT 2');
  });

  it('slows one client guessing across many accounts', async () => {
    await ctx.db.deleteFrom('rate_limit').execute();
    const client = 'client-sprayer';
    for (let i = 0; i < config.SIGNIN_CLIENT_MAX_ATTEMPTS; i++)
      expect(await outcome(signIn(ctx.db, `khong.co.${i}`, 'doan-bua', client))).toBe('UNAUTHENTICATED');
    expect(await outcome(signIn(ctx.db, 'khong.co.moi', 'doan-bua', client))).toBe('WAIT 1');
    expect(await outcome(signIn(ctx.db, 'khong.co.moi', 'doan-bua', 'client-other'))).toBe('UNAUTHENTICATED');
  });

  it('checks a password hash for unknown users too (no fast path that reveals who exists)', async () => {
    const known = await makeAccount(ctx.db);
    await signIn(ctx.db, 'warm.up', 'x', 'c').catch(() => {});
    const time = async (login: string) => {
      const start = performance.now();
      await signIn(ctx.db, login, 'sai-mat-khau', `client-${login}`).catch(() => {});
      return performance.now() - start;
    };
    const unknown = Math.min(await time('khong.ai.ca'), await time('cung.khong.ai'));
    const existing = Math.min(await time(known.username), await time(known.username));
    // Both verify an argon2 hash (tens of milliseconds); a missing hash check would be ~1 ms.
    expect(unknown).toBeGreaterThan(existing / 4);
  });
});

describe.each(dialects)('the failure counter under parallel attempts [%s]', (kind) => {
  let handles: Awaited<ReturnType<typeof twoHandles>>;
  beforeAll(async () => {
    handles = await twoHandles(kind);
  });
  afterAll(() => handles.close());

  it('40 parallel failures through two servers count 40', async () => {
    const now = new Date().toISOString();
    const resetAt = new Date(Date.now() + 60 * 60_000).toISOString();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => bumpRateLimit(i % 2 ? handles.a : handles.b, 'signin:race', now, resetAt))
    );
    const row = await handles.a
      .selectFrom('rate_limit')
      .select('count')
      .where('key', '=', 'signin:race')
      .executeTakeFirstOrThrow();
    expect(row.count).toBe(40);
  });

  it('parallel wrong passwords all count', async () => {
    const user = await makeAccount(handles.a);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        signIn(i % 2 ? handles.a : handles.b, user.username, `sai-${i}`, 'client-race').catch(() => {})
      )
    );
    const rows = await counters(handles.a);
    expect(rows.find((r) => r.key === `signin:account:${user.id}:client-race`)?.count).toBe(8);
  });
});
