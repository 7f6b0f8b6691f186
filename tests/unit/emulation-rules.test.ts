/**
 * The rules of the movement on both databases: who may grant which form, one achievement one
 * form (and revocation), the council's vote rule and quorum, nominations up the chain after
 * the appeal window, and consent on the public honour board.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'cs-emu-'));
});

import { forEachDb } from '../support/db';
import { as, campaign, person, tree } from './emulation-support';
import { SYSTEM, type Actor } from '../../src/lib/server/access/actor';
import type { Db } from '../../src/lib/server/db';
import { passes, type PassRule } from '../../src/lib/shared/emulation/rules';
import { branchAssess, getRegistration, register } from '../../src/lib/server/emulation/registration.service';
import { publishResults, recordCouncil, setPassRule } from '../../src/lib/server/emulation/council.service';
import {
  decide,
  listAwards,
  nominate,
  recordConsent,
  revokeAward,
  withdrawConsent
} from '../../src/lib/server/emulation/award.service';
import { honourBoard } from '../../src/lib/server/emulation/board.service';
import { failure } from '../support/factories';

const members = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Thành viên ${i + 1}`, role: null }));
const AFTER_APPEAL = new Date('2099-01-01T00:00:00Z');

describe('vote rule (pure)', () => {
  const cases: [PassRule, number, number, number, boolean][] = [
    // rule, members, present, in favour, passes
    ['half_of_members', 9, 6, 5, true],
    ['half_of_members', 9, 6, 4, false],
    ['half_of_members', 10, 7, 5, false], // exactly half is not more than half
    ['two_thirds_of_members', 9, 9, 6, true],
    ['two_thirds_of_members', 9, 9, 5, false],
    ['seventy_percent_of_members', 10, 8, 7, true],
    ['seventy_percent_of_members', 10, 8, 6, false],
    ['half_of_present', 9, 6, 4, true],
    ['half_of_present', 9, 6, 3, false],
    ['half_of_members', 9, 5, 5, false] // no quorum (5 of 9 < two thirds)
  ];
  it.each(cases)('%s: %i members, %i present, %i for → %s', (rule, total, present, inFavour, expected) => {
    expect(passes(rule, { membersTotal: total, membersPresent: present, inFavour, against: 0, abstain: 0 })).toBe(
      expected
    );
  });
});

forEachDb('emulation rules', (ctx) => {
  let t: Awaited<ReturnType<typeof tree>>;
  let campaignId: string;
  const officer = (orgId: string): Actor => as('association_officer', orgId);
  let n = 0;

  /** A new member of the branch, registered, assessed, passed by the commune council and published. */
  async function passed(opts: { publish?: boolean; form?: 'title_commune' | 'gk_province' } = {}) {
    const pid = await person(ctx.db, t.branch, `Hội viên ${++n}`);
    const [rid] = await register(ctx.db, as('branch_leader', t.branch), {
      campaign_id: campaignId,
      organisation_id: t.branch,
      subject_kind: 'person',
      person_ids: [pid],
      household_name: null,
      subject_org_ids: [],
      commitments: ['phan_anh']
    });
    await branchAssess(ctx.db, as('branch_leader', t.branch), rid, { score: 80, note: null });
    await recordCouncil(ctx.db, officer(t.commune), {
      organisation_id: t.commune,
      campaign_id: campaignId,
      meeting_on: '2025-12-01',
      members: members(5),
      members_present: 5,
      votes: [{ registration_id: rid, award_form: opts.form ?? 'title_commune', in_favour: 5, against: 0, abstain: 0 }]
    });
    if (opts.publish !== false)
      await publishResults(ctx.db, officer(t.commune), {
        organisation_id: t.commune,
        campaign_id: campaignId,
        appeal_days: 0
      });
    return rid;
  }

  beforeAll(async () => {
    t = await tree(ctx.db, 'Quy tắc');
    campaignId = await campaign(ctx.db, t.province);
  });

  describe('authority per level', () => {
    const cases: [string, 'commune' | 'province' | 'department', string, string][] = [
      ['commune grants its title', 'commune', 'title_commune', 'ok'],
      ['commune grants its Giấy khen', 'commune', 'gk_commune', 'ok'],
      ['commune may not grant the province title', 'commune', 'title_province', 'VALIDATION:emu_err_authority'],
      ['commune may not grant a Bằng khen', 'commune', 'bk_province_chair', 'VALIDATION:emu_err_authority'],
      ['province may not grant the commune title', 'province', 'title_commune', 'VALIDATION:emu_err_authority'],
      ['province association may not grant the central medal', 'province', 'medal', 'VALIDATION:emu_err_authority'],
      [
        'a department may not grant an association title',
        'department',
        'title_province',
        'VALIDATION:emu_err_authority'
      ]
    ];
    it.each(cases)('%s', async (_, level, form, expected) => {
      const rid = await passed();
      const orgId = t[level];
      const got = await failure(
        decide(ctx.db, level === 'department' ? as('administrator', orgId) : officer(orgId), {
          organisation_id: orgId,
          award_form: form as 'title_commune',
          registration_ids: [rid],
          signer_name: 'Người ký'
        })
      );
      expect(got).toBe(expected);
    });

    it('a nomination goes up to a level that may grant the form, never sideways or to one without authority', async () => {
      const rid = await passed();
      const by = officer(t.commune);
      const to = (to_org_id: string, award_form: 'gk_province' | 'title_commune' | 'bk_central') =>
        failure(nominate(ctx.db, by, { registration_id: rid, award_form, to_org_id }, AFTER_APPEAL));
      expect(await to(t.branch2, 'gk_province')).toBe('VALIDATION:emu_err_not_above');
      expect(await to(t.department, 'gk_province')).toBe('VALIDATION:emu_err_not_above');
      expect(await to(t.province, 'bk_central')).toBe('VALIDATION:emu_err_authority');
      expect(await to(t.province, 'gk_province')).toBe('ok');
      // the province decides what was nominated to it; the commune cannot decide a province form
      expect(
        await failure(
          decide(ctx.db, by, {
            organisation_id: t.commune,
            award_form: 'gk_province',
            registration_ids: [rid],
            signer_name: 'X'
          })
        )
      ).toBe('VALIDATION:emu_err_authority');
      const d = await decide(ctx.db, officer(t.province), {
        organisation_id: t.province,
        award_form: 'gk_province',
        registration_ids: [rid],
        signer_name: 'Chủ tịch'
      });
      expect(d.number).toMatch(/^\d+\/QĐ-/);
      const [award] = await listAwards(ctx.db, officer(t.province), { registrationId: rid });
      expect(award).toMatchObject({
        award_form: 'gk_province',
        decision_number: d.number,
        cash_multiple: 0.3,
        cash_amount: 702_000
      });
    });

    it('nothing is nominated before the results are published and the appeal window has closed', async () => {
      const unpublished = await passed({ publish: false });
      const nominateIt = (rid: string, now: Date) =>
        failure(
          nominate(
            ctx.db,
            officer(t.commune),
            { registration_id: rid, award_form: 'gk_province', to_org_id: t.province },
            now
          )
        );
      expect(await nominateIt(unpublished, AFTER_APPEAL)).toBe('VALIDATION:emu_err_not_passed');
      const rid = await passed({ publish: false });
      await publishResults(
        ctx.db,
        officer(t.commune),
        { organisation_id: t.commune, campaign_id: campaignId, appeal_days: 5 },
        new Date('2026-03-01T03:00:00Z')
      );
      expect((await getRegistration(ctx.db, SYSTEM, rid)).appeal_until).toBe('2026-03-06');
      expect(await nominateIt(rid, new Date('2026-03-05T03:00:00Z'))).toBe('VALIDATION:emu_err_appeal_window');
      expect(await nominateIt(rid, new Date('2026-03-06T03:00:00Z'))).toBe('ok');
    });
  });

  it('a level rewards its own council result only once published and past the appeal window', async () => {
    const grant = (rid: string, now: Date) =>
      failure(
        decide(
          ctx.db,
          officer(t.commune),
          { organisation_id: t.commune, award_form: 'title_commune', registration_ids: [rid], signer_name: 'X' },
          now
        )
      );
    const unpublished = await passed({ publish: false });
    expect(await grant(unpublished, AFTER_APPEAL)).toBe('VALIDATION:emul_err_decide_appeal');
    await publishResults(
      ctx.db,
      officer(t.commune),
      { organisation_id: t.commune, campaign_id: campaignId, appeal_days: 5 },
      new Date('2026-03-01T03:00:00Z')
    );
    expect(await grant(unpublished, new Date('2026-03-05T03:00:00Z'))).toBe('VALIDATION:emul_err_decide_appeal');
    expect(await grant(unpublished, new Date('2026-03-06T03:00:00Z'))).toBe('ok');
  });

  describe('one achievement, one form', () => {
    it('the same campaign result of one member is rewarded once; revocation keeps the history and frees it', async () => {
      const rid = await passed();
      const by = officer(t.commune);
      const grant = (form: 'title_commune' | 'gk_commune') =>
        decide(ctx.db, by, {
          organisation_id: t.commune,
          award_form: form,
          registration_ids: [rid],
          signer_name: 'Chủ tịch'
        });
      const first = await grant('title_commune');
      expect(await failure(grant('title_commune'))).toBe('CONFLICT:fix10_err_already_awarded');
      expect(await failure(grant('gk_commune'))).toBe('CONFLICT:fix10_err_already_awarded');
      await revokeAward(ctx.db, by, first.awardIds[0], 'Phát hiện kê khai không đúng');
      expect(await failure(revokeAward(ctx.db, by, first.awardIds[0], 'lần hai'))).toBe('CONFLICT:emu_err_revoked');
      const second = await grant('gk_commune');
      const history = await listAwards(ctx.db, by, { registrationId: rid });
      const byNumber = (a: { decision_number: string }, b: { decision_number: string }) =>
        a.decision_number.localeCompare(b.decision_number);
      expect(history.sort(byNumber).map((a) => [a.decision_number, a.revoke_reason])).toEqual([
        [first.number, 'Phát hiện kê khai không đúng'],
        [second.number, null]
      ]);
      expect(second.number).not.toBe(first.number);
    });

    it('the database itself refuses a second award in force for one achievement', async () => {
      const rid = await passed();
      const d = await decide(ctx.db, officer(t.commune), {
        organisation_id: t.commune,
        award_form: 'title_commune',
        registration_ids: [rid],
        signer_name: 'Chủ tịch'
      });
      const row = await ctx.db
        .selectFrom('emu_award')
        .selectAll()
        .where('id', '=', d.awardIds[0])
        .executeTakeFirstOrThrow();
      await expect(
        ctx.db
          .insertInto('emu_award')
          .values({ ...row, id: 'dup-' + row.id })
          .execute()
      ).rejects.toThrow();
    });
  });

  describe('council', () => {
    it('refuses a meeting without quorum and more votes than members; applies the rule configured for the form', async () => {
      const pid = await person(ctx.db, t.branch, 'Hội viên hội đồng');
      const [rid] = await register(ctx.db, SYSTEM, {
        campaign_id: campaignId,
        organisation_id: t.branch,
        subject_kind: 'person',
        person_ids: [pid],
        household_name: null,
        subject_org_ids: [],
        commitments: []
      });
      await branchAssess(ctx.db, SYSTEM, rid, { score: 70, note: null });
      const meet = (present: number, inFavour: number, db: Db = ctx.db, day = '2025-12-02') =>
        recordCouncil(db, officer(t.commune), {
          organisation_id: t.commune,
          campaign_id: campaignId,
          meeting_on: day,
          members: members(9),
          members_present: present,
          votes: [
            {
              registration_id: rid,
              award_form: 'gk_commune',
              in_favour: inFavour,
              against: 9 - inFavour - 1,
              abstain: 1
            }
          ]
        });
      expect(await failure(meet(5, 5))).toBe('VALIDATION:emu_err_quorum');
      expect(
        await failure(
          recordCouncil(ctx.db, officer(t.commune), {
            organisation_id: t.commune,
            campaign_id: campaignId,
            meeting_on: '2025-12-02',
            members: members(3),
            members_present: 3,
            votes: [{ registration_id: rid, award_form: 'gk_commune', in_favour: 3, against: 1, abstain: 0 }]
          })
        )
      ).toBe('VALIDATION:emu_err_vote_total');
      expect((await meet(6, 5)).results[0].passed).toBe(true); // default: more than half of all members
      await setPassRule(ctx.db, officer(t.commune), t.commune, 'gk_commune', 'two_thirds_of_members');
      // The same minutes again that day would return the meeting recorded: the council meets again later.
      const stricter = await meet(6, 5, ctx.db, '2025-12-09');
      expect(stricter.results[0]).toMatchObject({ passed: false, rule: 'two_thirds_of_members' });
      expect((await getRegistration(ctx.db, SYSTEM, rid)).result).toBe('failed');
      expect(await failure(setPassRule(ctx.db, officer(t.branch2), t.commune, 'gk_commune', 'half_of_present'))).toBe(
        'NOT_FOUND:NOT_FOUND'
      );
    });
  });

  describe('consent on the public board', () => {
    const cases: [string, (awardId: string, by: Actor) => Promise<void>, boolean][] = [
      ['no consent recorded: not on the board', async () => {}, false],
      [
        'consent recorded: on the board with the story',
        (id, by) => recordConsent(ctx.db, by, id, { given_on: '2025-12-05', story: 'Gương sáng' }),
        true
      ],
      [
        'consent withdrawn: off the board, still in the record',
        async (id, by) => {
          await recordConsent(ctx.db, by, id, { given_on: '2025-12-05', story: null });
          await withdrawConsent(ctx.db, by, id);
        },
        false
      ],
      [
        'revoked award: off the board even with consent',
        async (id, by) => {
          await recordConsent(ctx.db, by, id, { given_on: '2025-12-05', story: null });
          await revokeAward(ctx.db, officer(t.commune), id, 'Sai sót');
        },
        false
      ]
    ];
    it.each(cases)('%s', async (_, act, shown) => {
      const rid = await passed();
      const d = await decide(ctx.db, officer(t.commune), {
        organisation_id: t.commune,
        award_form: 'title_commune',
        registration_ids: [rid],
        signer_name: 'Chủ tịch'
      });
      await act(d.awardIds[0], as('branch_leader', t.branch));
      const board = await honourBoard(ctx.db, { organisationId: t.province });
      expect(board.entries.some((e) => e.id === d.awardIds[0])).toBe(shown);
      expect((await listAwards(ctx.db, officer(t.commune), { registrationId: rid })).length).toBe(1);
    });

    it('another branch cannot record consent for an award outside its scope', async () => {
      const rid = await passed();
      const d = await decide(ctx.db, officer(t.commune), {
        organisation_id: t.commune,
        award_form: 'title_commune',
        registration_ids: [rid],
        signer_name: 'Chủ tịch'
      });
      expect(
        await failure(
          recordConsent(ctx.db, as('branch_leader', t.branch2), d.awardIds[0], { given_on: '2025-12-05', story: null })
        )
      ).toBe('NOT_FOUND:NOT_FOUND');
    });
  });
});
