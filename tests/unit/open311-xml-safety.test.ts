/** One report with control characters in its text must never make the Open311 XML malformed. */
import { beforeAll, expect, it } from 'vitest';
import { SaxesParser } from 'saxes';
import { forEachDb } from '../support/db';
import { actorFor, seedDemo } from '../support/demo';
import { SYSTEM } from '../../src/lib/server/access/actor';
import { createKey } from '../../src/lib/server/open311/keys.service';
import { handle, serialise } from '../../src/lib/server/open311/open311.http';
import { toXml } from '../../src/lib/server/open311/xml';
import { atomFeed } from '../../src/lib/server/news/atom';
import { setPublic } from '../../src/lib/server/reports/public/public.service';
import type { Db } from '../../src/lib/server/db';

async function call(db: Db, method: string, path: string, params: Record<string, string> = {}) {
  const { result, format } = await handle(db, { method, path, params, baseUrl: 'http://test.local' });
  return { status: result.status, body: result.body, text: serialise(result, format).body };
}

/** Every text node of the document, read by a conforming XML 1.0 parser (throws when malformed). */
function parseXml(xml: string): string[] {
  const texts: string[] = [];
  const parser = new SaxesParser();
  parser.on('text', (t) => texts.push(t));
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
  return texts;
}

it('drops every character XML 1.0 forbids and keeps tab, newline and astral text', () => {
  const text = `a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg\ud800h\udfffi\ufffej\uffffk\tl\nm😀n`;
  const texts = parseXml(toXml('r', { t: text }));
  expect(texts.at(-1)).toBe('abcdefghijk\tl\nm😀n');
});

it('the news feed drops them too, lone surrogates included', () => {
  const at = '2026-12-01T00:00:00Z';
  const feed = atomFeed({
    id: 'urn:x',
    title: 'Tin\u0001 xã',
    self: 'http://x/tin/feed.xml',
    alternate: 'http://x/tin',
    updated: at,
    entries: [
      {
        id: 'urn:e',
        title: 'Họp\ud800 dân',
        link: 'http://x/tin/a',
        published: at,
        updated: at,
        author: 'UBND\uffff',
        summary: 'Tóm\u000b tắt',
        image: null
      }
    ]
  });
  const texts = parseXml(feed);
  expect(texts).toEqual(expect.arrayContaining(['Tin xã', 'Họp dân', 'UBND', 'Tóm tắt']));
});

forEachDb('open311 xml safety', (ctx) => {
  let id = '';

  beforeAll(async () => {
    await seedDemo(ctx.db);
    const key = (await createKey(ctx.db, SYSTEM, 'xml safety client')).key;
    const r = await call(ctx.db, 'POST', 'requests.json', {
      api_key: key,
      service_code: 'do_rac',
      lat: '22.4331',
      long: '103.4012',
      description: 'Rác\u0001 đổ\u000b cạnh suối Nậm Lùm'
    });
    expect(r.status).toBe(200);
    id = (r.body as { service_request_id: string }[])[0].service_request_id;
    await setPublic(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), id, true);
  });

  it.each(['requests.xml', 'one'])('%s stays well-formed XML', async (which) => {
    const path = which === 'one' ? `requests/${id}.xml` : which;
    const r = await call(ctx.db, 'GET', path);
    expect(r.status).toBe(200);
    const texts = parseXml(r.text);
    expect(texts).toContain(id);
    expect(texts.some((t) => t.includes('Rác đổ cạnh suối Nậm Lùm'))).toBe(true);
  });
});
