/**
 * Photos and voice notes for reports. Every photo is decoded and re-encoded by sharp
 * (auto-rotated, at most 1600 px, JPEG q80) into a public copy that carries no metadata at
 * all; the original bytes are kept privately, with their SHA-256 and the capture time and GPS
 * read from EXIF, as evidence for the agency. Files live under DATA_DIR/attachments.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { config } from '$lib/server/config';
import { writeOwnedFile } from '$lib/server/db/owned-files';
import { AppError } from '$lib/server/errors';
import { diskPathOf } from '$lib/server/http/multipart';
import { LIMITS } from '$lib/shared/reports/constants';
import { readExif } from './exif';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'] as const;
export const AUDIO_TYPES = ['audio/webm', 'audio/ogg', 'audio/mp4', 'audio/mpeg'] as const;
export const MAX_PUBLIC_PX = 1600;

export interface PreparedMedia {
  kind: 'photo' | 'audio';
  mime: string;
  ext: string;
  bytes: number;
  sha256: string;
  original: Buffer;
  publicCopy: Buffer | null;
  capturedAt: string | null;
  lat: number | null;
  lon: number | null;
}

let root = path.join(config.DATA_DIR, 'attachments');
/** Tests point storage at a temporary folder. */
export function setMediaRoot(dir: string): void {
  root = dir;
}

const baseMime = (t: string) => t.split(';')[0].trim().toLowerCase();
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const EXT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'audio/webm': 'webm',
  'audio/ogg': 'ogg',
  'audio/mp4': 'm4a',
  'audio/mpeg': 'mp3'
};

/**
 * Above this many pixels a photo is refused before it is decoded: a small, highly compressed
 * file (a 16,000 × 16,000 PNG is under 1 MB) would otherwise take gigabytes to decode. 50 MP
 * still takes the 48–50 MP modes of current phone cameras.
 */
export const MAX_PHOTO_PIXELS = 50_000_000;

/** What the bytes really are, as sharp reads them; the declared type is only the browser's word. */
const RASTER_MIME: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heif: 'image/heif'
};

const fail = (key: string) => new AppError('VALIDATION', key, { field: 'photos' });

async function inspectPhoto(data: Buffer | string, declared: string) {
  // sharp refuses some inputs (an empty file) as it is built, before the promise exists.
  const meta = await Promise.resolve()
    .then(() => sharp(data).metadata())
    .catch(() => {
      throw fail('ri_err_photo_unreadable');
    });
  const real = meta.format ? RASTER_MIME[meta.format] : undefined;
  // SVG, GIF, TIFF, PDF… renamed or declared as a photo are refused by what they contain.
  if (!real) throw fail('sec2_err_photo_not_raster');
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PHOTO_PIXELS) throw fail('sec2_err_photo_pixels');
  // HEIC and HEIF are one container to sharp; keep whichever name the phone gave.
  const mime = real === 'image/heif' && declared === 'image/heic' ? declared : real;
  return { meta, mime };
}

