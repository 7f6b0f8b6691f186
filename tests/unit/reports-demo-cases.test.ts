/**
 * The demo's citizen reports (reports/demo-seed.ts), seeded as `npm start` seeds them: every
 * status has a report (closed through the daily closing run, past the reopen window), the published ones show only the fuzzed point
 * and no identity, and the public list returns them in each of its four states.
 */
import { beforeAll, expect, it } from 'vitest';
import { useTempMedia } from './reports-intake-support';
import { forEachDb } from '../support/db';
import { seedDemo } from '../support/demo';
import { seedEmulationDemo } from '../../src/lib/server/emulation/seed';
import { seedAwardNewsDemo } from '../../src/lib/server/news/seed';
import { seedReportCasesDemo } from '../../src/lib/server/reports/demo-seed';
import { DEMO_CASES } from '../../src/lib/server/reports/demo-seed.data';
import { listPublicReports, mapMarkers } from '../../src/lib/server/reports/public/public.service';
import { reportQuerySchema } from '../../src/lib/server/reports/public/public.schema';
import { PUBLIC_STATES, publicStateOf } from '../../src/lib/shared/reports/public-status';
import { STATUSES } from '../../src/lib/shared/reports/status';
import { LIMITS } from '../../src/lib/shared/reports/constants';
import { roundToGrid } from '../../src/lib/shared/reports/geo';
import { todayVn } from '../../src/lib/shared/format';
import { readJson } from '../../src/lib/server/db/dialect';

beforeAll(() => {
  useTempMedia();
});

