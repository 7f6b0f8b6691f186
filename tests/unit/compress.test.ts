/** gzip of rendered text responses: what is compressed, what is left alone, and streaming. */
import { expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { acceptedEncoding, compressResponse, gzipResponse, shouldCompress } from '../../src/lib/server/compress';

const html = '<!doctype html><title>Báo vi phạm</title>' + '<p>Chung Sức — phản ánh</p>'.repeat(200);
const req = (enc = 'gzip, deflate, br', method = 'GET') =>
  new Request('http://x/report', { method, headers: { 'accept-encoding': enc } });
const res = (body: string | null, headers: Record<string, string>, status = 200) =>
  new Response(body, { status, headers });

it.each([
  ['an HTML page', req(), res(html, { 'content-type': 'text/html; charset=utf-8' }), true],
  ['JSON', req(), res(html, { 'content-type': 'application/json' }), true],
  ['a client that does not take gzip', req('identity'), res(html, { 'content-type': 'text/html' }), false],
  ['a HEAD request', req('gzip', 'HEAD'), res(null, { 'content-type': 'text/html' }), false],
  [
    'a CSV download',
    req(),
    res(html, { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="x.csv"' }),
    false
  ],
  ['an image', req(), res(html, { 'content-type': 'image/jpeg' }), false],
  [
    'an XLSX file',
    req(),
    res(html, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    false
  ],
  ['an already encoded body', req(), res(html, { 'content-type': 'text/html', 'content-encoding': 'br' }), false],
  ['a tiny body', req(), res('ok', { 'content-type': 'text/plain', 'content-length': '2' }), false],
  ['a redirect without body', req(), res(null, { location: '/' }, 303), false]
])('%s → compress: %s', (_label, request, response, expected) => {
  expect(shouldCompress(request, response)).toBe(expected);
});

it('gzips the body, drops the length, weakens the ETag, keeps cookies and status', async () => {
  const headers = new Headers({
    'content-type': 'text/html',
    'content-length': String(Buffer.byteLength(html)),
    etag: '"abc"'
  });
  headers.append('set-cookie', 'a=1; Path=/');
  headers.append('set-cookie', 'b=2; Path=/');
  const out = gzipResponse(new Response(html, { status: 400, headers }));
  expect(out.status).toBe(400);
  expect(out.headers.get('content-encoding')).toBe('gzip');
  expect(out.headers.get('content-length')).toBeNull();
  expect(out.headers.get('etag')).toBe('W/"abc"');
  expect(out.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
  const bytes = Buffer.from(await out.arrayBuffer());
  expect(bytes.length).toBeLessThan(Buffer.byteLength(html) / 5);
  expect(gunzipSync(bytes).toString('utf8')).toBe(html);
});

it('streams: the first chunk arrives before the source has finished', async () => {
  let finish!: () => void;
  const source = new ReadableStream<Uint8Array>({
    async start(c) {
      c.enqueue(new TextEncoder().encode('<p>first</p>'));
      await new Promise<void>((r) => (finish = r));
      c.enqueue(new TextEncoder().encode('<p>second</p>'));
      c.close();
    }
  });
  const out = gzipResponse(new Response(source, { headers: { 'content-type': 'text/html' } }));
  const reader = out.body!.getReader();
  const first = await reader.read();
  expect(first.done).toBe(false);
  const chunks = [Buffer.from(first.value!)];
  finish();
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(Buffer.from(r.value));
  expect(gunzipSync(Buffer.concat(chunks)).toString()).toBe('<p>first</p><p>second</p>');
});

it.each([
  ['gzip, deflate, br, zstd', 'br'],
  ['gzip, deflate', 'gzip'],
  ['br;q=0, gzip', 'gzip'],
  ['gzip;q=0', null],
  ['identity', null],
  ['*', 'br'],
  ['', null]
])('Accept-Encoding %j → %s', (header, expected) => {
  expect(acceptedEncoding(req(header))).toBe(expected);
});

it('brotli: the page decodes to the same text and is smaller than with gzip', async () => {
  const headers = { 'content-type': 'text/html' };
  const br = compressResponse(new Response(html, { headers }), 'br');
  expect(br.headers.get('content-encoding')).toBe('br');
  const brBytes = Buffer.from(await br.arrayBuffer());
  const gzBytes = Buffer.from(await gzipResponse(new Response(html, { headers })).arrayBuffer());
  expect(brotliDecompressSync(brBytes).toString('utf8')).toBe(html);
  expect(brBytes.length).toBeLessThan(gzBytes.length);
});
