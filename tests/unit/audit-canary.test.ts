/**
 * Identity-leak review, as a net for later work: one confidential report carrying a canary
 * identity goes through intake, handling, publication and a reopening, and every surface a
 * person other than the custodian can read is searched for any part of that identity —
 * officer pages and lists, staff and open-data exports, GeoJSON, Open311, the news draft,
 * the notification outbox as composed, in-app notices and the audit trail.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId } from '../support/demo';
import { createReport } from '../../src/lib/server/reports/intake/intake.service';
import { reopen } from '../../src/lib/server/reports/intake/followup.service';
import { officerReport } from '../../src/lib/server/reports/workflow/view.service';
import { listQueue } from '../../src/lib/server/reports/workflow/queue.service';
import { forwardReport } from '../../src/lib/server/reports/workflow/association.service';
import { acceptReport, closeWithOutcome } from '../../src/lib/server/reports/workflow/agency.service';
import { exportCsv, exportPublicGeoJson } from '../../src/lib/server/reports/public/export.service';
// (the public map's markers are built from the same public rows as the list, with less in them)
import { listPublicReports, parseQuery, setPublic } from '../../src/lib/server/reports/public/public.service';
import { openDataCsv } from '../../src/lib/server/public/open-data.service';
import { handle, serialise } from '../../src/lib/server/open311/open311.http';
import { draftFrom } from '../../src/lib/server/news/news-draft.service';
import { compose } from '../../src/lib/server/notify/compose';
import { todayVn } from '../../src/lib/shared/format';
import { baseInput, setup, useTempMedia, type Fixture } from './reports-intake-support';
import type { Actor } from '../../src/lib/server/access/actor';

const CANARY = {
  name: 'Mùa Thị Canary',
  phone: '0911222333',
  email: 'canary.reporter@example.vn',
  address: 'Nhà số 77 bản Canary'
};

forEachDb('audit: a canary identity reaches no surface', (ctx) => {
  let f: Fixture;
  let id = '';
  let officer: Actor;
  let ranger: Actor;
  let newsDraft: unknown;

  beforeAll(async () => {
    useTempMedia();
    f = await setup(ctx.db);
    officer = await actorFor(ctx.db, 'canbo.doanket');
    ranger = await actorFor(ctx.db, 'kiemlam');
    const member = await actorFor(ctx.db, 'hoivien');
    id = (
      await createReport(
        ctx.db,
        member,
        baseInput(f, { protection: 'confidential', ...CANARY, description: 'Có người đốt rác cạnh suối' })
      )
    ).reportId;
    await forwardReport(ctx.db, officer, id, {
      agency_org_id: await orgId(ctx.db, 'Chi cục Kiểm lâm tỉnh Lai Châu'),
      doc_no: '9/HNCT',
      doc_date: todayVn(),
      note: ''
    });
    await acceptReport(ctx.db, ranger, id, '');
    await closeWithOutcome(ctx.db, ranger, id, { kind: 'not_a_violation', note: 'Đã nhắc nhở' });
    await setPublic(ctx.db, officer, id, true);
    // News is drafted only from a handled report: before the reporter reopens it.
    newsDraft = await draftFrom(ctx.db, officer, 'report', id);
    await reopen(ctx.db, id, 'Hôm nay vẫn còn đốt');
  });

  const expectClean = (surface: string, value: unknown) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    for (const part of Object.values(CANARY)) expect(text, `${surface} holds "${part}"`).not.toContain(part);
  };

  it('officer pages, queues and the staff export', async () => {
    for (const who of [officer, ranger]) {
      expectClean('officer report page', await officerReport(ctx.db, who, id));
      expectClean('queue', await listQueue(ctx.db, who, null));
    }
    expectClean('staff CSV', await exportCsv(ctx.db, officer, parseQuery(new URLSearchParams()).query));
  });

  it('public pages, open data, GeoJSON and Open311', async () => {
    const query = parseQuery(new URLSearchParams()).query;
    expectClean('public list', await listPublicReports(ctx.db, query));
    expectClean('open data CSV', await openDataCsv(ctx.db, query));
    expectClean('GeoJSON', await exportPublicGeoJson(ctx.db, query));
    for (const path of ['requests.json', `requests/${id}.xml`]) {
      const { result, format } = await handle(ctx.db, {
        method: 'GET',
        path,
        params: { extensions: 'true' },
        baseUrl: 'http://test.local'
      });
      expectClean(`Open311 ${path}`, serialise(result, format).body);
    }
  });

  it('the news draft, the outbox as composed, in-app notices and the audit trail', async () => {
    expectClean('news draft', newsDraft);
    const outbox = await ctx.db.selectFrom('notification').selectAll().execute();
    expectClean('outbox rows', outbox);
    for (const row of outbox)
      expectClean(
        `composed ${row.kind}`,
        compose(row as Parameters<typeof compose>[0], () => 'Loại', '')
      );
    expectClean('inbox', await ctx.db.selectFrom('inbox_item').selectAll().execute());
    expectClean('audit', await ctx.db.selectFrom('audit_event').selectAll().where('entity_id', '=', id).execute());
    expectClean('events', await ctx.db.selectFrom('report_event').selectAll().where('report_id', '=', id).execute());
  });
});