forEachDb('demo citizen reports', (ctx) => {
  let ms = 0;
  beforeAll(async () => {
    await seedDemo(ctx.db);
    await seedEmulationDemo(ctx.db);
    await seedAwardNewsDemo(ctx.db);
    const t = Date.now();
    await seedReportCasesDemo(ctx.db);
    ms = Date.now() - t;
  }, 60_000);

  const reports = () =>
    ctx.db
      .selectFrom('report')
      .select([
        'id',
        'status',
        'is_public',
        'lat',
        'lon',
        'public_lat',
        'public_lon',
        'deadline_on',
        'outcome_json',
        'created_at',
        'resolved_at',
        'closed_at'
      ])
      .execute();

  it('files every case and reaches every status, closed included', async () => {
    const rows = await reports();
    expect(rows).toHaveLength(DEMO_CASES.length);
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of STATUSES) expect(statuses, s).toContain(s);
    // Overdue cases, and an outcome with a fine.
    const today = todayVn();
    expect(rows.filter((r) => r.deadline_on && r.deadline_on < today).length).toBeGreaterThanOrEqual(2);
    expect(rows.some((r) => (readJson<{ fine_vnd?: number }>(r.outcome_json)?.fine_vnd ?? 0) > 0)).toBe(true);
    // About 1.5 s on SQLite and 3 s on PostgreSQL on an idle machine; this bound only catches a
    // gross regression (the shared test machine can be many times slower).
    expect(ms).toBeLessThan(ctx.kind === 'sqlite' ? 15_000 : 30_000);
  });

  it('closes only a case resolved longer ago than the reporter may reopen, received before it', async () => {
    const rows = await reports();
    const closed = rows.filter((r) => r.status === 'closed');
    expect(closed).toHaveLength(1);
    const [c] = closed;
    const days = (iso: string | null) => (Date.now() - Date.parse(iso!)) / 86_400_000;
    expect(days(c.resolved_at)).toBeGreaterThan(LIMITS.reopenDays);
    expect(days(c.created_at)).toBeGreaterThan(days(c.resolved_at));
    expect(c.closed_at).not.toBeNull();
    // The reporter can no longer say the problem is back; the other resolved cases still can.
    const events = await ctx.db
      .selectFrom('report_event')
      .select(['to_status', 'visible_to_reporter'])
      .where('report_id', '=', c.id)
      .where('to_status', '=', 'closed')
      .execute();
    expect(events).toEqual([{ to_status: 'closed', visible_to_reporter: 1 }]);
    for (const r of rows.filter((x) => x.status === 'resolved')) expect(days(r.resolved_at)).toBeLessThan(1);
  });

  it('has protected reports, an on-behalf entry and photos stored through the media service', async () => {
    const protectedCount = await ctx.db
      .selectFrom('report')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('protection', '=', 'confidential')
      .executeTakeFirstOrThrow();
    expect(Number(protectedCount.n)).toBeGreaterThanOrEqual(3);
    const behalf = await ctx.db
      .selectFrom('report')
      .select(['id', 'entered_by_account_id', 'observer_person_id', 'consent_method', 'protection'])
      .where('entered_by_account_id', 'is not', null)
      .execute();
    expect(behalf).toHaveLength(1);
    // The member it was entered for is named in the encrypted identity only, unless they chose a named report.
    if (behalf[0].protection === 'named') expect(behalf[0].observer_person_id).not.toBeNull();
    else expect(behalf[0].observer_person_id).toBeNull();
    const identity = await ctx.db
      .selectFrom('report_identity')
      .select('report_id')
      .where('report_id', '=', behalf[0].id)
      .execute();
    expect(identity).toHaveLength(1);
    const photos = await ctx.db
      .selectFrom('attachment')
      .select(['bytes', 'public_path', 'approved_public'])
      .where('kind', '=', 'photo')
      .execute();
    expect(photos.length).toBeGreaterThanOrEqual(8);
    for (const p of photos) {
      expect(p.bytes).toBeLessThanOrEqual(30_000);
      expect(p.public_path).toMatch(/^public\//);
    }
    expect(photos.filter((p) => p.approved_public === 1).length).toBeGreaterThanOrEqual(4);
  });

  it('publishes 6–8 reports at their grid point only, in each of the four public states', async () => {
    const published = (await reports()).filter((r) => r.is_public === 1);
    expect(published.length).toBeGreaterThanOrEqual(6);
    expect(published.length).toBeLessThanOrEqual(8);
    for (const r of published) {
      expect(r.public_lat).not.toBeNull();
      if (r.lat !== null) {
        expect({ lat: r.public_lat, lon: r.public_lon }).toEqual(roundToGrid(r.lat, r.lon!));
        expect(r.public_lat).not.toBe(r.lat);
      }
    }
    const list = await listPublicReports(ctx.db, reportQuerySchema.parse({}));
    expect(list.total).toBe(published.length);
    expect(new Set(list.reports.map((r) => publicStateOf(r.status)))).toEqual(new Set(PUBLIC_STATES));
    for (const s of PUBLIC_STATES) {
      const one = await listPublicReports(ctx.db, reportQuerySchema.parse({ status: s }));
      expect(one.total, s).toBeGreaterThanOrEqual(1);
    }
    expect(list.reports.some((r) => r.photos.length > 0)).toBe(true);
    // The public form carries no reporter, no identity, no exact point.
    const json = JSON.stringify(list.reports);
    for (const c of DEMO_CASES.filter((x) => x.reporter))
      expect(json, c.key).not.toContain(c.reporter!.phone ?? c.reporter!.name);
    for (const r of list.reports)
      expect(Object.keys(r).sort()).toEqual(
        [
          'agencyName',
          'categoryCode',
          'categoryEn',
          'categoryVi',
          'communeId',
          'communeName',
          'createdAt',
          'description',
          'groupCode',
          'id',
          'lat',
          'lon',
          'observedOn',
          'photos',
          'status',
          'updatedAt'
        ].sort()
      );
    const markers = await mapMarkers(ctx.db, reportQuerySchema.parse({}));
    expect(markers.length).toBe(published.length);
  });

  it('seeds once: a second start adds nothing', async () => {
    const before = (await reports()).length;
    await seedReportCasesDemo(ctx.db);
    expect((await reports()).length).toBe(before);
  });
});
