/**
 * Drafts of forms posted after a session expired belong to the browser that posted them: only
 * the signed cookie given to that browser opens one, once; big or numerous posts from anyone
 * with a made-up session cookie keep nothing unbounded.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { forEachDb } from '../support/db';
import type { Db } from '../../src/lib/server/db';
import {
  DRAFT_COOKIE,
  MAX_DRAFT_BYTES,
  MAX_LIVE_DRAFTS,
  draftToken,
  saveDraft,
  saveExpiredForm,
  takeDraft
} from '../../src/lib/server/drafts/draft.service';

/** One browser's cookie jar, as SvelteKit's `cookies` for the request. */
function jar(): Cookies & { value: Map<string, string> } {
  const value = new Map<string, string>();
  return {
    value,
    get: (name: string) => value.get(name),
    getAll: () => [...value].map(([name, v]) => ({ name, value: v })),
    set: (name: string, v: string) => void value.set(name, v),
    delete: (name: string) => void value.delete(name),
    serialize: () => ''
  } as unknown as Cookies & { value: Map<string, string> };
}

const PATH = '/people/p1/edit';
const post = (db: Db, cookies: Cookies, fields: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return saveExpiredForm({ locals: { db } as App.Locals, url: new URL(`http://localhost${PATH}`), cookies }, form);
};
const draftBytes = async (db: Db) => {
  const rows = await db.selectFrom('form_draft').select('fields_json').execute();
  return rows.reduce((n, r) => n + r.fields_json.length, 0);
};

forEachDb('form drafts', (ctx) => {
  beforeAll(async () => {
    await ctx.db.deleteFrom('form_draft').execute();
  });

  it('only the browser that posted opens the draft, and only once', async () => {
    const mine = jar();
    const { url } = await post(ctx.db, mine, { address: 'Tổ 3, Bản Mẫu Một', password: 'bí mật' });
    const id = url.searchParams.get('draft')!;
    expect(id).toBeTruthy();
    expect(mine.value.get(DRAFT_COOKIE)).toBe(draftToken(id));

    // Another browser that learnt the link (history, shoulder, logs) gets nothing.
    expect(await takeDraft(ctx.db, undefined, id, PATH)).toBeNull();
    expect(await takeDraft(ctx.db, `${id}.forged`, id, PATH)).toBeNull();
    const other = jar();
    await post(ctx.db, other, { address: 'khác' });
    expect(await takeDraft(ctx.db, other.get(DRAFT_COOKIE), id, PATH)).toBeNull();
    // Not on another page either.
    expect(await takeDraft(ctx.db, mine.get(DRAFT_COOKIE), id, '/admin/accounts')).toBeNull();

    expect(await takeDraft(ctx.db, mine.get(DRAFT_COOKIE), id, PATH)).toEqual({ address: 'Tổ 3, Bản Mẫu Một' });
    expect(await takeDraft(ctx.db, mine.get(DRAFT_COOKIE), id, PATH)).toBeNull();
  });

  it('three big posts with a made-up session keep nothing big', async () => {
    await ctx.db.deleteFrom('form_draft').execute();
    const big = 'x'.repeat(27 * 1024 * 1024);
    for (let i = 0; i < 3; i++) {
      const browser = jar();
      const { url } = await post(ctx.db, browser, { note: big });
      expect(url.searchParams.has('draft')).toBe(false);
      expect(browser.value.size).toBe(0);
    }
    expect(await draftBytes(ctx.db)).toBe(0);
    // Just under the cap is still kept: real forms are never this big.
    expect(await saveDraft(ctx.db, PATH, { note: 'y'.repeat(MAX_DRAFT_BYTES - 20) })).toBeTruthy();
  });

  it('past the ceiling of live drafts nothing more is kept', async () => {
    await ctx.db.deleteFrom('form_draft').execute();
    const now = new Date().toISOString();
    const rows = Array.from({ length: MAX_LIVE_DRAFTS }, (_, i) => ({
      id: `d${i}`,
      path: PATH,
      fields_json: '{}',
      created_at: now
    }));
    for (let i = 0; i < rows.length; i += 200)
      await ctx.db
        .insertInto('form_draft')
        .values(rows.slice(i, i + 200))
        .execute();
    expect(await saveDraft(ctx.db, PATH, { a: 'b' })).toBeNull();
    // An hour later the old ones are gone and drafts are kept again.
    await ctx.db
      .updateTable('form_draft')
      .set({ created_at: new Date(Date.now() - 61 * 60_000).toISOString() })
      .execute();
    expect(await saveDraft(ctx.db, PATH, { a: 'b' })).toBeTruthy();
  });

  it('an expired draft does not open', async () => {
    const mine = jar();
    const { url } = await post(ctx.db, mine, { address: 'cũ' });
    const id = url.searchParams.get('draft')!;
    await ctx.db
      .updateTable('form_draft')
      .set({ created_at: new Date(Date.now() - 61 * 60_000).toISOString() })
      .where('id', '=', id)
      .execute();
    expect(await takeDraft(ctx.db, mine.get(DRAFT_COOKIE), id, PATH)).toBeNull();
  });
});
