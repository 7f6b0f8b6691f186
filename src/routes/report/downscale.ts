/**
 * Photos are made smaller in the browser before they are sent: a 2–4 MB phone photo takes a
 * minute on a village link, and the officer needs no more than ~1600 px to see the evidence.
 * Loaded only when a form with photos is submitted (never part of the page's first load). Any
 * photo the browser cannot decode (HEIC in Chromium), or that would not get smaller, is sent as
 * chosen; without JavaScript the originals are sent as before. The pin from a photo's GPS was
 * already read from the original when it was chosen (LocationPicker), so re-encoding loses it not.
 */
export const MAX_EDGE = 1600;
const QUALITY = 0.82;
/** Small photos are left alone: re-encoding them would cost quality for no time saved. */
const SMALL = 400 * 1024;
const DECODABLE = ['image/jpeg', 'image/png', 'image/webp'];

async function encode(file: File): Promise<File> {
  if (!DECODABLE.includes(file.type)) return file;
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
  if (scale === 1 && file.size <= SMALL) return (bitmap.close(), file);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/jpeg', QUALITY));
  if (!blob || blob.size >= file.size) return file;
  const name = file.name.replace(/\.[^.]*$/, '') + '.jpg';
  return new File([blob], name, { type: 'image/jpeg', lastModified: file.lastModified });
}

/**
 * Replaces the form's photos by their smaller copies, telling `progress` after each one.
 * Returns the bytes before and after, for the "sending" message.
 */
export async function downscalePhotos(
  data: FormData,
  field: string,
  progress: (done: number, total: number) => void
): Promise<{ before: number; after: number }> {
  const files = data.getAll(field).filter((f): f is File => f instanceof File && f.size > 0);
  let before = 0;
  let after = 0;
  const out: File[] = [];
  for (const [i, file] of files.entries()) {
    progress(i, files.length);
    const small = await encode(file).catch(() => file);
    before += file.size;
    after += small.size;
    out.push(small);
  }
  if (files.length) {
    data.delete(field);
    for (const f of out) data.append(field, f);
  }
  progress(files.length, files.length);
  return { before, after };
}
