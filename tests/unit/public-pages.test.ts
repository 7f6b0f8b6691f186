/**
 * The public home and commune pages: this year's figures follow the recorded work (province
 * and commune), reports are counted from the workflow, only published reports are listed,
 * and communes have stable readable addresses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { SYSTEM } from '../../src/lib/server/access/actor';
import { createActivity } from '../../src/lib/server/program/activities/activity.service';
import { createCommitment } from '../../src/lib/server/program/commitments/commitment.service';
import { setPublic } from '../../src/lib/server/reports/public/public.service';
import { forwardReport } from '../../src/lib/server/reports/workflow/association.service';
import { acceptReport, closeWithOutcome } from '../../src/lib/server/reports/workflow/agency.service';
import { communePage, figurePage, homePage } from '../../src/lib/server/public/public-pages.service';
import { communeSlug } from '../../src/lib/server/public/public-place.service';
import { onTimePercent } from '../../src/lib/server/public/public-figures.service';
import { todayVn } from '../../src/lib/shared/format';
import { activity, commitment } from './program-support';
import type { Db } from '../../src/lib/server/db';

const unitByCode = async (db: Db, code: string) =>
  db.selectFrom('admin_unit').select(['id', 'name']).where('code', '=', code).executeTakeFirstOrThrow();
const villageOf = async (db: Db, communeId: string) =>
  (
    await db
      .selectFrom('admin_unit')
      .select('id')
      .where('parent_id', '=', communeId)
      .where('level', '=', 'village')
      .executeTakeFirstOrThrow()
  ).id;
const orgOfUnit = async (db: Db, unitId: string) =>
  (
    await db
      .selectFrom('organisation')
      .select('id')
      .where('admin_unit_id', '=', unitId)
      .where('kind', '=', 'association')
      .executeTakeFirstOrThrow()
  ).id;

describe('on-time share', () => {
  const row = (at: string, deadline: string | null) => ({
    at,
    before_json: JSON.stringify({ status: 'in_progress', deadline_on: deadline })
  });
  it.each([
    ['none resolved', [], null],
    ['resolved on the deadline day (Vietnam time)', [row('2026-03-10T16:30:00.000Z', '2026-03-10')], 100],
    ['resolved the evening after, Vietnam time', [row('2026-03-10T17:30:00.000Z', '2026-03-10')], 0],
    [
      'one of two late',
      [row('2026-03-01T03:00:00.000Z', '2026-03-05'), row('2026-03-09T03:00:00.000Z', '2026-03-05')],
      50
    ],
    ['a resolution without a running deadline is not measured', [row('2026-03-01T03:00:00.000Z', null)], null]
  ])('%s', (_name, rows, expected) => {
    expect(onTimePercent(rows)).toBe(expected);
  });
});

forEachDb('public home and commune pages', (ctx) => {
  let doanKet = { id: '', name: '' };
  let binhLu = { id: '', name: '' };

  beforeAll(async () => {
    await seedDemo(ctx.db);
    doanKet = await unitByCode(ctx.db, '03388');
    binhLu = await unitByCode(ctx.db, '03390');
  });

  const slugOf = (u: { name: string }, code: string) => communeSlug(u.name, code);

  it("counts this year's outreach and commitments for the province and for the commune where they happened", async () => {
    const province = (await homePage(ctx.db)).figures!;
    const commune = (await communePage(ctx.db, slugOf(doanKet, '03388'))).figures;
    const village = await villageOf(ctx.db, doanKet.id);
    const org = await orgOfUnit(ctx.db, doanKet.id);
    const today = todayVn();
    await createActivity(
      ctx.db,
      SYSTEM,
      activity({ organisation_id: org, admin_unit_id: village, started_on: today, count_total: '37' })
    );
    await createActivity(
      ctx.db,
      SYSTEM,
      activity({
        organisation_id: await orgOfUnit(ctx.db, binhLu.id),
        admin_unit_id: binhLu.id,
        started_on: today,
        count_total: '5',
        count_elderly: '2'
      })
    );
    await createCommitment(
      ctx.db,
      SYSTEM,
      commitment({ organisation_id: org, village_unit_id: village, signed_on: today })
    );

    const provinceAfter = (await homePage(ctx.db)).figures!;
    const communeAfter = (await communePage(ctx.db, slugOf(doanKet, '03388'))).figures;
    expect(provinceAfter.program.outreach_sessions - province.program.outreach_sessions).toBe(2);
    expect(provinceAfter.program.outreach_participants - province.program.outreach_participants).toBe(42);
    expect(provinceAfter.program.commitments_households - province.program.commitments_households).toBe(1);
    expect(communeAfter.program.outreach_sessions - commune.program.outreach_sessions).toBe(1);
    expect(communeAfter.program.outreach_participants - commune.program.outreach_participants).toBe(37);
    expect(communeAfter.program.commitments_households - commune.program.commitments_households).toBe(1);

    // The figure's public detail: one line per commune, adding up to the home page's number.
    const detail = (await figurePage(ctx.db, 'outreach_participants'))!;
    expect(detail.total).toBe(provinceAfter.program.outreach_participants);
    const line = detail.rows.find((r) => r.id === doanKet.id)!;
    expect(line.slug).toBe(slugOf(doanKet, '03388'));
    expect(line.value).toBe(communeAfter.program.outreach_participants);
  });

  it('counts received reports, and handled ones through the workflow with their on-time share', async () => {
    const before = (await communePage(ctx.db, slugOf(doanKet, '03388'))).figures;
    const handled = await createTestReport(ctx.db);
    await createTestReport(ctx.db);
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    const ranger = await actorFor(ctx.db, 'kiemlam');
    const rangers = await orgId(ctx.db, 'Chi cục Kiểm lâm tỉnh Lai Châu');
    await forwardReport(ctx.db, officer, handled.id, {
      agency_org_id: rangers,
      doc_no: '12/HNCT',
      doc_date: todayVn(),
      note: ''
    });
    await acceptReport(ctx.db, ranger, handled.id, '');
    await closeWithOutcome(ctx.db, ranger, handled.id, { kind: 'not_a_violation', note: 'Không có vi phạm' });

    const after = (await communePage(ctx.db, slugOf(doanKet, '03388'))).figures;
    expect(after.reportsReceived - before.reportsReceived).toBe(2);
    expect(after.reportsHandled - before.reportsHandled).toBe(1);
    // Resolved today, well inside the agency's time limit.
    expect(after.onTimePercent).not.toBeNull();
    if (before.reportsHandled === 0) expect(after.onTimePercent).toBe(100);
    const other = (await communePage(ctx.db, slugOf(binhLu, '03390'))).figures;
    const province = (await homePage(ctx.db)).figures!;
    expect(province.reportsReceived).toBeGreaterThanOrEqual(after.reportsReceived + other.reportsReceived);
  });

  it('lists only published reports, on the home page and on their commune page', async () => {
    const word = `Suối${Math.random().toString(36).slice(2, 8)}`;
    const published = await createTestReport(ctx.db, { description: `Đổ rác xuống ${word}` });
    const hidden = await createTestReport(ctx.db, { description: `Chưa công khai ${word}` });
    await setPublic(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), published.id, true);

    const home = await homePage(ctx.db);
    const commune = await communePage(ctx.db, slugOf(doanKet, '03388'));
    const other = await communePage(ctx.db, slugOf(binhLu, '03390'));
    expect(home.latest.reports.map((r) => r.id)).toContain(published.id);
    expect(commune.latest.reports.map((r) => r.id)).toContain(published.id);
    for (const page of [home, commune, other]) expect(page.latest.reports.map((r) => r.id)).not.toContain(hidden.id);
    expect(other.latest.reports.map((r) => r.id)).not.toContain(published.id);
  });

  it("shows the commune's running models, not those of other communes", async () => {
    const page = await communePage(ctx.db, slugOf(doanKet, '03388'));
    const mine = await ctx.db
      .selectFrom('model as m')
      .innerJoin('admin_unit as u', 'u.id', 'm.admin_unit_id')
      .where((eb) => eb.or([eb('m.admin_unit_id', '=', doanKet.id), eb('u.parent_id', '=', doanKet.id)]))
      .where('m.status', '!=', 'ended')
      .select('m.id')
      .execute();
    expect(page.models.map((m) => m.id).sort()).toEqual(mine.map((m) => m.id).sort());
    const elsewhere = await communePage(ctx.db, slugOf(binhLu, '03390'));
    for (const m of elsewhere.models) expect(page.models.map((x) => x.id)).not.toContain(m.id);
  });

  it('finds a commune by its code whatever the name part, and answers 404 for an unknown one', async () => {
    const slug = slugOf(doanKet, '03388');
    expect(slug).toMatch(/^[a-z0-9-]+-03388$/);
    const stale = await communePage(ctx.db, 'ten-cu-03388');
    expect(stale.commune.id).toBe(doanKet.id);
    expect(stale.canonical).toBe(slug);
    await expect(communePage(ctx.db, 'khong-co-99999')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(communePage(ctx.db, 'khong-co-ma')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const home = await homePage(ctx.db);
    expect(home.communes.map((c) => c.slug)).toContain(slug);
    expect(home.province).not.toBeNull();
  });
});
