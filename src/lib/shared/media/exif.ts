/**
 * Minimal EXIF reader for the two facts the agency needs from a photo: when it was taken
 * (DateTimeOriginal) and where (GPS). Isomorphic (DataView, no Buffer) so the server reads what
 * sharp's `metadata().exif` returns and the browser reads the JPEG being uploaded, to move the
 * map pin before anything is sent. No dependency in the project parses EXIF. Any malformed
 * input yields nulls, never an exception.
 */
export interface ExifFacts {
  capturedAt: string | null; // ISO instant; the camera clock (no zone in EXIF) is read as Vietnam time, UTC+7
  lat: number | null;
  lon: number | null;
}

export const NO_EXIF: ExifFacts = { capturedAt: null, lat: null, lon: null };

const latin1 = (b: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

class Reader {
  private v: DataView;
  constructor(
    private b: Uint8Array,
    private le: boolean
  ) {
    this.v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  u16 = (o: number) => this.v.getUint16(o, this.le);
  u32 = (o: number) => this.v.getUint32(o, this.le);
  /** IFD entries: tag → [type, count, value-or-offset position]. */
  ifd(offset: number): Map<number, { type: number; count: number; at: number }> {
    const out = new Map<number, { type: number; count: number; at: number }>();
    const n = this.u16(offset);
    for (let i = 0; i < n; i++) {
      const e = offset + 2 + i * 12;
      const type = this.u16(e + 2);
      const count = this.u32(e + 4);
      const size = ([0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8][type] ?? 1) * count;
      out.set(this.u16(e), { type, count, at: size > 4 ? this.u32(e + 8) : e + 8 });
    }
    return out;
  }
  ascii(at: number, count: number): string {
    return latin1(this.b, at, at + count).replace(/\0.*$/s, '');
  }
  rationals(at: number, count: number): number[] {
    return Array.from({ length: count }, (_, i) => this.u32(at + i * 8) / (this.u32(at + i * 8 + 4) || 1));
  }
}

function dms(r: Reader, entry: { count: number; at: number } | undefined, ref: string): number | null {
  if (!entry || entry.count < 3) return null;
  const [d, m, s] = r.rationals(entry.at, 3);
  const v = d + m / 60 + s / 3600;
  if (!Number.isFinite(v)) return null;
  return ref === 'S' || ref === 'W' ? -v : v;
}

function capturedAt(r: Reader, ifd0: ReturnType<Reader['ifd']>): string | null {
  const exifPtr = ifd0.get(0x8769);
  if (!exifPtr) return null;
  const dt = r.ifd(r.u32(exifPtr.at)).get(0x9003);
  const m = dt && r.ascii(dt.at, dt.count).match(/^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/);
  if (!m) return null;
  const t = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+07:00`);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** The EXIF block ("Exif\0\0" + TIFF, or the TIFF alone). */
export function readExifBlock(exif: Uint8Array | undefined | null): ExifFacts {
  if (!exif || exif.length < 14) return NO_EXIF;
  try {
    const base = latin1(exif, 0, 6) === 'Exif\0\0' ? exif.subarray(6) : exif;
    const order = latin1(base, 0, 2);
    if (order !== 'II' && order !== 'MM') return NO_EXIF;
    const r = new Reader(base, order === 'II');
    const ifd0 = r.ifd(r.u32(4));
    let lat: number | null = null;
    let lon: number | null = null;
    const gpsPtr = ifd0.get(0x8825);
    if (gpsPtr) {
      const g = r.ifd(r.u32(gpsPtr.at));
      const ref = (tag: number) => {
        const e = g.get(tag);
        return e ? r.ascii(e.at, e.count) : '';
      };
      lat = dms(r, g.get(2), ref(1));
      lon = dms(r, g.get(4), ref(3));
      if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) lat = lon = null;
    }
    return { capturedAt: capturedAt(r, ifd0), lat, lon };
  } catch {
    return NO_EXIF;
  }
}

/** The APP1 EXIF segment of a JPEG file, or null (not a JPEG, or no EXIF before the image data). */
export function jpegExifSegment(file: Uint8Array): Uint8Array | null {
  if (file.length < 4 || file[0] !== 0xff || file[1] !== 0xd8) return null;
  let o = 2;
  while (o + 4 <= file.length && file[o] === 0xff) {
    const marker = file[o + 1];
    if (marker === 0xda || marker === 0xd9) return null; // image data starts: no EXIF
    const len = (file[o + 2] << 8) | file[o + 3];
    if (marker === 0xe1 && latin1(file, o + 4, o + 10) === 'Exif\0\0') return file.subarray(o + 4, o + 2 + len);
    o += 2 + len;
  }
  return null;
}

/** GPS (and time) from a whole JPEG file. */
export function readJpegExif(file: Uint8Array): ExifFacts {
  try {
    return readExifBlock(jpegExifSegment(file));
  } catch {
    return NO_EXIF;
  }
}
