/**
 * News from the work: drafts pre-filled from an activity, a model or a handled published
 * report never carry a protected identity, an attendee's name or an unpublished report;
 * photos of people need consent; scheduling, unpublishing and the Atom feeds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SaxesParser } from 'saxes';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { createActivity } from '../../src/lib/server/program/activities/activity.service';
import { setPublic } from '../../src/lib/server/reports/public/public.service';
import { forwardReport } from '../../src/lib/server/reports/workflow/association.service';
import { acceptReport, closeWithOutcome } from '../../src/lib/server/reports/workflow/agency.service';
import { draftFrom } from '../../src/lib/server/news/news-draft.service';
import { createNews, setNewsPublished, updateNews } from '../../src/lib/server/news/news.service';
import { listPublishedNews, newsFeed, publishedNews } from '../../src/lib/server/news/news-public.service';
import { newsSchema, type NewsInput } from '../../src/lib/server/news/news.schema';
import { newId, nowIso } from '../../src/lib/server/db/ids';
import { formatDate, todayVn } from '../../src/lib/shared/format';
import { activity } from './program-support';
import type { Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/access/actor';

const SECRET = { name: 'Giàng Thị Mỷ', phone: '0988777666', email: 'my@example.vn', address: 'Bản Hon' };
const ATTENDEE = 'Lò Văn Khiêm';
const ORIGIN = 'https://chungsuc.example.vn';

/** Everything the public could read of an item: page fields and the feed. */
const everything = (...parts: unknown[]) => JSON.stringify(parts);

function input(over: Partial<Record<keyof NewsInput, unknown>>): NewsInput {
  return newsSchema.parse({ title: 'Tin thử', summary: 'Tóm tắt', body: 'Nội dung', ...over });
}

/** Parse as strict XML: any well-formedness error throws. */
function parseAtom(xml: string) {
  const parser = new SaxesParser({ xmlns: true });
  const entries: Record<string, string>[] = [];
  const links: string[] = [];
  let current: Record<string, string> | null = null;
  let field = '';
  let root = '';
  parser.on('opentag', (tag) => {
    if (!root) root = `${tag.uri} ${tag.local}`;
    if (tag.local === 'entry') current = {};
    else if (current) field = tag.local;
    if (tag.local === 'link') links.push(String(tag.attributes.href?.value ?? ''));
  });
  parser.on('text', (text) => {
    if (current && field) current[field] = (current[field] ?? '') + text;
  });
  parser.on('closetag', (tag) => {
    if (tag.local === 'entry' && current) {
      entries.push(current);
      current = null;
    }
    field = '';
  });
  parser.write(xml).close();
  return { root, entries, links };
}