/** Decode, read EXIF, re-encode. Throws AppError(VALIDATION, field 'photos') when unusable. */
export async function preparePhoto(data: Buffer, type: string): Promise<PreparedMedia> {
  const declared = baseMime(type);
  if (!(PHOTO_TYPES as readonly string[]).includes(declared)) throw fail('ri_err_photo_type');
  if (data.length > LIMITS.photoBytes) throw fail('ri_err_photo_size');
  const { meta, mime } = await inspectPhoto(data, declared);
  try {
    const facts = readExif(meta.exif);
    // sharp writes no metadata unless asked (no withMetadata/keepExif), so the copy is clean.
    const publicCopy = await sharp(data, { limitInputPixels: MAX_PHOTO_PIXELS })
      .rotate()
      .resize({ width: MAX_PUBLIC_PX, height: MAX_PUBLIC_PX, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer();
    return {
      kind: 'photo',
      mime,
      ext: EXT[mime],
      bytes: data.length,
      sha256: sha256(data),
      original: data,
      publicCopy,
      capturedAt: facts.capturedAt,
      lat: facts.lat,
      lon: facts.lon
    };
  } catch {
    throw fail('ri_err_photo_unreadable');
  }
}

/**
 * The audio container the bytes really are, from their first bytes (the declared type is the
 * browser's word only). Recorders produce WebM (Chrome, Firefox), MP4 (Safari) or Ogg.
 */
export function sniffAudio(data: Buffer): (typeof AUDIO_TYPES)[number] | null {
  if (data.length < 12) return null;
  if (data.readUInt32BE(0) === 0x1a45dfa3) return 'audio/webm';
  if (data.toString('latin1', 0, 4) === 'OggS') return 'audio/ogg';
  if (data.toString('latin1', 4, 8) === 'ftyp') return 'audio/mp4';
  if (data.toString('latin1', 0, 3) === 'ID3') return 'audio/mpeg';
  // A bare MPEG audio frame starts with 11 set sync bits.
  if (data[0] === 0xff && (data[1] & 0xe0) === 0xe0) return 'audio/mpeg';
  return null;
}

export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The document type the bytes really are (beside the photo and audio sniffing, so every upload
 * is judged by one module). PDF: "%PDF-". DOCX: a ZIP whose entries include the Word part
 * (names sit unencrypted in the ZIP).
 */
export function sniffDocument(data: Buffer): typeof PDF | typeof DOCX | null {
  if (data.length >= 5 && data.toString('latin1', 0, 5) === '%PDF-') return PDF;
  if (data.length >= 4 && data.readUInt32BE(0) === 0x504b0304) {
    const names = data.toString('latin1');
    if (names.includes('[Content_Types].xml') && names.includes('word/document.xml')) return DOCX;
  }
  return null;
}

export function prepareAudio(data: Buffer, type: string): PreparedMedia {
  const declared = baseMime(type);
  const mime = sniffAudio(data);
  if (!(AUDIO_TYPES as readonly string[]).includes(declared) || data.length > LIMITS.photoBytes || !mime) {
    throw new AppError('VALIDATION', 'ri_err_audio', { field: 'voice' });
  }
  return {
    kind: 'audio',
    mime,
    ext: EXT[mime],
    bytes: data.length,
    sha256: sha256(data),
    original: data,
    publicCopy: null,
    capturedAt: null,
    lat: null,
    lon: null
  };
}

/** Uploaded files of a form field: empty file inputs (size 0, no name) are ignored. */
export function filesOf(form: FormData, name: string): File[] {
  return form.getAll(name).filter((v): v is File => typeof v !== 'string' && v.size > 0);
}

/**
 * An upload read to disk (http/multipart.ts) is judged there first, from its size and its
 * header as sharp reads it from the file: a refused photo is never read into memory.
 */
async function refuseFromDisk(f: File): Promise<void> {
  const onDisk = diskPathOf(f);
  const declared = baseMime(f.type);
  if (!onDisk || !(PHOTO_TYPES as readonly string[]).includes(declared)) return;
  if (f.size > LIMITS.photoBytes) throw fail('ri_err_photo_size');
  await inspectPhoto(onDisk, declared);
}

export async function preparePhotos(files: File[]): Promise<PreparedMedia[]> {
  if (files.length > LIMITS.photos) throw new AppError('VALIDATION', 'ri_err_photo_count', { field: 'photos' });
  const out: PreparedMedia[] = [];
  for (const f of files) {
    await refuseFromDisk(f);
    out.push(await preparePhoto(Buffer.from(await f.arrayBuffer()), f.type));
  }
  return out;
}

/** Write both files (removed again if the save around them fails); paths relative to the root. */
export async function storeMedia(
  id: string,
  m: PreparedMedia
): Promise<{ privatePath: string; publicPath: string | null }> {
  await mkdir(path.join(root, 'private'), { recursive: true });
  const privatePath = `private/${id}.${m.ext}`;
  await writeOwnedFile(path.join(root, privatePath), m.original, { mode: 0o600 });
  if (!m.publicCopy) return { privatePath, publicPath: null };
  await mkdir(path.join(root, 'public'), { recursive: true });
  const publicPath = `public/${id}.jpg`;
  await writeOwnedFile(path.join(root, publicPath), m.publicCopy);
  return { privatePath, publicPath };
}

export const THUMB_PX = 320;

/** A small copy for lists and the case page, made from the metadata-free copy. */
export function thumbnail(publicCopy: Buffer): Promise<Buffer> {
  return sharp(publicCopy)
    .resize({ width: THUMB_PX, height: THUMB_PX, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 70 })
    .toBuffer();
}

/**
 * The thumbnail of a public copy, made on first request and kept beside it (`x.jpg` →
 * `x.thumb.jpg`): public lists show the same photos to every visitor, and re-encoding a
 * 1600 px copy for each view would cost the server far more than the bytes it saves.
 * Written under a temporary name and renamed, so a concurrent reader never sees half a file.
 */
export async function cachedThumbnail(publicPath: string): Promise<Buffer> {
  const thumbPath = `${publicPath.replace(/\.jpg$/i, '')}.thumb.jpg`;
  const cached = await readMedia(thumbPath).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  if (cached) return cached;
  const body = await thumbnail(await readMedia(publicPath));
  const full = path.resolve(root, thumbPath);
  const tmp = `${full}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, body);
  await rename(tmp, full);
  return body;
}

/** Paths come from the database only; the check still refuses anything leaving the root. */
export async function readMedia(relPath: string): Promise<Buffer> {
  const full = path.resolve(root, relPath);
  if (!full.startsWith(path.resolve(root) + path.sep)) throw new AppError('NOT_FOUND');
  return readFile(full);
}
