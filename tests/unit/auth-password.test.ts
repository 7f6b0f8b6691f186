import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, makeAccount } from './accounts-support';
import { passwordChangeSchema } from '../../src/lib/server/auth/auth.schema';
import { validate } from '../../src/lib/server/forms';
import { changeOwnPassword } from '../../src/lib/server/auth/account.service';
import { createSession, hashToken, validateSession } from '../../src/lib/server/auth/session';
import { signIn } from '../../src/lib/server/auth/signin.service';
import { isAppError } from '../../src/lib/server/errors';

const OK = { current: 'Cu-mat-khau-1', password: 'Moi-mat-khau-2', repeat: 'Moi-mat-khau-2' };

describe('password change form rules', () => {
  const cases: [string, Record<string, string>, Record<string, string>][] = [
    [
      'all blank',
      { current: '', password: '', repeat: '' },
      { current: 'err_required', password: 'err_required', repeat: 'err_required' }
    ],
    ['too short', { ...OK, password: 'abc1234', repeat: 'abc1234' }, { password: 'auth_err_password_short' }],
    ['exactly 8 is fine', { ...OK, password: 'abcd1234', repeat: 'abcd1234' }, {}],
    [
      'same as username',
      { ...OK, password: 'canbo.xa1', repeat: 'canbo.xa1' },
      { password: 'auth_err_password_username' }
    ],
    [
      'same as username, other case',
      { ...OK, password: 'CANBO.XA1', repeat: 'CANBO.XA1' },
      { password: 'auth_err_password_username' }
    ],
    ['repeat differs', { ...OK, repeat: 'Moi-mat-khau-3' }, { repeat: 'auth_err_password_mismatch' }],
    ['unchanged', { ...OK, password: OK.current, repeat: OK.current }, { password: 'auth_err_password_unchanged' }],
    ['valid', OK, {}]
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    const parsed = validate(passwordChangeSchema('canbo.xa1'), input);
    expect(parsed.ok ? {} : parsed.codes).toEqual(expected);
  });

  it('gives the specific Vietnamese messages', () => {
    const parsed = validate(passwordChangeSchema('canbo.xa1'), { ...OK, password: 'ngan', repeat: 'khac' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors.password).toBe('Mật khẩu mới phải có ít nhất 8 ký tự.');
      expect(parsed.errors.repeat).toBe('Hai lần nhập mật khẩu mới không giống nhau.');
    }
  });
});

forEachDb('password change', (ctx) => {
  let user: Awaited<ReturnType<typeof makeAccount>>;
  beforeAll(async () => {
    user = await makeAccount(ctx.db, { password: OK.current, mustChange: true });
  });

  it('refuses a wrong current password on the current field', async () => {
    const session = await createSession(ctx.db, user.id);
    const err = await changeOwnPassword(ctx.db, await actorFor(ctx.db, user), hashToken(session.token), {
      current: 'sai-mat-khau',
      password: OK.password
    }).catch((e) => e);
    expect(isAppError(err) && { message: err.message, field: err.details?.field }).toEqual({
      message: 'auth_err_current_wrong',
      field: 'current'
    });
  });

  it('changes it, clears "must change", keeps this session, ends the others, and audits without the hash', async () => {
    const here = await createSession(ctx.db, user.id);
    const elsewhere = await createSession(ctx.db, user.id);
    await changeOwnPassword(ctx.db, await actorFor(ctx.db, user), hashToken(here.token), {
      current: OK.current,
      password: OK.password
    });
    const row = await ctx.db.selectFrom('account').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.must_change_password).toBe(0);
    expect(await validateSession(ctx.db, here.token)).not.toBeNull();
    expect(await validateSession(ctx.db, elsewhere.token)).toBeNull();
    expect((await signIn(ctx.db, user.username, OK.password)).account.id).toBe(user.id);
    const events = await ctx.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_id', '=', user.id)
      .where('action', '=', 'password_change')
      .execute();
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(row.password_hash);
    expect(JSON.stringify(events)).not.toContain('password_hash');
  });
});
