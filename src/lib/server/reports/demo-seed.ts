/**
 * Demo citizen reports for `npm start`: without them the public map and list, the home page's
 * latest reports and every officer's desk are empty. Each case of demo-seed.data.ts enters
 * through createReport (the public form's path, or an officer's on-behalf entry) and then
 * takes its steps through the workflow services as the demo accounts, so statuses, events,
 * deadlines, slips, notices and audit rows are exactly what real use leaves behind.
 *
 * Dates: the services stamp the current time unless they take a clock. The observation date
 * is backdated (it is the reporter's input); forwarding and acceptance take a clock, which
 * places their deadlines in the past: that is how the demo shows overdue cases. A case may be
 * received and resolved weeks back (createReport and the resolution take a clock too), so the
 * daily closing run (closeSettled) finds its reopen window passed and closes it, as it would
 * in real use: that is the demo's `closed` report. Timeline events are still stamped today.
 */
import type { Db } from '$lib/server/db';
import { ANONYMOUS, type Actor } from '$lib/server/access/actor';
import { findActiveGrants } from '$lib/server/auth/auth.repository';
import { preparePhoto } from '$lib/server/media/media';
import { todayVn } from '$lib/shared/format';
import { createReport } from './intake/intake.service';
import { rate, reopen, reply } from './intake/followup.service';
import {
  askForInformation,
  escalateReport,
  forwardReport,
  markDuplicate,
  rejectReport,
  verifyReport
} from './workflow/association.service';
import {
  acceptReport,
  assignOfficer,
  closeWithOutcome,
  decideExtension,
  recordAction,
  requestExtension,
  returnReport
} from './workflow/agency.service';
import { closeSettled } from './workflow/close.service';
import { approvePhoto, setPublic } from './public/public.service';
import type { VerifyInput } from './workflow/workflow.schema';
import { demoPhoto } from './demo-seed.photos';
import { DEMO_AGENCIES, DEMO_CASES, type DemoCase, type DemoOfficer, type DemoStep } from './demo-seed.data';
import * as repo from './demo-seed.repository';

const OFFICERS: DemoOfficer[] = ['canbo.doanket', 'canbo.binhlu', 'canbo.tinh', 'kiemlam', 'lanhdao.so'];
const M_PER_DEG = 111_320;

interface Ctx {
  db: Db;
  actors: Record<DemoOfficer, Actor>;
  accounts: Record<string, string>;
  agencies: Record<string, string>;
  communes: Record<string, { id: string; lat: number | null; lon: number | null }>;
  villages: Record<string, string>;
  people: Record<string, string>;
  categories: Record<string, string>;
  /** Case key → report id, for duplicates. */
  reports: Record<string, string>;
}

const daysAgo = (n = 0) => new Date(Date.now() - n * 86_400_000);
const dayOf = (n = 0) => todayVn(daysAgo(n));

async function load(db: Db): Promise<Ctx | null> {
  const accounts = await repo.accountIds(db, OFFICERS);
  if (OFFICERS.some((u) => !accounts[u])) return null; // a trimmed-down demo: nobody to act
  const actors = {} as Record<DemoOfficer, Actor>;
  for (const u of OFFICERS)
    actors[u] = { kind: 'account', accountId: accounts[u], name: u, grants: await findActiveGrants(db, accounts[u]) };
  const codes = [...new Set(DEMO_CASES.map((c) => c.commune))];
  const communes = Object.fromEntries(
    (await repo.communesByCode(db, codes)).map((c) => [c.code, { id: c.id, lat: c.centre_lat, lon: c.centre_lon }])
  );
  const named = <T>(pick: (c: DemoCase) => T | undefined) => [
    ...new Set(DEMO_CASES.map(pick).filter((v): v is T => v !== undefined))
  ];
  return {
    db,
    actors,
    accounts,
    agencies: await repo.organisationIds(db, Object.values(DEMO_AGENCIES)),
    communes,
    villages: await repo.villageIds(
      db,
      named((c) => c.village)
    ),
    people: await repo.personIds(
      db,
      named((c) => c.onBehalf?.member)
    ),
    categories: await repo.categoryIds(db),
    reports: {}
  };
}

/** A GPS point `at` metres north and east of the commune centre, as the form sends it. */
function point(c: DemoCase, centre: { lat: number | null; lon: number | null }) {
  if (!c.at || centre.lat === null || centre.lon === null) return { lat: '', lon: '', location_source: '' };
  const lat = centre.lat + c.at[0] / M_PER_DEG;
  const lon = centre.lon + c.at[1] / (M_PER_DEG * Math.cos((centre.lat * Math.PI) / 180));
  return { lat: lat.toFixed(6), lon: lon.toFixed(6), location_source: 'gps' };
}

