/**
 * Separation of duties around protected identities: an administrator cannot reach an
 * identity directly or through another account (no tokens for others, no self-grant of the
 * custodian role); a reveal needs the custodian at a browser with their password typed again;
 * the audit trail of a protected report names no reporter.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { isAppError } from '../../src/lib/server/errors';
import { createToken } from '../../src/lib/server/accounts/tokens.service';
import { grantRole } from '../../src/lib/server/accounts/grants.service';
import { resolveActor } from '../../src/lib/server/auth/request';
import { hashToken } from '../../src/lib/server/auth/session';
import { newId, nowIso } from '../../src/lib/server/db/ids';
import { revealIdentity } from '../../src/lib/server/reports/workflow/reveal.service';
import { createReport } from '../../src/lib/server/reports/intake/intake.service';
import { baseInput, setup, useTempMedia, type Fixture } from './reports-intake-support';

const PW = 'ChungSuc@2026'; // every demo account's password
const WHO = { name: 'Giàng A Tráng', phone: '0987000111' };
const REASON = 'Công an huyện đề nghị bằng văn bản số 12';
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e) => (isAppError(e) ? `${e.code}:${e.message}` : Promise.reject(e))
  );

forEachDb('custodian separation of duties', (ctx) => {
  let f: Fixture;
  let reportId: string;
  beforeAll(async () => {
    useTempMedia();
    f = await setup(ctx.db);
    reportId = (await createTestReport(ctx.db, { identity: WHO })).id;
  });

  it('an administrator cannot mint a token for the custodian and reveal through it', async () => {
    const admin = await actorFor(ctx.db, 'quantri');
    const custodian = await actorFor(ctx.db, 'baomat');
    expect(await codeOf(createToken(ctx.db, admin, custodian.accountId!, 'kiểm tra'))).toBe(
      'FORBIDDEN:sec_err_token_self'
    );
    // A token minted for the custodian before this rule (or by the CLI) still never reveals.
    const token = 'cs_' + 'a'.repeat(32);
    await ctx.db
      .insertInto('api_token')
      .values({
        id: newId(),
        account_id: custodian.accountId!,
        name: 'cũ',
        token_hash: hashToken(token),
        created_at: nowIso(),
        last_used_at: null,
        revoked_at: null
      })
      .execute();
    const viaToken = (await resolveActor(ctx.db, { authorization: `Bearer ${token}` })).actor;
    expect(await codeOf(revealIdentity(ctx.db, viaToken, reportId, REASON, PW))).toBe(
      'FORBIDDEN:sec_err_reveal_session'
    );
  });

  it('an administrator cannot grant themselves the custodian role', async () => {
    const admin = await actorFor(ctx.db, 'quantri');
    const province = await orgId(ctx.db, 'Hội Người cao tuổi tỉnh Lai Châu');
    expect(
      await codeOf(
        grantRole(ctx.db, admin, admin.accountId!, { role: 'identity_custodian', organisation_id: province })
      )
    ).toBe('FORBIDDEN:sec_err_self_custodian');
    const now = await actorFor(ctx.db, 'quantri');
    expect(now.grants.map((g) => g.role)).not.toContain('identity_custodian');
  });

  it('the custodian reveals only after typing their password again; a wrong one is audited', async () => {
    const custodian = await actorFor(ctx.db, 'baomat');
    expect(await codeOf(revealIdentity(ctx.db, custodian, reportId, REASON, 'sai-mat-khau'))).toBe(
      'VALIDATION:sec_err_reveal_password_wrong'
    );
    expect(await revealIdentity(ctx.db, custodian, reportId, REASON, PW)).toEqual(WHO);
    const audits = await ctx.db
      .selectFrom('audit_event')
      .select(['action', 'actor_name'])
      .where('entity_id', '=', reportId)
      .where('entity_type', '=', 'report_identity')
      .orderBy('at')
      .execute();
    expect(audits).toEqual([
      { action: 'reveal.refused', actor_name: 'baomat' },
      { action: 'reveal', actor_name: 'baomat' }
    ]);
  });

  it.each([
    ['a signed-in member files a confidential report', 'hoivien', {}],
    [
      'a branch leader enters a confidential report for a member',
      'chihoi.truong',
      { observer_kind: 'member', consent_method: 'signature' }
    ]
  ] as const)('audit rows do not link the reporter when %s', async (_name, username, extra) => {
    const actor = await actorFor(ctx.db, username);
    const member = await ctx.db
      .selectFrom('person')
      .select('id')
      .where('full_name', '=', 'Lường Thị Ún')
      .executeTakeFirstOrThrow();
    const behalf = 'observer_kind' in extra;
    const r = await createReport(
      ctx.db,
      actor,
      baseInput(f, {
        protection: 'confidential',
        name: 'Hội Viên Kín',
        phone: '0987654328',
        ...extra,
        ...(behalf ? { observer_person_id: member.id } : {})
      })
    );
    const rows = await ctx.db.selectFrom('audit_event').selectAll().where('entity_id', '=', r.reportId).execute();
    expect(rows.map((a) => a.action)).toEqual(['report.create']);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(member.id);
    expect(text).not.toContain('Hội Viên Kín');
    if (!behalf) {
      expect(rows[0].actor_account_id).toBeNull();
      expect(text).not.toContain(actor.accountId!);
      expect(text).not.toContain('hoivien');
    }
  });
});
