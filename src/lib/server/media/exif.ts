/**
 * Minimal EXIF reader for the two facts the agency needs from a photo: when it was taken
 * (DateTimeOriginal) and where (GPS). Written here rather than adding a dependency: it reads
 * the TIFF structure that sharp's `metadata().exif` returns ("Exif\0\0" + TIFF header).
 * Any malformed input yields nulls, never an exception.
 */
export interface ExifFacts {
  capturedAt: string | null; // ISO instant; the camera clock (no zone in EXIF) is read as Vietnam time, UTC+7
  lat: number | null;
  lon: number | null;
}

const NONE: ExifFacts = { capturedAt: null, lat: null, lon: null };

class Reader {
  constructor(private b: Buffer, private le: boolean) {}
  u16 = (o: number) => (this.le ? this.b.readUInt16LE(o) : this.b.readUInt16BE(o));
  u32 = (o: number) => (this.le ? this.b.readUInt32LE(o) : this.b.readUInt32BE(o));
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
    return this.b.subarray(at, at + count).toString('latin1').replace(/\0.*$/s, '');
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

export function readExif(exif: Buffer | undefined | null): ExifFacts {
  if (!exif || exif.length < 14) return NONE;
  try {
    const base = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
    const order = base.subarray(0, 2).toString('latin1');
    if (order !== 'II' && order !== 'MM') return NONE;
    const r = new Reader(base, order === 'II');
    const ifd0 = r.ifd(r.u32(4));
    let capturedAt: string | null = null;
    const exifPtr = ifd0.get(0x8769);
    if (exifPtr) {
      const dt = r.ifd(r.u32(exifPtr.at)).get(0x9003);
      const m = dt && r.ascii(dt.at, dt.count).match(/^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/);
      if (m) {
        const t = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+07:00`);
        capturedAt = Number.isNaN(t) ? null : new Date(t).toISOString();
      }
    }
    let lat: number | null = null;
    let lon: number | null = null;
    const gpsPtr = ifd0.get(0x8825);
    if (gpsPtr) {
      const g = r.ifd(r.u32(gpsPtr.at));
      const ref = (tag: number) => { const e = g.get(tag); return e ? r.ascii(e.at, e.count) : ''; };
      lat = dms(r, g.get(2), ref(1));
      lon = dms(r, g.get(4), ref(3));
      if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) lat = lon = null;
    }
    return { capturedAt, lat, lon };
  } catch {
    return NONE;
  }
}
