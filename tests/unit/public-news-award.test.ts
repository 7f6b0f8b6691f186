/**
 * News from an award: only an award in force whose awardee agreed to publication can be told,
 * with the honour board's public facts (never the cash amount); withdrawing consent takes it
 * off the list of starting points and takes down the news already
 * written from it. Photo captions are kept and shown with the published item.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, seedDemo } from '../support/demo';
import { draftFrom, startingPoints } from '../../src/lib/server/news/news-draft.service';
import { createNews, setNewsPublished, updateNews } from '../../src/lib/server/news/news.service';
import { errorText } from '../../src/lib/server/i18n';
import { publishedNews } from '../../src/lib/server/news/news-public.service';
import { newsSchema } from '../../src/lib/server/news/news.schema';
import { seedEmulationDemo } from '../../src/lib/server/emulation/seed';
import { seedAwardNewsDemo } from '../../src/lib/server/news/seed';
import { listPublishedNews, newsFeed } from '../../src/lib/server/news/news-public.service';
import { withdrawConsent } from '../../src/lib/server/emulation/award.service';
import { newId, nowIso } from '../../src/lib/server/db/ids';
import type { Actor } from '../../src/lib/server/access/actor';

forEachDb('news from an award', (ctx) => {
  let officer: Actor;
  let consenting = '';

  beforeAll(async () => {
    await seedDemo(ctx.db);
    await seedEmulationDemo(ctx.db);
    officer = await actorFor(ctx.db, 'canbo.doanket');
    const awards = await ctx.db.selectFrom('emu_award').select(['id', 'public_consent_on']).orderBy('id').execute();
    consenting = awards.find((a) => a.public_consent_on)!.id;
  });

  it('pre-fills from a consenting awardee with the decision, and never the cash', async () => {
    const draft = await draftFrom(ctx.db, officer, 'award', consenting);
    expect(draft.title).toMatch(/Tuổi cao – Gương sáng/);
    expect(draft.summary).toMatch(/Quyết định số/);
    expect(draft.body).toContain('phân loại rác tại nguồn');
    const cash = await ctx.db
      .selectFrom('emu_award')
      .select('cash_amount')
      .where('id', '=', consenting)
      .executeTakeFirstOrThrow();
    if (cash.cash_amount) expect(JSON.stringify(draft)).not.toContain(String(cash.cash_amount));
    expect(draft.communeId).not.toBeNull();
  });

  it('refuses an award whose awardee has not agreed, and one whose consent was withdrawn', async () => {
    const before = await startingPoints(ctx.db, officer);
    expect(before.awards.map((a) => a.id)).toContain(consenting);
    // The same award before its awardee agreed: not offered, and a direct request is a 404.
    const consent = (on: string | null) =>
      ctx.db.updateTable('emu_award').set({ public_consent_on: on }).where('id', '=', consenting).execute();
    await consent(null);
    await expect(draftFrom(ctx.db, officer, 'award', consenting)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await startingPoints(ctx.db, officer)).awards.map((a) => a.id)).not.toContain(consenting);
    await consent('2025-12-05');
    const other = await actorFor(ctx.db, 'canbo.binhlu');
    await expect(draftFrom(ctx.db, other, 'award', consenting)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps photo captions and shows them with the published item', async () => {
    const activity = await ctx.db
      .selectFrom('activity as a')
      .innerJoin('organisation_closure as c', 'c.descendant_id', 'a.organisation_id')
      .select(['a.id', 'a.organisation_id'])
      .where(
        'c.ancestor_id',
        'in',
        officer.grants.map((g) => g.organisationId)
      )
      .limit(1)
      .executeTakeFirstOrThrow();
    const activityId = activity.id;
    const mediaId = newId();
    await ctx.db
      .insertInto('program_media')
      .values({
        id: mediaId,
        owner_type: 'activity',
        owner_id: activityId,
        organisation_id: activity.organisation_id,
        private_path: `private/${mediaId}.jpg`,
        public_path: `public/${mediaId}.jpg`,
        mime: 'image/jpeg',
        bytes: 10,
        sha256: 'x',
        created_by: null,
        created_at: nowIso()
      })
      .execute();
    const draft = await draftFrom(ctx.db, officer, 'activity', activityId);
    const id = await createNews(
      ctx.db,
      officer,
      newsSchema.parse({
        source_type: 'activity',
        source_id: activityId,
        title: draft.title,
        summary: draft.summary,
        body: draft.body,
        photos: [mediaId],
        [`caption_${mediaId}`]: '  Các cụ nhặt rác ven suối Nậm Lùm  ',
        intent: 'publish'
      })
    );
    const slug = (await ctx.db.selectFrom('news_item').select('slug').where('id', '=', id).executeTakeFirstOrThrow())
      .slug;
    const item = await publishedNews(ctx.db, slug);
    expect(item.photos[0].caption).toBe('Các cụ nhặt rác ven suối Nậm Lùm');
  });

  it('the demo tells the consenting award once, after the awards are decided, even when seeded twice', async () => {
    await seedAwardNewsDemo(ctx.db);
    await seedAwardNewsDemo(ctx.db);
    const rows = await ctx.db
      .selectFrom('news_item')
      .select(['slug', 'source_id', 'status'])
      .where('source_type', '=', 'award')
      .execute();
    expect(rows).toEqual([{ slug: expect.any(String), source_id: consenting, status: 'published' }]);
    const item = await publishedNews(ctx.db, rows[0].slug);
    expect(item.title).toMatch(/Tuổi cao – Gương sáng/);
    expect(item.author).toBeTruthy();
    const { items } = await listPublishedNews(ctx.db, { pageSize: 50 });
    expect(items.map((n) => n.slug)).toContain(rows[0].slug);
  });

  it('a withdrawn consent takes the award news off its page and the feed, and says how many', async () => {
    const { slug, title } = await ctx.db
      .selectFrom('news_item')
      .select(['slug', 'title'])
      .where('source_type', '=', 'award')
      .where('source_id', '=', consenting)
      .executeTakeFirstOrThrow();
    const feed = () =>
      newsFeed(ctx.db, 'https://chungsuc.test', { title: 'Tin', selfPath: '/tin/feed.xml', pagePath: '/tin' });
    expect(await feed()).toContain(slug);
    expect(await withdrawConsent(ctx.db, officer, consenting)).toEqual({ news: 1 });
    await expect(publishedNews(ctx.db, slug)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const xml = await feed();
    expect(xml).not.toContain(slug);
    expect(xml).not.toContain(title);
    const { items } = await listPublishedNews(ctx.db, { pageSize: 50 });
    expect(items.map((n) => n.slug)).not.toContain(slug);
    const trail = await ctx.db
      .selectFrom('audit_event')
      .select('note')
      .where('entity_type', '=', 'news_item')
      .where('note', '=', 'consent_withdrawn')
      .execute();
    expect(trail).toHaveLength(1);
  });

  it('a withdrawn consent removes the award from the starting points', async () => {
    expect(await withdrawConsent(ctx.db, officer, consenting)).toEqual({ news: 0 });
    const after = await startingPoints(ctx.db, officer);
    expect(after.awards.map((a) => a.id)).not.toContain(consenting);
    await expect(draftFrom(ctx.db, officer, 'award', consenting)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses to publish again, with a plain reason, the news of an awardee who withdrew consent', async () => {
    const item = await ctx.db
      .selectFrom('news_item')
      .select(['id', 'slug', 'title', 'summary', 'body', 'status'])
      .where('source_type', '=', 'award')
      .where('source_id', '=', consenting)
      .executeTakeFirstOrThrow();
    expect(item.status).toBe('unpublished');
    const refused = await setNewsPublished(ctx.db, officer, item.id, true).catch((e) => e);
    expect(refused).toMatchObject({ code: 'CONFLICT', message: 'emul3_err_news_award_consent' });
    expect(errorText(refused.message)).toContain('rút lại sự đồng ý công khai');
    const edit = newsSchema.parse({ ...item, source_type: 'award', source_id: consenting, intent: 'publish' });
    await expect(updateNews(ctx.db, officer, item.id, edit)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(publishedNews(ctx.db, item.slug)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const status = await ctx.db.selectFrom('news_item').select('status').where('id', '=', item.id).executeTakeFirst();
    expect(status?.status).toBe('unpublished');
  });
});
