/** The isomorphic EXIF reader the intake page runs in the browser: whole JPEG files in, GPS out. */
import { expect, it } from 'vitest';
import sharp from 'sharp';
import { jpegExifSegment, readJpegExif } from '../../src/lib/shared/media/exif';

const jpeg = (exif?: Record<string, Record<string, string>>) => {
  const img = sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } }).jpeg();
  return (exif ? img.withExif(exif) : img).toBuffer();
};

it('finds GPS in a whole JPEG file (south/west negative)', async () => {
  const north = await jpeg({
    IFD3: {
      GPSLatitudeRef: 'N',
      GPSLatitude: '22/1 25/1 5808/100',
      GPSLongitudeRef: 'E',
      GPSLongitude: '103/1 24/1 288/100'
    }
  });
  const facts = readJpegExif(new Uint8Array(north));
  expect(facts.lat).toBeCloseTo(22.4328, 3);
  expect(facts.lon).toBeCloseTo(103.4008, 3);
  const south = await jpeg({
    IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '10/1 0/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '20/1 30/1 0/1' }
  });
  expect(readJpegExif(new Uint8Array(south))).toMatchObject({ lat: -10, lon: -20.5 });
});

it('answers nulls for a JPEG without EXIF, a PNG, or truncated bytes', async () => {
  const plain = new Uint8Array(await jpeg());
  expect(jpegExifSegment(plain)).toBeNull();
  expect(readJpegExif(plain)).toEqual({ capturedAt: null, lat: null, lon: null });
  const png = new Uint8Array(
    await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
      .png()
      .toBuffer()
  );
  expect(readJpegExif(png)).toEqual({ capturedAt: null, lat: null, lon: null });
  const withGps = new Uint8Array(
    await jpeg({
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 0/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '103/1 0/1 0/1' }
    })
  );
  expect(readJpegExif(withGps.subarray(0, 40))).toEqual({ capturedAt: null, lat: null, lon: null });
});
