import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULES,
  computeDeadline,
  isOverdue,
  pickRule,
  type RuleRow
} from '../../src/lib/server/reports/deadline';
import { deadlineFor, seedDeadlineRules } from '../../src/lib/server/reports/deadline.service';
import { seedReportReference } from '../../src/lib/server/reports/seed';
import { newId } from '../../src/lib/server/db/ids';
import { forEachDb } from '../support/db';

const row = (p: Partial<RuleRow>): RuleRow => ({
  channel: 'to_cao',
  category_id: null,
  stage: 'verify',
  day_kind: 'working',
  days: 5,
  extension_days: 0,
  max_extensions: 0,
  ...p
});

describe('deadline rules (pure)', () => {
  it('prefers channel × category, then channel, then the built-in default', () => {
    const rows = [row({ days: 5 }), row({ category_id: 'fire', days: 1 }), row({ channel: 'phan_anh', days: 9 })];
    expect(pickRule(rows, 'verify', 'to_cao', 'fire').days).toBe(1);
    expect(pickRule(rows, 'verify', 'to_cao', 'waste').days).toBe(5);
    expect(pickRule(rows, 'verify', 'kien_nghi', 'fire')).toEqual(DEFAULT_RULES.verify.kien_nghi);
    expect(pickRule(rows, 'accept', 'to_cao', null)).toEqual(DEFAULT_RULES.accept.to_cao);
  });
  it('has the documented defaults', () => {
    expect(DEFAULT_RULES.verify.phan_anh).toMatchObject({ dayKind: 'working', days: 3 });
    expect(DEFAULT_RULES.accept.to_cao).toMatchObject({ dayKind: 'working', days: 7 });
    expect(DEFAULT_RULES.resolve.to_cao).toMatchObject({
      dayKind: 'calendar',
      days: 30,
      extensionDays: 30,
      maxExtensions: 2
    });
    expect(DEFAULT_RULES.resolve.phan_anh.maxExtensions).toBe(1);
  });
  it('computes with a plain holiday list and flags overdue after the due day', () => {
    expect(computeDeadline(DEFAULT_RULES.verify.phan_anh, '2026-06-05', 0, ['2026-06-08'])).toBe('2026-06-11');
    expect(isOverdue('2026-06-11', '2026-06-11')).toBe(false);
    expect(isOverdue('2026-06-11', '2026-06-12')).toBe(true);
    expect(isOverdue(null, '2026-06-12')).toBe(false);
  });
});

forEachDb('deadlineFor', (ctx) => {
  let cats: Record<string, string>;
  it('seeds reference data once', async () => {
    cats = await seedReportReference(ctx.db);
    await seedDeadlineRules(ctx.db);
    const n = await ctx.db
      .selectFrom('deadline_rule')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(9);
  });

  it.each([
    ['verify', 'phan_anh', '2026-02-12', 0, '2026-02-24'], // across Tết 2026
    ['verify', 'kien_nghi', '2025-01-24', 0, '2025-02-05'], // across Tết 2025
    ['verify', 'to_cao', '2025-12-31', 0, '2026-01-06'], // across the year end
    ['accept', 'to_cao', '2026-02-10', 0, '2026-02-26'],
    ['resolve', 'to_cao', '2026-01-20', 0, '2026-02-23'], // day 30 is a Tết day → next working day
    ['resolve', 'to_cao', '2026-01-20', 1, '2026-03-23'], // day 60 is a Saturday
    ['resolve', 'to_cao', '2026-01-20', 2, '2026-04-20'],
    ['resolve', 'phan_anh', '2026-01-20', 1, '2026-03-23']
  ] as const)('%s %s from %s with %i extension(s) → %s', async (stage, channel, start, ext, due) => {
    expect((await deadlineFor(ctx.db, stage, channel, cats.do_rac, start, ext)).dueOn).toBe(due);
  });

  it.each([
    ['to_cao', 3],
    ['phan_anh', 2]
  ] as const)('refuses more extensions than allowed: %s × %i', async (channel, ext) => {
    await expect(deadlineFor(ctx.db, 'resolve', channel, cats.do_rac, '2026-01-20', ext)).rejects.toMatchObject({
      code: 'CONFLICT'
    });
  });

  it('applies per channel × category overrides and edited channel rules', async () => {
    const now = new Date().toISOString();
    await ctx.db
      .insertInto('deadline_rule')
      .values({
        id: newId(),
        channel: 'to_cao',
        category_id: cats.chay_rung,
        stage: 'verify',
        day_kind: 'working',
        days: 1,
        extension_days: 0,
        max_extensions: 0,
        updated_at: now
      })
      .execute();
    await ctx.db
      .updateTable('deadline_rule')
      .set({ days: 10 })
      .where('channel', '=', 'kien_nghi')
      .where('stage', '=', 'accept')
      .where('category_id', 'is', null)
      .execute();
    expect((await deadlineFor(ctx.db, 'verify', 'to_cao', cats.chay_rung, '2026-02-13')).dueOn).toBe('2026-02-23');
    expect((await deadlineFor(ctx.db, 'verify', 'to_cao', cats.do_rac, '2026-02-13')).dueOn).toBe('2026-02-25');
    expect((await deadlineFor(ctx.db, 'accept', 'kien_nghi', null, '2026-02-10')).dueOn).toBe('2026-03-03');
  });
});
