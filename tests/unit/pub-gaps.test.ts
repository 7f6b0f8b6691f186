/**
 * Public-face gaps from the outside tester: a figure's link says how many reports its list
 * holds; a commune's figures open the commune's own row; one public status wording in the list,
 * CSV and GeoJSON; an empty commune feed carries a real date.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { listPublicReports, setPublic } from '../../src/lib/server/reports/public/public.service';
import { reportQuerySchema } from '../../src/lib/server/reports/public/public.schema';
import { exportPublicGeoJson } from '../../src/lib/server/reports/public/export.service';
import { openDataCsv } from '../../src/lib/server/public/open-data.service';
import { communePage, figurePage, homePage } from '../../src/lib/server/public/public-pages.service';
import { newsFeed } from '../../src/lib/server/news/news-public.service';
import { publicStatusLabel } from '../../src/lib/shared/reports/public-status-label';

forEachDb('public-face gaps', (ctx) => {
  let published = '';
  beforeAll(async () => {
    await seedDemo(ctx.db);
    published = (await createTestReport(ctx.db, { description: 'Rác ven suối công khai' })).id;
    await createTestReport(ctx.db, { description: 'Chưa công khai' });
    await setPublic(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), published, true);
  });

  it("the received figure's link count is the count its list shows, and fewer than received", async () => {
    const f = (await homePage(ctx.db)).figures!;
    const list = await listPublicReports(ctx.db, reportQuerySchema.parse({ from: `01/01/${f.year}` }));
    expect(f.published!.received).toBe(list.total);
    expect(f.reportsReceived).toBeGreaterThan(f.published!.received);
  });

  it("a commune's figure page holds only that commune's row; an unknown commune is not found", async () => {
    const page = await communePage(ctx.db, 'doan-ket-03388');
    const detail = (await figurePage(ctx.db, 'outreach_participants', page.commune.id))!;
    expect(detail.rows.map((r) => r.id)).toEqual([page.commune.id]);
    expect(detail.total).toBe(page.figures.program.outreach_participants);
    expect(await figurePage(ctx.db, 'outreach_participants', 'khong-co')).toBeNull();
  });

  it('CSV and GeoJSON use the same public status words as the list', async () => {
    const query = reportQuerySchema.parse({});
    const csv = await openDataCsv(ctx.db, query);
    const line = csv.split('\r\n').find((l) => l.startsWith(published))!;
    expect(line).toContain(`,${publicStatusLabel('new', 'vi')},`);
    const geo = await exportPublicGeoJson(ctx.db, query);
    const feature = geo.features.find((x) => x.id === published);
    if (feature) {
      expect(feature.properties.public_status).toBe('received');
      expect(feature.properties.status_label).toBe('Đã tiếp nhận');
    }
  });

  it('an empty commune feed is dated now, not 1970', async () => {
    const before = Date.now() - 1000;
    const xml = await newsFeed(ctx.db, 'https://example.vn', {
      title: 'Tin xã',
      selfPath: '/xa/x/tin.xml',
      pagePath: '/xa/x',
      unitId: 'khong-co-xa'
    });
    const updated = xml.match(/<updated>([^<]+)<\/updated>/)![1];
    expect(Date.parse(updated)).toBeGreaterThanOrEqual(before);
    expect(xml).not.toContain('<entry>');
  });
});
