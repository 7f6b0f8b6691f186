/**
 * Photos and documents of the movement (manual evidence, awardees' photos). What a file is
 * comes from its bytes, never from its name or the browser's word: photos are decoded and
 * re-encoded by sharp (the metadata-free copy is what pages show, the original stays private),
 * documents must be a PDF or a Word .docx by their magic numbers.
 */
import { createHash } from 'node:crypto';
import { AppError, isAppError } from '$lib/server/errors';
import type { PostedFile } from '$lib/server/http/files';
import { PDF, preparePhoto, sniffDocument, storeMedia, thumbnail, type PreparedMedia } from '$lib/server/media/media';

export const MAX_EVIDENCE_FILES = 5;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface PreparedFile {
  kind: 'photo' | 'document';
  name: string;
  mime: string;
  ext: string;
  bytes: number;
  media: PreparedMedia | null;
  thumb: Buffer | null;
  original: Buffer;
}

const looksLikePhoto = (data: Buffer) =>
  (data[0] === 0xff && data[1] === 0xd8) ||
  data.toString('latin1', 1, 4) === 'PNG' ||
  (data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') ||
  data.toString('latin1', 4, 8) === 'ftyp';

const fail = (field: string, key: string, name: string) => new AppError('VALIDATION', key, { field, name });

/** Safe to show back and to send as a download name: no path, no control characters, ≤ 120 chars. */
export function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return clean.slice(-120) || 'tep';
}

/** One posted file, checked; `photosOnly` for the honour board. */
export async function prepareFile(f: PostedFile, field: string, photosOnly = false): Promise<PreparedFile> {
  const name = cleanName(f.name);
  const data = Buffer.from(f.bytes);
  if (data.length > MAX_FILE_BYTES) throw fail(field, 'emul_err_file_size', name);
  const doc = photosOnly ? null : sniffDocument(data);
  if (doc)
    return {
      kind: 'document',
      name,
      mime: doc,
      ext: doc === PDF ? 'pdf' : 'docx',
      bytes: data.length,
      media: null,
      thumb: null,
      original: data
    };
  if (!looksLikePhoto(data)) throw fail(field, photosOnly ? 'emul_err_photo_type' : 'emul_err_file_type', name);
  try {
    // The bytes decide; a browser that sends no type for a HEIC photo is not refused for it.
    const media = await preparePhoto(data, f.type && f.type.startsWith('image/') ? f.type : 'image/jpeg');
    const thumb = await thumbnail(media.publicCopy!);
    return { kind: 'photo', name, mime: media.mime, ext: media.ext, bytes: data.length, media, thumb, original: data };
  } catch (e) {
    if (isAppError(e) && e.message === 'sec2_err_photo_pixels') throw fail(field, 'emul_err_photo_pixels', name);
    throw fail(field, 'emul_err_file_photo', name);
  }
}

/** Every file is checked before anything is written, so one bad file fails the whole form. */
export async function prepareFiles(files: PostedFile[], field: string): Promise<PreparedFile[]> {
  if (files.length > MAX_EVIDENCE_FILES) throw new AppError('VALIDATION', 'emul_err_file_count', { field });
  const out: PreparedFile[] = [];
  for (const f of files) out.push(await prepareFile(f, field));
  return out;
}

const bare = (ext: string, original: Buffer): PreparedMedia => ({
  kind: 'photo',
  mime: '',
  ext,
  bytes: original.length,
  sha256: '',
  original,
  publicCopy: null,
  capturedAt: null,
  lat: null,
  lon: null
});

/** Writes the original (private), and for a photo its clean copy and thumbnail. Paths are relative. */
export async function storeFile(id: string, f: PreparedFile) {
  if (f.media) {
    const { privatePath, publicPath } = await storeMedia(id, f.media);
    const thumb = await storeMedia(`${id}-t`, bare('jpg', f.thumb!));
    return { privatePath, publicPath, thumbPath: thumb.privatePath, sha256: f.media.sha256 };
  }
  const { privatePath } = await storeMedia(id, bare(f.ext, f.original));
  return {
    privatePath,
    publicPath: null,
    thumbPath: null,
    sha256: createHash('sha256').update(f.original).digest('hex')
  };
}

/** Every non-empty file posted under `name` (browsers send an empty part when none is chosen). */
export async function postedFiles(form: FormData, name: string): Promise<PostedFile[]> {
  const out: PostedFile[] = [];
  for (const v of form.getAll(name)) {
    if (!(v instanceof File) || v.size === 0) continue;
    out.push({ name: v.name, type: v.type, bytes: new Uint8Array(await v.arrayBuffer()) });
  }
  return out;
}
