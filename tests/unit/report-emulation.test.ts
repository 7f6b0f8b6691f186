/**
 * Section II.7 "Thi đua, khen thưởng" of a report, on both databases: the emulation demo's
 * commune decided "Tuổi cao – Gương sáng" titles in December 2025; its yearly report (and its
 * province's, in the commune's member-unit row) quotes the registrations, the members who reached the title and the awards by
 * form, the same numbers as the emulation figures, and the draft says them in Vietnamese. A
 * Hội that ran no emulation gets no empty rows.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { seedDemo } from '../support/demo';
import { SYSTEM } from '../../src/lib/server/access/actor';
import { seedEmulationDemo } from '../../src/lib/server/emulation/seed';
import { emulationFigures } from '../../src/lib/server/emulation/figures.service';
import { computeFigures } from '../../src/lib/server/reporting/figures.service';
import { draftNarrative } from '../../src/lib/server/reporting/draft-text';
import { periodOf } from '../../src/lib/shared/reporting/periods';
import { figureValue, type Figures } from '../../src/lib/shared/reporting/figures';

const PERIOD = periodOf('year', 2025, 1, 'calendar');

forEachDb('report emulation figures', (ctx) => {
  let commune: string;
  let figures: Figures;

  beforeAll(async () => {
    await seedDemo(ctx.db);
    await seedEmulationDemo(ctx.db);
    const cell = await ctx.db
      .selectFrom('agg_emu_month')
      .select('organisation_id')
      .where('indicator_code', '=', 'award:title_commune')
      .executeTakeFirstOrThrow();
    commune = cell.organisation_id;
    figures = await computeFigures(ctx.db, SYSTEM, commune, PERIOD);
  }, 120_000);

  it('quotes registrations, titles reached and awards by form, as the emulation figures count them', async () => {
    const e = (await emulationFigures(ctx.db, SYSTEM, commune, figures.months!.from, figures.months!.to))!;
    const person = e.bySubject.find((s) => s.kind === 'person')!;
    const awarded = e.awards.find((a) => a.form === 'title_commune')!.count;
    expect(awarded).toBeGreaterThan(0);
    expect({
      registered: figureValue(figures, 'emu_registered'),
      passed: figureValue(figures, 'emu_passed_person'),
      awarded: figureValue(figures, 'award:title_commune')
    }).toEqual({
      registered: e.bySubject.reduce((t, s) => t + s.registered, 0),
      passed: person.passed,
      awarded
    });
    const award = figures.figures.find((f) => f.code === 'award:title_commune')!;
    expect(award.link).toContain(`ind=${encodeURIComponent('award:title_commune')}`);
    expect(award.name).toBe('Khen thưởng: Danh hiệu “Tuổi cao – Gương sáng” cấp xã');
    expect(figures.figures.find((f) => f.code === 'emu_passed_person')!.link).toContain('/thi-dua/chi-so?');
  });

  it('counts them in the parent’s report too (its subtree)', async () => {
    const parent = (
      await ctx.db.selectFrom('organisation').select('parent_id').where('id', '=', commune).executeTakeFirstOrThrow()
    ).parent_id!;
    const up = await computeFigures(ctx.db, SYSTEM, parent, PERIOD);
    expect(figureValue(up, 'award:title_commune')).toBeGreaterThanOrEqual(figureValue(figures, 'award:title_commune'));
    // and in the commune's own row of the parent's member units (Phụ lục II)
    const row = (code: string) =>
      up.figures.find((f) => f.code === code)!.children.find((c) => c.id === commune)!.value;
    expect([row('award:title_commune'), row('emu_registered'), row('emu_passed_person')]).toEqual([
      figureValue(figures, 'award:title_commune'),
      figureValue(figures, 'emu_registered'),
      figureValue(figures, 'emu_passed_person')
    ]);
  });

  it('writes section 7 of the draft from them', () => {
    const text = draftNarrative('Hội X', 'năm 2025', figures).emulation!;
    expect(text).toContain(`Phong trào thi đua có ${figureValue(figures, 'emu_registered')} lượt đăng ký`);
    expect(text).toContain(`${figureValue(figures, 'award:title_commune')} Danh hiệu “Tuổi cao – Gương sáng” cấp xã`);
  });

  it('adds no emulation rows for a period with none', async () => {
    const empty = await computeFigures(ctx.db, SYSTEM, commune, periodOf('year', 2019, 1, 'calendar'));
    expect(empty.figures.filter((f) => f.code.startsWith('emu_') || f.code.startsWith('award:'))).toEqual([]);
    expect(draftNarrative('Hội X', 'năm 2019', empty).emulation).toBeUndefined();
  });
});
