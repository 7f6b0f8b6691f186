/**
 * gzip for dynamic text responses (HTML pages, JSON, CSV-less text). adapter-node serves the
 * built JS/CSS precompressed (svelte.config.js `precompress`), but not what SvelteKit renders.
 * The body is piped through zlib with a sync flush per chunk, so streamed responses still
 * stream. Downloads (Content-Disposition: attachment), binary types, tiny bodies, HEAD and
 * already-encoded responses are passed through untouched.
 */
import { constants, createGzip } from 'node:zlib';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

const TEXT =
  /^(text\/(html|plain|css|javascript|xml|csv)|application\/(json|javascript|xml|geo\+json|manifest\+json)|image\/svg\+xml)\b/i;
const MIN_BYTES = 1024;

export function shouldCompress(request: Request, response: Response): boolean {
  if (!response.body || request.method === 'HEAD') return false;
  if (response.status < 200 || response.status === 204 || response.status === 304 || response.status === 206)
    return false;
  if (!/\bgzip\b/i.test(request.headers.get('accept-encoding') ?? '')) return false;
  if (response.headers.has('content-encoding')) return false;
  if (/attachment/i.test(response.headers.get('content-disposition') ?? '')) return false;
  if (!TEXT.test(response.headers.get('content-type') ?? '')) return false;
  const length = response.headers.get('content-length');
  return length === null || Number(length) >= MIN_BYTES;
}

export function gzipResponse(response: Response): Response {
  const gzip = createGzip({ flush: constants.Z_SYNC_FLUSH });
  const source = Readable.fromWeb(response.body as unknown as NodeReadableStream);
  source.on('error', (e) => gzip.destroy(e));
  const body = Readable.toWeb(source.pipe(gzip)) as unknown as ReadableStream<Uint8Array>;
  const headers = new Headers(response.headers);
  headers.set('content-encoding', 'gzip');
  headers.delete('content-length');
  headers.append('vary', 'Accept-Encoding');
  // The bytes differ from the identity body: a strong validator would be wrong.
  const etag = headers.get('etag');
  if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
