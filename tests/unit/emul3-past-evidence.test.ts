/**
 * The demo's closed campaign (2021–2025) adds up: its awardees' evaluation is pre-filled from
 * records dated inside the period (a training, an outreach session, a signed commitment), and
 * each figure equals the raw records, so the board does not show awardees with 0 points.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, seedDemo } from '../support/demo';
import { seedEmulationDemo } from '../../src/lib/server/emulation/seed';
import { evaluationForm } from '../../src/lib/server/emulation/evidence.service';

forEachDb('emulation demo: the closed campaign’s evidence', (ctx) => {
  beforeAll(async () => {
    await seedDemo(ctx.db);
    await seedEmulationDemo(ctx.db);
  });

  it('gives each awardee points from records of 2021–2025, equal to the raw records', async () => {
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    const awarded = await ctx.db
      .selectFrom('emu_award as a')
      .innerJoin('emu_registration as r', 'r.id', 'a.registration_id')
      .innerJoin('emu_campaign as c', 'c.id', 'r.campaign_id')
      .select(['r.id', 'r.person_id'])
      .where('c.evaluate_to', '=', '2025-12-31')
      .execute();
    expect(awarded).toHaveLength(2);
    for (const r of awarded) {
      const form = await evaluationForm(ctx.db, officer, r.id);
      expect(form.suggestedTotal).toBeGreaterThan(0);
      const figure = (code: string) => form.lines.find((l) => l.code === code)!;
      const raw = await ctx.db
        .selectFrom('commitment')
        .select('signed_on')
        .where('person_id', '=', r.person_id)
        .where('signed_on', '>=', '2021-01-01')
        .where('signed_on', '<=', '2025-12-31')
        .execute();
      expect(figure('cam_ket').count).toBe(raw.length);
      expect(raw.length).toBeGreaterThan(0);
      const attended = await ctx.db
        .selectFrom('activity_attendee as t')
        .innerJoin('activity as a', 'a.id', 't.activity_id')
        .select(['a.kind'])
        .where('t.person_id', '=', r.person_id!)
        .where('a.started_on', '>=', '2021-01-01')
        .where('a.started_on', '<=', '2025-12-31')
        .execute();
      expect(figure('tap_huan').count).toBe(attended.filter((a) => a.kind === 'training').length);
      expect(figure('tuyen_truyen_du').count).toBe(attended.filter((a) => a.kind === 'outreach').length);
      expect(form.lines.every((l) => l.records.every((x) => x.on >= '2021-01-01' && x.on <= '2025-12-31'))).toBe(true);
    }
  });
});
