/**
 * Every message catalogue file is listed in project.inlang/settings.json, in both languages: a
 * file left out is silently not compiled, and its words fail the type check or answer "Đã có lỗi
 * xảy ra" on the page (twice this session a new feature's words were missing that way).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8'));
const listed: string[] = settings['plugin.inlang.messageFormat'].pathPattern;
const locales: string[] = settings.locales;

describe('the message catalogue', () => {
  it.each(locales)('lists every %s file in the project settings', (locale) => {
    const files = readdirSync(`messages/${locale}`).filter((f) => f.endsWith('.json'));
    const missing = files.filter((f) => !listed.includes(`./messages/{locale}/${f}`));
    expect(missing).toEqual([]);
  });

  it('has every listed file in every language', () => {
    const absent = locales.flatMap((locale) =>
      listed
        .map((p) => p.replace('{locale}', locale))
        .filter((p) => !readdirSync(`messages/${locale}`).includes(p.split('/').pop()!))
    );
    expect(absent).toEqual([]);
  });
});
