/**
 * Compression for dynamic text responses (HTML pages, JSON, feeds). adapter-node serves the
 * built JS/CSS precompressed (svelte.config.js `precompress`), but not what SvelteKit renders.
 * Brotli when the browser takes it (a page is ~8 % smaller than with gzip, which matters on a
 * village link), gzip otherwise. Quality 5: higher levels cost tens of milliseconds per page for
 * a few hundred bytes. The body is piped through zlib with a flush per chunk, so streamed
 * responses still stream. Downloads (Content-Disposition: attachment), binary types, tiny
 * bodies, HEAD and already-encoded responses are passed through untouched.
 */
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import { Readable, type Transform } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

const TEXT =
  /^(text\/(html|plain|css|javascript|xml|csv)|application\/(json|javascript|xml|geo\+json|manifest\+json|atom\+xml)|image\/svg\+xml)\b/i;
const MIN_BYTES = 1024;

export type Encoding = 'br' | 'gzip';

/** The encoding the request accepts (q=0 refuses one), brotli first; null for none of ours. */
export function acceptedEncoding(request: Request): Encoding | null {
  const offered = new Map<string, number>();
  for (const part of (request.headers.get('accept-encoding') ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    offered.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const takes = (e: string) => (offered.get(e) ?? offered.get('*') ?? 0) > 0;
  return takes('br') ? 'br' : takes('gzip') ? 'gzip' : null;
}

export function shouldCompress(request: Request, response: Response): boolean {
  if (!response.body || request.method === 'HEAD') return false;
  if (response.status < 200 || response.status === 204 || response.status === 304 || response.status === 206)
    return false;
  if (!acceptedEncoding(request)) return false;
  if (response.headers.has('content-encoding')) return false;
  if (/attachment/i.test(response.headers.get('content-disposition') ?? '')) return false;
  if (!TEXT.test(response.headers.get('content-type') ?? '')) return false;
  const length = response.headers.get('content-length');
  return length === null || Number(length) >= MIN_BYTES;
}

function encoder(encoding: Encoding): Transform {
  if (encoding === 'gzip') return createGzip({ flush: constants.Z_SYNC_FLUSH });
  return createBrotliCompress({
    flush: constants.BROTLI_OPERATION_FLUSH,
    params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT }
  });
}

export function compressResponse(response: Response, encoding: Encoding): Response {
  const zip = encoder(encoding);
  const source = Readable.fromWeb(response.body as unknown as NodeReadableStream);
  source.on('error', (e) => zip.destroy(e));
  const body = Readable.toWeb(source.pipe(zip)) as unknown as ReadableStream<Uint8Array>;
  const headers = new Headers(response.headers);
  headers.set('content-encoding', encoding);
  headers.delete('content-length');
  headers.append('vary', 'Accept-Encoding');
  // The bytes differ from the identity body: a strong validator would be wrong.
  const etag = headers.get('etag');
  if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** gzip regardless of what was asked (kept for callers that negotiated already). */
export function gzipResponse(response: Response): Response {
  return compressResponse(response, 'gzip');
}
