/**
 * Issue 10 (emulation), on both databases, on the demo seeded through the services: the
 * achievement report carries the score the award was decided on, an assessment is a breakdown
 * per criterion, a rewarded candidate is refused naming its decision, revoking is the issuing
 * level's, a council meeting posted twice the same day is not recorded twice.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { seedDemo } from '../support/demo';
import { docxText } from '../support/documents';
import { failure } from '../support/factories';
import { as } from './emulation-support';
import { seedEmulationDemo } from '../../src/lib/server/emulation/seed';
import { dossier } from '../../src/lib/server/emulation/dossier.service';
import { decide, revokeAward } from '../../src/lib/server/emulation/award.service';
import { recordCouncil } from '../../src/lib/server/emulation/council.service';
import { scorePoints } from '../../src/lib/server/emulation/assessment.service';
import type { EvaluationLine } from '../../src/lib/server/emulation/evidence.service';

const line = (code: string, points: number, suggested: number | null) =>
  ({ code, points, suggested }) as EvaluationLine;
const LINES = [line('tay', 15, null), line('ho_so', 10, 10), line('thieu', 10, 0)];

describe('an assessment is the sum of its points per criterion', () => {
  type Case = [string, Record<string, string>, string | null, number | string];
  const cases: Case[] = [
    ['hand-assessed given, the records taken as suggested', { tay: '12' }, null, 22],
    ['a hand-assessed criterion left blank', { ho_so: '10' }, null, 'fix10_err_points'],
    ['more than a criterion’s maximum', { tay: '16' }, null, 'fix10_err_points'],
    ['not a number', { tay: '8x' }, null, 'fix10_err_points'],
    ['above the records without a reason', { tay: '15', thieu: '10' }, null, 'fix10_err_reason'],
    ['above the records with a reason', { tay: '15', thieu: '10' }, 'Biên bản họp chi hội', 35],
    ['below the records needs no reason', { tay: '0', ho_so: '5' }, null, 5]
  ];
  it.each(cases)('%s', (_, points, note, expected) => {
    const run = () => scorePoints(LINES, { points, note });
    if (typeof expected === 'number') expect(run().score).toBe(expected);
    else expect(run).toThrow(expected);
  });
});

forEachDb('issue 10: the emulation demo tells one story', (ctx) => {
  let past: string;
  let commune: string;
  let province: string;
  let un: { id: string; branch_score: number | null; branch_points: string | null };
  beforeAll(async () => {
    await seedDemo(ctx.db);
    await seedEmulationDemo(ctx.db);
    const org = (name: string) =>
      ctx.db.selectFrom('organisation').select('id').where('name', '=', name).executeTakeFirstOrThrow();
    commune = (await org('Hội Người cao tuổi phường Đoàn Kết')).id;
    province = (await org('Hội Người cao tuổi tỉnh Lai Châu')).id;
    past = (
      await ctx.db.selectFrom('emu_campaign').select('id').where('status', '=', 'closed').executeTakeFirstOrThrow()
    ).id;
    un = await ctx.db
      .selectFrom('emu_registration as r')
      .innerJoin('person as p', 'p.id', 'r.person_id')
      .select(['r.id', 'r.branch_score', 'r.branch_points'])
      .where('p.full_name', '=', 'Lường Thị Ún')
      .executeTakeFirstOrThrow();
  });

  it('the assessment’s points add up, hand-assessed criteria included', () => {
    const points = JSON.parse(un.branch_points!) as Record<string, number>;
    expect(points.sinh_hoat).toBe(15);
    expect(points.cham_soc).toBe(15);
    expect(Object.values(points).reduce((s, n) => s + n, 0)).toBe(un.branch_score);
    expect(un.branch_score).toBeGreaterThanOrEqual(60);
  });

  it('the achievement report carries the total and points the award was decided on', async () => {
    const files = await dossier(ctx.db, as('association_officer', commune), commune, past);
    const reports = await Promise.all(
      Object.entries(files)
        .filter(([name]) => name.startsWith('bao-cao-thanh-tich-'))
        .map(([, buf]) => docxText(buf))
    );
    const report = reports.find((r) => r.includes('Lường Thị Ún'))!;
    expect(report).toBeDefined();
    expect(report).toMatch(new RegExp(`Tổng điểm\\s*${un.branch_score}`));
    expect(report).toContain('Tham gia sinh hoạt chi hội đều đặn');
  });

  it('deciding again for a rewarded candidate names the decision and its date', async () => {
    const award = await ctx.db
      .selectFrom('emu_award')
      .selectAll()
      .where('registration_id', '=', un.id)
      .executeTakeFirstOrThrow();
    const err = await decide(ctx.db, as('association_officer', commune), {
      organisation_id: commune,
      award_form: 'title_commune',
      registration_ids: [un.id],
      signer_name: 'Nguyễn Văn Đức'
    }).catch((e) => e);
    expect(err.message).toBe('fix10_err_already_awarded');
    expect(err.details).toMatchObject({ number: award.decision_number, date: '01/12/2025' });
  });

  it('only the issuing level revokes; a level below is told who may', async () => {
    const award = await ctx.db
      .selectFrom('emu_award')
      .select('id')
      .where('registration_id', '=', un.id)
      .executeTakeFirstOrThrow();
    // As if the province had issued it: the commune that sees it may not revoke it.
    await ctx.db.updateTable('emu_award').set({ granted_by_org_id: province }).where('id', '=', award.id).execute();
    const err = await revokeAward(ctx.db, as('association_officer', commune), award.id, 'Thử').catch((e) => e);
    expect([err.code, err.message, err.details.org]).toEqual([
      'FORBIDDEN',
      'fix10_revoke_by',
      'Hội Người cao tuổi tỉnh Lai Châu'
    ]);
    await ctx.db.updateTable('emu_award').set({ granted_by_org_id: commune }).where('id', '=', award.id).execute();
  });

  it('a council meeting posted twice the same day is recorded once', async () => {
    const before = await ctx.db
      .selectFrom('emu_vote')
      .select('council_id')
      .where('registration_id', '=', un.id)
      .execute();
    const meeting = await ctx.db
      .selectFrom('emu_council')
      .selectAll()
      .where('id', '=', before[0]!.council_id)
      .executeTakeFirstOrThrow();
    const votes = await ctx.db.selectFrom('emu_vote').selectAll().where('council_id', '=', meeting.id).execute();
    const input = {
      organisation_id: commune,
      campaign_id: past,
      meeting_on: meeting.meeting_on,
      // jsonb on PostgreSQL comes back parsed, text on SQLite.
      members: (typeof meeting.members === 'string' ? JSON.parse(meeting.members) : meeting.members) as {
        name: string;
        role: string | null;
      }[],
      members_present: meeting.members_present,
      votes: votes.map((v) => ({
        registration_id: v.registration_id,
        award_form: v.award_form as 'title_commune',
        in_favour: v.in_favour,
        against: v.against,
        abstain: v.abstain
      }))
    };
    const again = await recordCouncil(ctx.db, as('association_officer', commune), input);
    expect(again.councilId).toBe(meeting.id);
    const changed = { ...input, votes: input.votes.map((v) => ({ ...v, in_favour: v.in_favour - 1, abstain: 1 })) };
    expect(await failure(recordCouncil(ctx.db, as('association_officer', commune), changed))).toBe(
      'CONFLICT:fix10_err_council_same_day'
    );
    const after = await ctx.db
      .selectFrom('emu_vote')
      .select('council_id')
      .where('registration_id', '=', un.id)
      .execute();
    expect(after).toHaveLength(before.length);
  });
});