async function file(ctx: Ctx, c: DemoCase): Promise<string> {
  const commune = ctx.communes[c.commune];
  const behalf = c.onBehalf;
  const photos = await Promise.all(
    (c.photos ?? []).map(async (scene, i) => preparePhoto(await demoPhoto(scene, i + c.key.length), 'image/jpeg'))
  );
  const input = {
    category_id: ctx.categories[c.category],
    channel: c.channel ?? 'phan_anh',
    description: c.description,
    observed_on: dayOf(c.observedDaysAgo),
    ...point(c, commune),
    commune_id: commune.id,
    village_id: c.village ? ctx.villages[c.village] : '',
    location_text: c.place,
    protection: c.protection,
    name: c.reporter?.name ?? '',
    phone: c.reporter?.phone ?? '',
    address: c.reporter?.address ?? '',
    violator: c.violator ?? '',
    attest: c.channel === 'to_cao',
    observer_kind: behalf ? 'member' : 'self',
    observer_person_id: behalf ? ctx.people[behalf.member] : '',
    consent_method: behalf ? 'signature' : ''
  };
  // A citizen on the public form is signed out; an on-behalf entry is the officer's.
  const actor = behalf ? ctx.actors[behalf.by] : ANONYMOUS;
  const now = c.receivedDaysAgo === undefined ? undefined : daysAgo(c.receivedDaysAgo);
  return (await createReport(ctx.db, actor, input, { photos }, { now })).reportId;
}

async function take(ctx: Ctx, id: string, s: DemoStep): Promise<void> {
  const { db } = ctx;
  const as = 'by' in s ? ctx.actors[s.by] : ANONYMOUS;
  switch (s.do) {
    case 'verify': {
      const visit = s.visitDaysAgo !== undefined;
      const input: VerifyInput = {
        note: s.note,
        site_visit: visit ? 'yes' : 'no',
        visit_date: visit ? dayOf(s.visitDaysAgo) : null,
        evidence: ''
      };
      return verifyReport(db, as, id, input);
    }
    case 'ask':
      return askForInformation(db, as, id, s.message);
    case 'answer':
      return reply(db, id, s.body, []);
    case 'reject':
      return rejectReport(db, as, id, s.reason);
    case 'duplicate':
      return markDuplicate(db, as, id, ctx.reports[s.of], s.note);
    case 'escalate':
      return escalateReport(db, as, id, s.note);
    case 'forward': {
      const input = {
        agency_org_id: ctx.agencies[DEMO_AGENCIES[s.to]],
        doc_no: null,
        doc_date: null,
        note: s.note ?? ''
      };
      return forwardReport(db, as, id, input, daysAgo(s.daysAgo));
    }
    case 'return':
      return returnReport(db, as, id, s.reason);
    case 'accept':
      return acceptReport(db, as, id, s.note ?? '', daysAgo(s.daysAgo));
    case 'assign':
      return assignOfficer(db, as, id, ctx.accounts[s.officer]);
    case 'act':
      return recordAction(db, as, id, s.note);
    case 'extend':
      return requestExtension(db, as, id, s.reason);
    case 'decide':
      return decideExtension(db, as, id, s.approve, s.note);
    case 'resolve':
      return closeWithOutcome(db, as, id, s.outcome, [], daysAgo(s.daysAgo));
    case 'rate':
      return rate(db, id, s.stars);
    case 'reopen':
      return reopen(db, id, s.reason);
    case 'close':
      await closeSettled(db);
      return;
  }
}

/** Published as an officer publishes from the case page: the fuzzed point, then each photo. */
async function publish(ctx: Ctx, id: string, by: DemoOfficer): Promise<void> {
  await setPublic(ctx.db, ctx.actors[by], id, true);
  for (const photo of await repo.photoIdsOf(ctx.db, id)) await approvePhoto(ctx.db, ctx.actors[by], photo, true);
}

/** Once, on a demo database that has no reports yet (outside any transaction: the services open their own). */
export async function seedReportCasesDemo(db: Db): Promise<void> {
  if (await repo.hasReports(db)) return;
  const ctx = await load(db);
  if (!ctx) return;
  for (const c of DEMO_CASES) {
    if (!ctx.communes[c.commune] || !ctx.categories[c.category]) continue;
    const id = await file(ctx, c);
    ctx.reports[c.key] = id;
    for (const s of c.steps) await take(ctx, id, s);
    if (c.publish) await publish(ctx, id, c.publish);
  }
}
