/**
 * Audio for the outreach library. Officers upload whatever their phone or recorder makes; the
 * server re-encodes it to mono MP3 at 40 kbps (22.05 kHz): small enough to fetch over a weak
 * village link (about 300 KB a minute), and MP3 is what every phone, browser and the USB player
 * of a village loudspeaker amplifier plays. ffmpeg runs as a child process with a time limit so
 * a request never blocks the server; the bytes are checked by their magic numbers first, so a
 * renamed page or script never reaches the decoder. The original is kept privately.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { config } from '$lib/server/config';
import { AppError } from '$lib/server/errors';
import { writeOwnedFile } from '$lib/server/db/owned-files';
import { sniffAudio } from '$lib/server/media/media';

const run = promisify(execFile);

export const MAX_AUDIO_BYTES = 40 * 1024 * 1024;
/** A loudspeaker script is minutes long; an hour is surely a mistake (and a CPU hog). */
export const MAX_AUDIO_SECONDS = 60 * 60;
const TIMEOUT_MS = 120_000;
export const ENCODED = { mime: 'audio/mpeg', ext: 'mp3', bitrate: '40k', rate: '22050' } as const;

const EXT: Record<string, string> = {
  'audio/webm': 'webm',
  'audio/ogg': 'ogg',
  'audio/mp4': 'm4a',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
  'audio/flac': 'flac',
  'audio/amr': 'amr'
};

/** The container the bytes are: the report form's recorder formats plus WAV, FLAC and AMR (old phones). */
export function sniffLibraryAudio(data: Buffer): string | null {
  if (data.length < 12) return null;
  if (data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WAVE') return 'audio/wav';
  if (data.toString('latin1', 0, 4) === 'fLaC') return 'audio/flac';
  if (data.toString('latin1', 0, 5) === '#!AMR') return 'audio/amr';
  return sniffAudio(data);
}

let root = path.join(config.DATA_DIR, 'library');
/** Tests point storage at a temporary folder. */
export function setLibraryRoot(dir: string): void {
  root = dir;
}

const refuse = (key: string) => new AppError('VALIDATION', key, { field: 'audio' });

/** Seconds of audio in a file, read by ffprobe (null when it cannot tell). */
export async function probeSeconds(file: string): Promise<number | null> {
  try {
    const { stdout } = await run(
      'ffprobe',
      ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=noprint_wrappers=1:nokey=1', file],
      { timeout: 30_000, killSignal: 'SIGKILL' }
    );
    const s = Number(stdout.trim());
    return Number.isFinite(s) && s > 0 ? s : null;
  } catch {
    return null;
  }
}

export interface EncodedAudio {
  original: Buffer;
  originalMime: string;
  originalExt: string;
  encoded: Buffer;
  ms: number;
}

async function transcode(dir: string, input: string): Promise<Buffer> {
  const out = path.join(dir, `out.${ENCODED.ext}`);
  // -map_metadata -1: no tags from the recorder (device names, places) in the public copy.
  const args = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', input, '-vn', '-map_metadata', '-1'];
  args.push(
    '-ac',
    '1',
    '-ar',
    ENCODED.rate,
    '-c:a',
    'libmp3lame',
    '-b:a',
    ENCODED.bitrate,
    '-t',
    String(MAX_AUDIO_SECONDS),
    out
  );
  try {
    await run('ffmpeg', args, { timeout: TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024 });
  } catch {
    throw refuse('public_lib_err_audio_unreadable');
  }
  return readFile(out);
}

/** Check, probe and re-encode an upload; throws a field error on `audio` when it is not usable audio. */
export async function encodeAudio(data: Buffer): Promise<EncodedAudio> {
  if (data.length > MAX_AUDIO_BYTES) throw refuse('public_lib_err_audio_size');
  const mime = sniffLibraryAudio(data);
  if (!mime) throw refuse('public_lib_err_audio_type');
  const dir = await mkdtemp(path.join(tmpdir(), 'cs-audio-'));
  try {
    const input = path.join(dir, `in.${EXT[mime]}`);
    await writeFile(input, data, { mode: 0o600 });
    const seconds = await probeSeconds(input);
    if (seconds !== null && seconds > MAX_AUDIO_SECONDS) throw refuse('public_lib_err_audio_long');
    const encoded = await transcode(dir, input);
    const outFile = path.join(dir, `out.${ENCODED.ext}`);
    const outSeconds = await probeSeconds(outFile);
    if (!outSeconds) throw refuse('public_lib_err_audio_unreadable');
    return { original: data, originalMime: mime, originalExt: EXT[mime], encoded, ms: Math.round(outSeconds * 1000) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Write the public copy and the private original; paths are relative to the library root. */
export async function storeAudio(id: string, a: EncodedAudio): Promise<{ publicPath: string; privatePath: string }> {
  await mkdir(path.join(root, 'public'), { recursive: true });
  await mkdir(path.join(root, 'private'), { recursive: true });
  const publicPath = `public/${id}.${ENCODED.ext}`;
  const privatePath = `private/${id}.${a.originalExt}`;
  await writeOwnedFile(path.join(root, publicPath), a.encoded);
  await writeOwnedFile(path.join(root, privatePath), a.original, { mode: 0o600 });
  return { publicPath, privatePath };
}

/** Paths come from the database only; the check still refuses anything leaving the root. */
export async function readLibraryFile(relPath: string): Promise<Buffer> {
  const full = path.resolve(root, relPath);
  if (!full.startsWith(path.resolve(root) + path.sep)) throw new AppError('NOT_FOUND');
  return readFile(full);
}

/** The absolute path of a stored file (for ffprobe in tests and the CLI). */
export const libraryPath = (relPath: string): string => path.resolve(root, relPath);

/** Whether ffmpeg is installed (the demo makes its sample audio only then). */
export async function hasFfmpeg(): Promise<boolean> {
  try {
    await run('ffmpeg', ['-version'], { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/** A short tone standing in for a recorded reading in the demo (seconds long, made by ffmpeg). */
export async function demoTone(seconds: number, hz: number): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cs-tone-'));
  try {
    const out = path.join(dir, 'tone.wav');
    await run(
      'ffmpeg',
      [
        '-hide_banner',
        '-nostdin',
        '-loglevel',
        'error',
        '-f',
        'lavfi',
        '-i',
        `sine=frequency=${hz}:duration=${seconds}:sample_rate=16000`,
        out
      ],
      { timeout: 30_000, killSignal: 'SIGKILL' }
    );
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
