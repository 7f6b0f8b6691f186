/**
 * An .xlsx is a zip archive. Before anything inflates it, read the sizes its central
 * directory declares: a 1 MB upload can declare gigabytes of sheet XML (a "zip bomb"), and
 * real member lists are a few megabytes at most. Declared sizes can lie; the parse itself
 * still runs under a memory and time limit (see sheet-reader.ts).
 */

export const LIMITS = {
  /** all parts together, inflated */
  totalBytes: 25 * 1024 * 1024,
  /** one part (a worksheet, the shared strings) */
  entryBytes: 20 * 1024 * 1024,
  entries: 500
};

export type ZipVerdict = { ok: true; totalBytes: number } | { ok: false; reason: 'not_zip' | 'too_large' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

function findEndOfDirectory(buf: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65 535 bytes.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

export function checkZip(bytes: Uint8Array, limits = LIMITS): ZipVerdict {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22) return { ok: false, reason: 'not_zip' };
  const end = findEndOfDirectory(buf);
  if (end < 0) return { ok: false, reason: 'not_zip' };
  const count = buf.readUInt16LE(end + 10);
  const offset = buf.readUInt32LE(end + 16);
  // 0xFFFF / 0xFFFFFFFF mean "see the ZIP64 record": no office suite writes those for a member list.
  if (count === 0xffff || offset === 0xffffffff) return { ok: false, reason: 'too_large' };
  if (count > limits.entries) return { ok: false, reason: 'too_large' };
  let at = offset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return { ok: false, reason: 'not_zip' };
    const size = buf.readUInt32LE(at + 24);
    if (size === 0xffffffff || size > limits.entryBytes) return { ok: false, reason: 'too_large' };
    total += size;
    if (total > limits.totalBytes) return { ok: false, reason: 'too_large' };
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return { ok: true, totalBytes: total };
}
