/**
 * Every download names its file through one header builder, and that builder survives any
 * Vietnamese name: the "Đ" of "QĐ-…" once turned a decision download into a 500 because a raw
 * name was written into the header. The route table is read from the source, so a new download
 * route that writes its own Content-Disposition fails here before it reaches a user.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../src/lib/server/http';

function serverFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return serverFiles(path);
    return /\.server\.ts$|^\+server\.ts$/.test(name) ? [path] : [];
  });
}

// A fixed value ("inline", "attachment") names no file, so it cannot carry a Vietnamese name.
const FIXED = /['"]content-disposition['"]\s*:\s*['"](inline|attachment)['"]/gi;
const downloads = serverFiles('src/routes')
  .map((path) => ({ path: relative('src/routes', path), source: readFileSync(path, 'utf8') }))
  .filter((r) => /content-disposition|contentDisposition|\bdownload\(/i.test(r.source));

describe('every download route', () => {
  it('there are download routes to check (the scan found them)', () => {
    expect(downloads.length).toBeGreaterThanOrEqual(20);
  });

  it.each(downloads.map((r) => [r.path, r.source]))('%s names its file through the builder', (_path, source) => {
    const values = [...source.replace(FIXED, '').matchAll(/['"]content-disposition['"]\s*:\s*([^,}\n]+)/gi)].map(
      (m) => m[1]
    );
    expect(values.filter((v) => !/^(contentDisposition\(|disposition\b)/.test(v))).toEqual([]);
    expect(source).not.toMatch(/filename=/);
  });
});

// Every letter Vietnamese writes: the base letters with each tone, đ/Đ, in both cases.
const BASES = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const LETTERS = [...BASES].flatMap((b) => TONES.map((t) => (b + t).normalize('NFC')));
const ALPHABET = [
  ...LETTERS,
  ...LETTERS.map((l) => l.toUpperCase()),
  'đ',
  'Đ',
  'QĐ',
  ' ',
  '-',
  '/',
  '\\',
  '"',
  "'",
  '(',
  ')',
  '*',
  ';',
  '%',
  '–',
  '“',
  '”',
  '\u0007',
  '\n',
  '😀',
  '0',
  '1'
];

/** A small seeded generator, so a failure names a name that can be tried again. */
function names(count: number, seed = 20260301): string[] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31), s / 2 ** 31);
  return Array.from({ length: count }, () => {
    const length = 1 + Math.floor(next() * 40);
    const body = Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
    const name = `${body}.${['docx', 'xlsx', 'csv', 'jpg', 'pdf'][Math.floor(next() * 5)]}`;
    return next() < 0.3 ? name.normalize('NFD') : name;
  });
}

const saved = (header: string) => decodeURIComponent(/filename\*=UTF-8''([^;]+)$/.exec(header)![1]);
// eslint-disable-next-line no-control-regex -- the builder drops control characters; so does the expectation
const expectedName = (name: string) => name.replace(/[/\\]/g, '-').replace(/[\u0000-\u001f\u007f]/g, '');

describe('the header builder over Vietnamese names', () => {
  const fixed = [
    '01/QĐ-HNCT.docx',
    'Quyết định 12/QĐ-SNNMT khen thưởng Chi cục Kiểm lâm.docx',
    'ĐƠN ĐỀ NGHỊ – Đặng Thị Đào.pdf',
    'thi-dua-Tuổi cao – Gương sáng 2021–2025.csv',
    'Báo cáo "thành tích" (bà Lường Thị Ún).docx'
  ];
  it.each([...fixed, ...names(400)].map((n) => [n]))('%j', (name) => {
    for (const kind of ['attachment', 'inline'] as const) {
      const header = contentDisposition(name, kind);
      // The response is built the way every route builds it: this is what threw (a 500).
      const res = new Response('x', { headers: { 'content-disposition': header } });
      expect(res.headers.get('content-disposition')).toBe(header);
      expect(header).toMatch(/^[\x20-\x7e]+$/);
      expect(header.startsWith(`${kind}; filename="`)).toBe(true);
      const ascii = /filename="([^"]*)"/.exec(header)![1];
      expect(ascii).not.toMatch(/[/\\]/);
      expect(saved(header)).toBe(expectedName(name));
    }
  });
});
