/**
 * Ship the browser only the reader's language (issue 8 §4). Each compiled Paraglide message
 * module holds the Vietnamese and the English text, so every page sent both; Vietnamese is the
 * base locale and nearly every reader's, and English was about a third of all message bytes.
 *
 * - In the browser build each message module's English function is taken out and its English
 *   branch reads the table `globalThis.__csMessages.en` instead.
 * - That table (every English message the browser can show) is one immutable, hashed asset,
 *   emitted by the server build: the server imports its address (`virtual:cs-en-messages`) and
 *   adds it as a plain `<script>` before the app's scripts only when the page is in English
 *   (hooks.server.ts). A Vietnamese page downloads no English at all; an English one, one file.
 *
 * The server's own messages and the dev server are left as Paraglide makes them.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:cs-en-messages';
const RESOLVED = '\0' + VIRTUAL;
/** The English table's global (kept short: every English branch in the browser names it). */
export const TABLE = 'globalThis.__csMessages.en';

const MESSAGE_MODULE = /paraglide[\\/]messages[\\/](\w+)\.js$/;
/** Paraglide 2's English function: `const en_key = /** @type … *\/ (i) => {\n…\n};` */
const enFunction = (key: string) =>
  new RegExp(`\\nconst en_${key} = \\/\\*\\* @type \\{[^\\n]*?\\} \\*\\/ (\\(i?\\)) => \\{\\n([\\s\\S]*?)\\n\\};\\n`);
const enCall = (key: string) => `return en_${key}(inputs)`;
/** A cast comment Paraglide puts on every returned string; nothing reads it at run time. */
const CAST = /\/\*\* @type \{LocalizedString\} \*\/ /g;
/** The doc comment over each message quotes its English text (the minifier drops it anyway). */
const DOC = /\n\/\*\*\n\* \| output \|[\s\S]*?\*\/\n/;

/** Message keys a source file shows (`m.key`); the lint rules forbid computed `m[key]` in browser code. */
const keysIn = (file: string) => [...readFileSync(file, 'utf8').matchAll(/\bm\.(\w+)\b/g)].map((x) => x[1]);
const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourcesUnder(join(dir, e.name)) : /\.(svelte|ts|js)$/.test(e.name) ? [join(dir, e.name)] : []
  );
/** Files that never reach the browser (SvelteKit refuses to bundle them there). */
const serverOnly = (f: string) =>
  /[\\/]server[\\/]|\.server\.(ts|js)$|[\\/]\+server\.(ts|js)$|\.test\.ts$|[\\/]paraglide[\\/]/.test(f);

/** Every message key browser code can show (`m.x` that is not a message, e.g. a match's `m.index`, is skipped). */
export function browserKeys(src: string, messagesDir: string): Set<string> {
  const messages = new Set(readdirSync(messagesDir).map((f) => f.replace(/\.js$/, '')));
  return new Set(
    sourcesUnder(src)
      .filter((f) => !serverOnly(f))
      .flatMap(keysIn)
      .filter((k) => messages.has(k) && k !== '_index')
  );
}

/** The English table: one classic script that fills `globalThis.__csMessages.en`. */
export function englishTable(messagesDir: string, keys: Iterable<string>): string {
  const entries = [...keys].sort().map((key) => {
    const code = readFileSync(join(messagesDir, `${key}.js`), 'utf8');
    const fn = code.match(enFunction(key));
    if (!fn) throw new Error(`locale-split: no English function in ${key}.js (Paraglide's output changed?)`);
    return `${key}:${fn[1]}=>{${fn[2].replace(CAST, '').trim()}}`;
  });
  return `globalThis.__csMessages={en:{${entries.join(',\n')}}};\n`;
}

/** A browser message module without its English function; its English branch reads the table. */
export function withoutEnglish(code: string, key: string): string {
  const fn = code.match(enFunction(key));
  if (!fn || !code.includes(enCall(key)))
    throw new Error(`locale-split: unexpected shape of message module ${key}.js (Paraglide's output changed?)`);
  return code.replace(fn[0], '\n').replace(DOC, '\n').replace(enCall(key), `return ${TABLE}.${key}(inputs)`);
}

export function localeSplit(opts: { src: string; messagesDir: string; outDir: string }): Plugin {
  let building = false;
  // Read once the build has compiled the catalogue (Paraglide writes one module per message
  // for a build, one per locale for the dev server and vitest).
  let keys: Set<string> | null = null;
  const browserMessages = () => (keys ??= browserKeys(opts.src, opts.messagesDir));
  return {
    name: 'chung-suc-locale-split',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return;
      // Dev server and vitest: messages are untouched, nothing to add to the page.
      if (!building) return 'export default null;';
      // Written as a file and imported with `?url`, so Vite hashes it into _app/immutable/assets
      // and SvelteKit copies the server build's assets to the browser's.
      mkdirSync(opts.outDir, { recursive: true });
      const file = resolve(opts.outDir, 'en-messages.js');
      writeFileSync(file, englishTable(opts.messagesDir, browserMessages()));
      return `export { default } from ${JSON.stringify(file + '?url')};`;
    },
    transform(code, id) {
      if (!building || this.environment.config.consumer !== 'client') return;
      const key = id.match(MESSAGE_MODULE)?.[1];
      if (!key || key === '_index') return;
      return { code: withoutEnglish(code, key), map: null };
    },
    generateBundle(_options, bundle) {
      if (!building || this.environment.config.consumer !== 'client') return;
      // A message the browser bundles but the table lacks would throw in an English page.
      const shipped = Object.values(bundle).flatMap((c) =>
        c.type === 'chunk' ? Object.keys(c.modules).filter((id) => c.modules[id].renderedLength > 0) : []
      );
      const missing = shipped
        .map((id) => id.match(MESSAGE_MODULE)?.[1] ?? '_index')
        .filter((k) => k !== '_index' && !browserMessages().has(k));
      if (missing.length)
        this.error(`locale-split: browser code shows messages the English table lacks: ${missing.join(', ')}`);
    }
  };
}
