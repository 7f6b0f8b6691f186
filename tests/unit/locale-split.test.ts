import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '@inlang/paraglide-js';
import * as m from '$lib/paraglide/messages';
import { browserKeys, englishTable, withoutEnglish } from '../../scripts/locale-split';
import { withEnglishTable } from '$lib/server/http/english-table';

// The catalogue as a build compiles it (vitest's own copy is one module per locale).
const OUT = mkdtempSync(join(tmpdir(), 'cs-locale-split-'));
const DIR = join(OUT, 'messages');
let keys: Set<string>;
beforeAll(async () => {
  await compile({ project: './project.inlang', outdir: OUT, outputStructure: 'message-modules' });
  keys = browserKeys('src', DIR);
}, 180_000);
/** Any placeholder a message asks for, named after itself. */
const inputs = new Proxy({}, { get: (_, k) => `‹${String(k)}›` });

describe('the English table', () => {
  let table: Record<string, (i: unknown) => string>;
  beforeAll(() => {
    const holder: { __csMessages?: { en: typeof table } } = {};
    new Function('globalThis', englishTable(DIR, keys))(holder);
    table = holder.__csMessages!.en;
  });

  it('holds every message browser code shows, and no server-only one', () => {
    expect(keys.has('ri_title')).toBe(true);
    expect(keys.has('ri_use_location')).toBe(true);
    // Shown only in e-mails and texts the server sends.
    expect(keys.has('ra_mail_overdue_body')).toBe(false);
    expect(Object.keys(table).sort()).toEqual([...keys].sort());
  });

  it('gives each message the same English text Paraglide does', () => {
    const messages = m as unknown as Record<string, (i: unknown, o: { locale: string }) => string>;
    for (const key of keys) expect(table[key](inputs), key).toBe(messages[key](inputs, { locale: 'en' }));
  });
});

describe('a browser message module', () => {
  let code: string, out: string;
  beforeAll(() => {
    code = readFileSync(`${DIR}/ri_title.js`, 'utf8');
    out = withoutEnglish(code, 'ri_title');
  });

  it('keeps the Vietnamese text and reads English from the table', () => {
    expect(code).toContain('Report an environmental violation');
    expect(out).not.toContain('Report an environmental violation');
    expect(out).toContain('Báo vi phạm về môi trường');
    expect(out).toContain('return globalThis.__csMessages.en.ri_title(inputs)');
    expect(out).not.toMatch(/\ben_ri_title\b/);
  });

  it('refuses a module of another shape rather than ship a broken page', () => {
    expect(() => withoutEnglish(code.replace('const en_ri_title', 'let en_ri_title'), 'ri_title')).toThrow(
      /unexpected shape/
    );
  });
});

describe('the page', () => {
  const starter = '<body>\n\t\t\t<script nonce="abc">\n\t\t\t\t{\n\t\t\t\t\t__sveltekit_x = {};';
  const url = '/_app/immutable/assets/en-messages.Ab12.js';

  it.each([
    [
      'an English page with scripts',
      'en',
      starter,
      `\n<script nonce="abc" src="${url}"></script>\n\t\t\t<script nonce="abc">`
    ],
    ['a Vietnamese page', 'vi', starter, null],
    ['an English page without scripts', 'en', '<body><main></main></body>', null]
  ])('%s', (_, locale, html, expected) => {
    const out = withEnglishTable(html, locale, url);
    if (expected === null) expect(out).toBe(html);
    else expect(out).toContain(expected);
  });

  it('is left alone where there is no table (dev server, tests)', () => {
    expect(withEnglishTable(starter, 'en', null)).toBe(starter);
  });
});
