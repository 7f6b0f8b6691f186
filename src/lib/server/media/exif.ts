/** EXIF on the server: sharp's `metadata().exif` buffer, read by the shared (isomorphic) reader. */
import { NO_EXIF, readExifBlock, type ExifFacts } from '$lib/shared/media/exif';

export type { ExifFacts };

export function readExif(exif: Buffer | undefined | null): ExifFacts {
  return exif ? readExifBlock(new Uint8Array(exif.buffer, exif.byteOffset, exif.length)) : NO_EXIF;
}
