import { fileOr404, contentDisposition } from '$lib/server/http';
import { publicAudioFile } from '$lib/server/library/library-public.service';
import type { RequestHandler } from './$types';

/**
 * A reading's MP3. Byte ranges are answered so players can seek and resume a download over a
 * weak link; `?tai=1` saves it as a file (for the loudspeaker's USB stick).
 */
export const GET: RequestHandler = async ({ locals, params, url, request }) => {
  const file = await fileOr404(() => publicAudioFile(locals.db, params.id));
  const size = file.bytes.length;
  const headers: Record<string, string> = {
    'content-type': 'audio/mpeg',
    'accept-ranges': 'bytes',
    'cache-control': 'public, max-age=3600'
  };
  if (url.searchParams.has('tai')) headers['content-disposition'] = contentDisposition(file.name);
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get('range') ?? '');
  if (!range || (!range[1] && !range[2])) {
    return new Response(new Uint8Array(file.bytes), { headers: { ...headers, 'content-length': String(size) } });
  }
  const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
  const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
  if (start >= size || start > end)
    return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` } });
  return new Response(new Uint8Array(file.bytes.subarray(start, end + 1)), {
    status: 206,
    headers: { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': String(end - start + 1) }
  });
};
