/**
 * News as a visitor meets it: the demo's items each have their own title, and a shared link's
 * card (og:image) shows the item's first published photo, at an absolute address anyone may
 * fetch, or the site's card when it has none.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, seedDemo } from '../support/demo';
import { createNews } from '../../src/lib/server/news/news.service';
import { newsSchema } from '../../src/lib/server/news/news.schema';
import { createActivity } from '../../src/lib/server/program/activities/activity.service';
import { newId, nowIso } from '../../src/lib/server/db/ids';
import { todayVn } from '../../src/lib/shared/format';
import { load } from '../../src/routes/tin/[slug]/+page.server';
import { activity } from './program-support';
import type { Db } from '../../src/lib/server/db';

const ORIGIN = 'https://chungsuc.example.vn';

async function cardOf(db: Db, newsId: string) {
  const { slug } = await db.selectFrom('news_item').select('slug').where('id', '=', newsId).executeTakeFirstOrThrow();
  const event = { locals: { db }, params: { slug }, url: new URL(`${ORIGIN}/tin/${slug}`) };
  const page = (await load(event as unknown as Parameters<typeof load>[0])) as { image: string };
  return page.image;
}

async function addPhoto(db: Db, activityId: string, organisationId: string): Promise<string> {
  const id = newId();
  await db
    .insertInto('program_media')
    .values({
      id,
      owner_type: 'activity',
      owner_id: activityId,
      organisation_id: organisationId,
      private_path: `private/${id}.jpg`,
      public_path: `public/${id}.jpg`,
      sha256: id,
      mime: 'image/jpeg',
      bytes: 1,
      created_by: null,
      created_at: nowIso()
    })
    .execute();
  return id;
}

forEachDb('news titles and cards', (ctx) => {
  beforeAll(async () => {
    await seedDemo(ctx.db);
  });

  it('gives every demo news item its own title', async () => {
    const titles = (await ctx.db.selectFrom('news_item').select('title').execute()).map((r) => r.title);
    expect(titles.length).toBeGreaterThanOrEqual(3);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it("a shared item's card shows its first published photo, else the site's card", async () => {
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    const commune = await ctx.db
      .selectFrom('organisation as o')
      .innerJoin('admin_unit as u', 'u.id', 'o.admin_unit_id')
      .select(['o.id', 'u.id as unit'])
      .where('u.code', '=', '03388') // Đoàn Kết, canbo.doanket's commune
      .where('o.kind', '=', 'association')
      .executeTakeFirstOrThrow();
    const org = commune.id;
    const activityId = await createActivity(
      ctx.db,
      officer,
      activity({ organisation_id: org, admin_unit_id: commune.unit, started_on: todayVn() })
    );
    const [first, second, unpublished] = [
      await addPhoto(ctx.db, activityId, org),
      await addPhoto(ctx.db, activityId, org),
      await addPhoto(ctx.db, activityId, org)
    ];
    const base = {
      source_type: 'activity',
      source_id: activityId,
      summary: 'Tóm tắt',
      body: 'Nội dung',
      intent: 'publish'
    };
    const withPhotos = await createNews(
      ctx.db,
      officer,
      newsSchema.parse({ ...base, title: 'Tin có ảnh', photos: [first, second], people: [first], consent: [first] })
    );
    const [photo] = await ctx.db
      .selectFrom('news_photo')
      .select(['id', 'media_id'])
      .where('news_id', '=', withPhotos)
      .orderBy('sort_order')
      .execute();
    expect(photo.media_id).toBe(first);
    expect(await cardOf(ctx.db, withPhotos)).toBe(`${ORIGIN}/tin/anh/${photo.id}`);
    // The activity's other photo, never chosen for the item, is not a card for it.
    expect(await cardOf(ctx.db, withPhotos)).not.toContain(unpublished);
    const without = await createNews(ctx.db, officer, newsSchema.parse({ ...base, title: 'Tin không ảnh' }));
    expect(await cardOf(ctx.db, without)).toBe(`${ORIGIN}/og-card.png`);
  });
});
