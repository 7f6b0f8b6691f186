/**
 * Uploaded forms are read as they arrive and their files written straight to disk, under
 * DATA_DIR/tmp/uploads, instead of being held whole in memory: ten people sending five phone
 * photos and a voice note at once would otherwise need the server to hold every byte twice.
 * Actions get an ordinary FormData whose files are backed by those temporary files.
 *
 * The temporary files belong to the request: `withUploadArea` (the upload hook) deletes them
 * when the answer is ready. A crash in between leaves them to the leftover sweep (files/sweep.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebStream } from 'node:stream/web';
import busboy from 'busboy';
import { config } from '$lib/server/config';

/** A form whose text or file could not be read: the client's mistake, answered 400 (or 413). */
export class BadForm extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 = 400
  ) {
    super(message);
  }
}

/** One text field may be this long; anything longer is no form this app shows. */
const FIELD_MAX_BYTES = 8 * 1024 * 1024;

export const uploadTmpDir = (): string => path.join(config.DATA_DIR, 'tmp', 'uploads');

const area = new AsyncLocalStorage<string[]>();
const onDisk = new WeakMap<Blob, string>();

/** The temporary file behind an uploaded file, so large ones can be read from disk. */
export const diskPathOf = (file: Blob): string | undefined => onDisk.get(file);

/** Runs `fn` with forms read to disk; their temporary files are deleted when it ends. */
export async function withUploadArea<T>(fn: () => Promise<T>): Promise<T> {
  const files: string[] = [];
  try {
    return await area.run(files, fn);
  } finally {
    await Promise.all(files.map((f) => rm(f, { force: true }).catch(() => undefined)));
  }
}

/** Inside an upload area (the server's requests), multipart forms are read to disk. */
export const inUploadArea = (): boolean => area.getStore() !== undefined;

type Entry = { name: string; value: Promise<string | File> };

async function saveFile(stream: Readable, dir: string, name: string, type: string): Promise<File> {
  const tmp = path.join(dir, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
  // Noted before writing: a refused upload still leaves its partial file to delete.
  area.getStore()?.push(tmp);
  await pipeline(stream, createWriteStream(tmp, { mode: 0o600 }));
  // openAsBlob reads the file when the bytes are asked for; the File keeps that, not a copy.
  const file = new File([await openAsBlob(tmp, { type })], name, { type });
  onDisk.set(file, tmp);
  return file;
}

function parse(body: Readable, contentType: string, dir: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    const fail = (e: BadForm) => {
      body.unpipe(parser);
      reject(e);
    };
    const parser = busboy({
      headers: { 'content-type': contentType },
      defParamCharset: 'utf8',
      limits: { fieldSize: FIELD_MAX_BYTES }
    });
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(new BadForm('field too long', 413));
      else entries.push({ name, value: Promise.resolve(value) });
    });
    parser.on('file', (name, stream, info) => {
      const value = saveFile(stream, dir, info.filename ?? '', info.mimeType);
      value.catch(() => stream.resume());
      entries.push({ name, value });
    });
    parser.on('error', (e: Error) => fail(new BadForm(e.message)));
    parser.on('close', () => resolve(entries));
    body.on('error', (e: Error & { status?: number }) => {
      // The server's body limit arrives as a stream error with status 413.
      fail(new BadForm(e.message, e.status === 413 ? 413 : 400));
    });
    body.pipe(parser);
  });
}

/** The posted multipart form with its files on disk; BadForm when it cannot be read. */
export async function readMultipartToDisk(request: Request, dir = uploadTmpDir()): Promise<FormData> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!request.body) throw new BadForm('empty body');
  await mkdir(dir, { recursive: true });
  let entries: Entry[];
  try {
    entries = await parse(Readable.fromWeb(request.body as WebStream<Uint8Array>), contentType, dir);
  } catch (e) {
    // busboy refuses a content type without a boundary as it is built.
    throw e instanceof BadForm ? e : new BadForm((e as Error).message);
  }
  const form = new FormData();
  for (const { name, value } of entries) form.append(name, await value);
  return form;
}

/**
 * The request without its body, for code that copies requests it never reads (the locale
 * middleware calls clone(), which tees the body: the unread copy would keep every byte).
 */
export const withoutBody = (request: Request): Request =>
  request.body ? new Request(request.url, { method: request.method, headers: request.headers }) : request;

/** `request` at `url`, its body passed on unread (not copied). */
export function atUrl(request: Request, url: string): Request {
  if (url === request.url) return request;
  const init = { method: request.method, headers: request.headers, body: request.body, signal: request.signal };
  return new Request(url, { ...init, duplex: 'half' } as RequestInit);
}