forEachDb('news from the work', (ctx) => {
  let officer: Actor;
  let other: Actor;
  let activityId = '';
  let handledReport = '';
  let unpublishedReport = '';

  async function attendee(db: Db, org: string) {
    const id = newId();
    await db
      .insertInto('person')
      .values({
        id,
        organisation_id: org,
        full_name: ATTENDEE,
        name_search: 'lo van khiem',
        sort_key: 'lo van khiem',
        birth_year: 1950,
        sex: 'male',
        village_unit_id: null,
        phone: '0912000111',
        address: null,
        anonymised_at: null,
        created_at: nowIso(),
        updated_at: nowIso()
      })
      .execute();
    return id;
  }

  beforeAll(async () => {
    await seedDemo(ctx.db);
    officer = await actorFor(ctx.db, 'canbo.doanket');
    other = await actorFor(ctx.db, 'canbo.binhlu');
    const commune = await ctx.db
      .selectFrom('organisation as o')
      .innerJoin('admin_unit as u', 'u.id', 'o.admin_unit_id')
      .select(['o.id', 'u.id as unit'])
      .where('u.code', '=', '03388')
      .where('o.kind', '=', 'association')
      .executeTakeFirstOrThrow();
    activityId = await createActivity(
      ctx.db,
      officer,
      activity({
        organisation_id: commune.id,
        admin_unit_id: commune.unit,
        started_on: todayVn(),
        count_total: '45',
        count_elderly: '30',
        attendees: [await attendee(ctx.db, commune.id)],
        notes: `Ông ${ATTENDEE} phát biểu; bà ${SECRET.name} báo tin đốt rừng`
      })
    );
    // A confidential report, published and handled; another one never published.
    handledReport = (await createTestReport(ctx.db, { identity: SECRET, description: 'Đốt rác cạnh suối Nậm Lùm' })).id;
    unpublishedReport = (await createTestReport(ctx.db, { identity: SECRET, description: 'Chưa công khai' })).id;
    const ranger = await actorFor(ctx.db, 'kiemlam');
    const rangers = await orgId(ctx.db, 'Chi cục Kiểm lâm tỉnh Lai Châu');
    for (const id of [handledReport, unpublishedReport]) {
      await forwardReport(ctx.db, officer, id, {
        agency_org_id: rangers,
        doc_no: '1/HNCT',
        doc_date: todayVn(),
        note: ''
      });
      await acceptReport(ctx.db, ranger, id, '');
      await closeWithOutcome(ctx.db, ranger, id, { kind: 'not_a_violation', note: 'Đã nhắc nhở' });
    }
    await setPublic(ctx.db, officer, handledReport, true);
  });

  it('the demo holds published news, among them the 2017 signing ceremony', async () => {
    const { items } = await listPublishedNews(ctx.db, { pageSize: 100 });
    const signing = items.find((n) => n.publishedAt.startsWith('2017-10-30'));
    expect(signing?.title).toContain('bảo vệ tài nguyên và môi trường');
    expect(signing?.body).toContain('24/10/2017');
    expect(items.length).toBeGreaterThanOrEqual(2);
  });

  it('pre-fills a draft from an activity with counts and place, never an attendee or a protected identity', async () => {
    const draft = await draftFrom(ctx.db, officer, 'activity', activityId);
    expect(draft.title).toContain('Buổi tuyên truyền');
    expect(draft.summary).toContain('45 người tham dự');
    expect(draft.summary).toContain(formatDate(todayVn()));
    const text = everything(draft);
    for (const secret of [ATTENDEE, '0912000111', SECRET.name, SECRET.phone, SECRET.email, 'Chưa công khai'])
      expect(text).not.toContain(secret);
  });

  it('publishes a news item from an activity: public page and feed carry no identity or unpublished report', async () => {
    const draft = await draftFrom(ctx.db, officer, 'activity', activityId);
    const id = await createNews(
      ctx.db,
      officer,
      input({
        source_type: 'activity',
        source_id: activityId,
        title: draft.title,
        summary: draft.summary,
        body: draft.body,
        intent: 'publish'
      })
    );
    const { items } = await listPublishedNews(ctx.db);
    const item = items.find((n) => n.id === id)!;
    expect(item.author).not.toBe('');
    expect(item.commune?.slug).toMatch(/-03388$/);
    const page = await publishedNews(ctx.db, item.slug);
    const feed = await newsFeed(ctx.db, ORIGIN, { title: 'Tin', selfPath: '/tin/feed.xml', pagePath: '/tin' });
    const text = everything(page, feed);
    for (const secret of [
      ATTENDEE,
      '0912000111',
      SECRET.name,
      SECRET.phone,
      SECRET.email,
      SECRET.address,
      'Chưa công khai'
    ])
      expect(text).not.toContain(secret);
  });

  it('writes from a handled report only once it is published, and keeps its identity out', async () => {
    await expect(draftFrom(ctx.db, officer, 'report', unpublishedReport)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      createNews(ctx.db, officer, input({ source_type: 'report', source_id: unpublishedReport, intent: 'publish' }))
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const draft = await draftFrom(ctx.db, officer, 'report', handledReport);
    expect(draft.body).toContain('Đốt rác cạnh suối Nậm Lùm');
    expect(everything(draft)).not.toMatch(new RegExp([SECRET.name, SECRET.phone, SECRET.email, '22\\.39'].join('|')));
  });

  it('refuses a photo showing people without the consent tick, and records who ticked it', async () => {
    const photo = newId();
    const org = (
      await ctx.db
        .selectFrom('activity')
        .select('organisation_id')
        .where('id', '=', activityId)
        .executeTakeFirstOrThrow()
    ).organisation_id;
    await ctx.db
      .insertInto('program_media')
      .values({
        id: photo,
        owner_type: 'activity',
        owner_id: activityId,
        organisation_id: org,
        private_path: `private/${photo}.jpg`,
        public_path: `public/${photo}.jpg`,
        sha256: 'x',
        mime: 'image/jpeg',
        bytes: 1,
        created_by: null,
        created_at: nowIso()
      })
      .execute();
    const base = {
      source_type: 'activity',
      source_id: activityId,
      photos: [photo],
      people: [photo],
      intent: 'publish'
    };
    await expect(createNews(ctx.db, officer, input(base))).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'pub_err_photo_consent',
      details: { field: `consent_${photo}` }
    });
    const id = await createNews(ctx.db, officer, input({ ...base, consent: [photo] }));
    const rows = await ctx.db.selectFrom('news_photo').selectAll().where('news_id', '=', id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].shows_people).toBe(1);
    expect(rows[0].consent_recorded_by).toBe(officer.accountId);
    // A landscape photo needs no tick; a photo that is not the record's own is ignored.
    const other = await createNews(ctx.db, officer, input({ ...base, people: [], photos: [photo, newId()] }));
    expect(await ctx.db.selectFrom('news_photo').select('id').where('news_id', '=', other).execute()).toHaveLength(1);
  });

  it("answers 404 for another commune's records", async () => {
    await expect(draftFrom(ctx.db, other, 'activity', activityId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(draftFrom(ctx.db, other, 'report', handledReport)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('schedules, unpublishes and returns the same item for a retried submission', async () => {
    const later = new Date(Date.now() + 3 * 86_400_000);
    const key = newId();
    const data = input({
      source_type: 'activity',
      source_id: activityId,
      title: 'Tin hẹn giờ',
      intent: 'publish',
      publish_on: formatDate(todayVn(later)),
      publish_time: '08:00',
      idempotency_key: key
    });
    const id = await createNews(ctx.db, officer, data);
    expect(await createNews(ctx.db, officer, data)).toBe(id);
    const visible = async () => (await listPublishedNews(ctx.db, { pageSize: 100 })).items.some((n) => n.id === id);
    expect(await visible()).toBe(false); // scheduled
    await updateNews(ctx.db, officer, id, { ...data, publish_on: null, publish_time: null });
    expect(await visible()).toBe(true);
    await setNewsPublished(ctx.db, officer, id, false);
    expect(await visible()).toBe(false);
    await setNewsPublished(ctx.db, officer, id, true);
    expect(await visible()).toBe(true);
  });

  it('feeds are valid Atom with absolute links, for the province and for one commune', async () => {
    const commune = await ctx.db
      .selectFrom('admin_unit')
      .select('id')
      .where('code', '=', '03388')
      .executeTakeFirstOrThrow();
    const province = parseAtom(
      await newsFeed(ctx.db, ORIGIN, { title: 'Tin & ảnh <tỉnh>', selfPath: '/tin/feed.xml', pagePath: '/tin' })
    );
    expect(province.root).toBe('http://www.w3.org/2005/Atom feed');
    expect(province.entries.length).toBeGreaterThan(0);
    for (const href of province.links) expect(href).toMatch(/^https:\/\/chungsuc\.example\.vn\//);
    for (const e of province.entries) {
      expect(e.id).toMatch(/^https:\/\//);
      expect(Date.parse(e.updated)).not.toBeNaN();
      expect(e.title.length).toBeGreaterThan(0);
    }
    const local = parseAtom(
      await newsFeed(ctx.db, ORIGIN, {
        title: 'Tin xã',
        selfPath: '/xa/x/tin.xml',
        pagePath: '/xa/x',
        unitId: commune.id
      })
    );
    expect(local.entries.length).toBeGreaterThan(0);
    const elsewhere = await ctx.db
      .selectFrom('admin_unit')
      .select('id')
      .where('code', '=', '03394')
      .executeTakeFirstOrThrow();
    const none = parseAtom(
      await newsFeed(ctx.db, ORIGIN, { title: 'x', selfPath: '/a', pagePath: '/b', unitId: elsewhere.id })
    );
    expect(none.entries).toHaveLength(0);
  });
});

describe('news form', () => {
  it.each([
    [{ title: '' }, 'title'],
    [{ summary: '   ' }, 'summary'],
    [{ publish_on: '31/02/2026' }, 'publish_on'],
    [{ publish_time: '25:00' }, 'publish_time']
  ])('%o is refused on %s', (over, field) => {
    const r = newsSchema.safeParse({
      source_type: 'activity',
      source_id: 'x',
      title: 't',
      summary: 's',
      body: 'b',
      ...over
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path[0]).toBe(field);
  });
});
