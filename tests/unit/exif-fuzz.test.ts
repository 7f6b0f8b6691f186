/**
 * Photos come from anyone: the EXIF reader runs on untrusted bytes in the browser and on the
 * server. Random, truncated and corrupted JPEGs must never make it throw, and whatever it
 * answers must be a plausible fact or nothing. The whole photo path (sharp + reader) may
 * refuse a photo, but only with the coded "photo unreadable / not a photo" errors.
 */
import { beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import sharp from 'sharp';
import { NO_EXIF, readExifBlock, readJpegExif, type ExifFacts } from '../../src/lib/shared/media/exif';
import { preparePhoto } from '../../src/lib/server/media/media';
import { isAppError } from '../../src/lib/server/errors';
import { propertyOptions } from '../support/property';

let photo: Uint8Array;

beforeAll(async () => {
  const img = sharp({ create: { width: 32, height: 24, channels: 3, background: '#3a7' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Fuzz' },
      IFD2: { DateTimeOriginal: '2026:11:30 08:15:00' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '22/1 25/1 5808/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '103/1 24/1 288/100'
      }
    });
  photo = new Uint8Array(await img.toBuffer());
});

/** What any answer must look like: a real instant or null, coordinates both set and in range or both null. */
function plausible(f: ExifFacts): void {
  expect(Object.keys(f).sort()).toEqual(['capturedAt', 'lat', 'lon']);
  if (f.capturedAt !== null) expect(new Date(f.capturedAt).toISOString()).toBe(f.capturedAt);
  expect(f.lat === null).toBe(f.lon === null);
  if (f.lat !== null && f.lon !== null) {
    expect(Math.abs(f.lat)).toBeLessThanOrEqual(90);
    expect(Math.abs(f.lon)).toBeLessThanOrEqual(180);
  }
}

/** A corruption of the real photo: cut short, bytes overwritten, bytes inserted, or all of them. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 })
  })
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

/** Most edits land in the first few hundred bytes, where the EXIF segment and its offsets are. */
function corrupt(file: Uint8Array, edits: Edit[]): Uint8Array {
  let out = file;
  for (const e of edits) {
    const at = e.at % (e.at % 2 ? Math.min(out.length, 400) : out.length || 1);
    if (e.kind === 'cut') out = out.subarray(0, at);
    else if (e.kind === 'set') {
      out = out.slice();
      out.set(e.bytes.subarray(0, Math.max(0, out.length - at)), at);
    } else out = new Uint8Array([...out.subarray(0, at), ...e.bytes, ...out.subarray(at)]);
  }
  return out;
}

const never = (f: () => ExifFacts) => {
  let facts: ExifFacts = NO_EXIF;
  expect(() => (facts = f())).not.toThrow();
  plausible(facts);
};

it('reads the untouched photo (the corruptions below start from real facts)', () => {
  const facts = readJpegExif(photo);
  expect(facts.lat).toBeCloseTo(22.4328, 3);
  expect(facts.lon).toBeCloseTo(103.4008, 3);
  expect(facts.capturedAt).toBe('2026-11-30T01:15:00.000Z');
});

it('never throws on corrupted or truncated JPEGs, and answers only plausible facts', () => {
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) =>
      never(() => readJpegExif(corrupt(photo, edits)))
    ),
    propertyOptions({ numRuns: 2000 })
  );
});

it('never throws on random bytes behind a JPEG / EXIF / TIFF header', () => {
  const header = fc.constantFrom(
    [],
    [0xff, 0xd8],
    [0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0x45, 0x78, 0x69, 0x66, 0, 0],
    [0x45, 0x78, 0x69, 0x66, 0, 0, 0x49, 0x49, 0x2a, 0],
    [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8]
  );
  fc.assert(
    fc.property(header, fc.uint8Array({ maxLength: 2048 }), (h, rest) => {
      const bytes = new Uint8Array([...h, ...rest]);
      never(() => readJpegExif(bytes));
      never(() => readExifBlock(bytes));
    }),
    propertyOptions({ numRuns: 2000 })
  );
});

it('the photo path answers a corrupted photo with a stored photo or a coded refusal, nothing else', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
      const bytes = Buffer.from(corrupt(photo, edits));
      try {
        const prepared = await preparePhoto(bytes, 'image/jpeg');
        plausible({ capturedAt: prepared.capturedAt, lat: prepared.lat, lon: prepared.lon });
      } catch (e) {
        expect(isAppError(e) && e.code === 'VALIDATION' && e.details?.field === 'photos', String(e)).toBe(true);
      }
    }),
    propertyOptions({ numRuns: 150 })
  );
});
