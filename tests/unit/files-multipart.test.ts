/** Uploaded forms read to disk: what actions get, what is refused, and what is left behind. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFormChecked } from '../../src/lib/server/http/form-action';
import {
  BadForm,
  atUrl,
  diskPathOf,
  readMultipartToDisk,
  withUploadArea,
  withoutBody
} from '../../src/lib/server/http/multipart';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-multipart-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const photo = Buffer.alloc(300_000, 7);

async function posted(form: FormData): Promise<Request> {
  const encoded = new Response(form);
  return new Request('http://x/report', {
    method: 'POST',
    headers: { 'content-type': encoded.headers.get('content-type')! },
    body: await encoded.arrayBuffer()
  });
}

const raw = (body: string, type = 'multipart/form-data; boundary=XYZ') =>
  new Request('http://x/report', { method: 'POST', headers: { 'content-type': type }, body });

function sampleForm(): FormData {
  const form = new FormData();
  form.set('description', 'Cống thoát nước bị tắc ở thôn Đông');
  form.append('photos', new File([photo], 'ảnh cống.jpg', { type: 'image/jpeg' }));
  form.append('photos', new File([], '', { type: 'application/octet-stream' }));
  form.set('commune_id', 'x1');
  return form;
}

it('gives the action its text, in order, and its files from disk, deleted when the request ends', async () => {
  let tmp = '';
  await withUploadArea(async () => {
    const form = await readMultipartToDisk(await posted(sampleForm()), dir);
    expect([...form.keys()]).toEqual(['description', 'photos', 'photos', 'commune_id']);
    expect(form.get('description')).toBe('Cống thoát nước bị tắc ở thôn Đông');
    const [file, empty] = form.getAll('photos') as File[];
    expect(file.name).toBe('ảnh cống.jpg');
    expect(file.type).toBe('image/jpeg');
    expect(Buffer.from(await file.arrayBuffer()).equals(photo)).toBe(true);
    // The browser's part for a file input left empty stays an empty, nameless file.
    expect([empty.name, empty.size]).toEqual(['', 0]);
    tmp = diskPathOf(file)!;
    expect(path.dirname(tmp)).toBe(dir);
    expect(fs.statSync(tmp).size).toBe(photo.length);
  });
  expect(fs.existsSync(tmp)).toBe(false);
  expect(fs.readdirSync(dir)).toEqual([]);
});

it.each([
  [
    'a body cut off half-way through a file',
    raw('--XYZ\r\nContent-Disposition: form-data; name="photos"; filename="a.jpg"\r\n\r\nabc')
  ],
  ['a part without headers', raw('--XYZ\r\n\r\nabc\r\n--XYZ--\r\n')],
  ['a multipart type without a boundary', raw('--XYZ--\r\n', 'multipart/form-data')],
  [
    'no body at all',
    new Request('http://x/report', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=XYZ' } })
  ]
])('refuses %s as the client’s mistake, leaving no file behind', async (_, request) => {
  await withUploadArea(async () => {
    const error = await readMultipartToDisk(request, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadForm);
    expect((error as BadForm).status).toBe(400);
  });
  expect(fs.readdirSync(dir)).toEqual([]);
});

it('tells a body over the server’s limit apart (413), as the body stream reports it', async () => {
  const encoded = new Uint8Array(await new Response(sampleForm()).arrayBuffer());
  const type = (await posted(sampleForm())).headers.get('content-type')!;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoded.slice(0, 1000));
      controller.error(Object.assign(new Error('request body size exceeded BODY_SIZE_LIMIT'), { status: 413 }));
    }
  });
  const request = new Request('http://x/report', {
    method: 'POST',
    headers: { 'content-type': type },
    body,
    duplex: 'half'
  } as RequestInit);
  await withUploadArea(async () => {
    await expect(readMultipartToDisk(request, dir)).rejects.toMatchObject({ status: 413 });
  });
  expect(fs.readdirSync(dir)).toEqual([]);
});

it('form actions read through it inside the server’s upload area: a malformed body is no form, not an error', async () => {
  await withUploadArea(async () => {
    const good = await readFormChecked(await posted(sampleForm()));
    expect(diskPathOf(good.form!.get('photos') as File)).toBeDefined();
    expect(await readFormChecked(raw('--XYZ\r\n\r\nabc'))).toEqual({ form: null, tooLarge: false });
  });
  // Outside it (scripts, tests) the form is read as before, in memory.
  const plain = await readFormChecked(await posted(sampleForm()));
  expect(diskPathOf(plain.form!.get('photos') as File)).toBeUndefined();
  expect(plain.form!.get('description')).toBe('Cống thoát nước bị tắc ở thôn Đông');
});

it('the locale middleware sees a request without its body; the app gets the body once, at the new address', async () => {
  const request = await posted(sampleForm());
  const bare = withoutBody(request);
  expect(bare.body).toBeNull();
  expect(bare.headers.get('content-type')).toBe(request.headers.get('content-type'));
  const moved = atUrl(request, 'http://x/en/report');
  expect(moved.url).toBe('http://x/en/report');
  expect(moved.method).toBe('POST');
  expect((await moved.formData()).get('description')).toBe('Cống thoát nước bị tắc ở thôn Đông');
  expect(atUrl(request, request.url)).toBe(request);
});
