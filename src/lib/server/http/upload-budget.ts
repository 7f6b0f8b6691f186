/**
 * A ceiling on the form uploads the server receives at once: each multipart POST reserves its
 * declared size for as long as it is handled, and one that would pass UPLOAD_INFLIGHT_MAX_MB is
 * answered 503 at once (with Retry-After) instead of being read into memory. A body without a
 * declared size reserves the largest size a body may have. Its files are streamed to disk
 * (multipart.ts), so the reservation is of disk and parsing work more than of memory.
 */
import type { Handle } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { t } from '$lib/server/i18n';
import { withUploadArea } from './multipart';

const MB = 1024 * 1024;
let inFlight = 0;

export const uploadBytesInFlight = (): number => inFlight;

/** Reserves `bytes` if they fit; the release function, or null when they do not. */
export function reserveUpload(bytes: number, limit = config.UPLOAD_INFLIGHT_MAX_MB * MB): (() => void) | null {
  if (inFlight + bytes > limit) return null;
  inFlight += bytes;
  let done = false;
  return () => {
    if (!done) inFlight -= bytes;
    done = true;
  };
}

const declared = (request: Request): number => {
  const n = Number(request.headers.get('content-length'));
  return Number.isFinite(n) && n > 0 ? n : 60 * MB;
};

export const handleUploadBudget: Handle = async ({ event, resolve }) => {
  const type = event.request.headers.get('content-type') ?? '';
  if (event.request.method !== 'POST' || !type.startsWith('multipart/form-data')) return resolve(event);
  const release = reserveUpload(declared(event.request));
  if (!release)
    return new Response(t('seca_upload_busy'), {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '60' }
    });
  try {
    // The form's files are read to temporary files, deleted once the answer is ready.
    return await withUploadArea(async () => resolve(event));
  } finally {
    release();
  }
};
