import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Message keys a source file shows (`m.key(...)`), and the key of a compiled message module. */
const keysIn = (file: string) => [...readFileSync(file, 'utf8').matchAll(/\bm\.(\w+)\b/g)].map((x) => x[1]);
const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourcesUnder(join(dir, e.name)) : /\.(svelte|ts)$/.test(e.name) ? [join(dir, e.name)] : []
  );

const messageKey = (id: string) => id.match(/paraglide[\\/]messages[\\/](\w+)\.js$/)?.[1] ?? '';

/**
 * Every page loads the root layout and, at start, the root error page (SvelteKit imports both
 * up front): their code and the messages they show form one chunk, instead of riding along in
 * whichever page group the bundler puts them (the error page's messages alone cost every page
 * a 2 KB request).
 */
const SHELL_SOURCES = ['src/routes/+layout.svelte', 'src/routes/+error.svelte'];
const shellMessages = new Set(SHELL_SOURCES.flatMap(keysIn));
const isShell = (id: string) =>
  /src[\\/]routes[\\/]\+(layout|error)\.svelte/.test(id) || shellMessages.has(messageKey(id));

/**
 * The public report form is the page a citizen opens on a weak link, often as the only page.
 * The messages only its own folder shows stay in its own chunk: grouped with other pages'
 * messages they made it fetch several chunks of text it never shows (13 KB over the budget).
 */
const PAGE_OWN = 'src/routes/report';
const others = new Set(
  sourcesUnder('src')
    .filter((f) => !f.startsWith(join(PAGE_OWN, '/')) && !f.includes('paraglide'))
    .flatMap(keysIn)
);
const pageOwnMessages = new Set(
  sourcesUnder(PAGE_OWN)
    .flatMap(keysIn)
    .filter((k) => !others.has(k))
);
/**
 * The program's stored codes in words (kinds, audiences, modes, statuses and the activity log's
 * verbs): a dozen program pages share them, so grouped by use they landed in the common chunk and
 * the report desk (queue, report page) fetched 2 KB of program words it never shows.
 */
const PROGRAM_LABELS = ['src/lib/shared/labels/program.ts', 'src/routes/program/activities/labels.ts'];
const programMessages = new Set(PROGRAM_LABELS.flatMap(keysIn));
const isProgramLabels = (id: string) =>
  /src[\\/]lib[\\/]shared[\\/]labels[\\/]program\.ts$/.test(id) || programMessages.has(messageKey(id));

/**
 * A report's evidence and place sections (photos, voice, documents, where it is), shown by the
 * officers' report page and the reporter's tracking page: one chunk of their own. Left to the
 * merge below they rode with program-model messages that every report page then fetched.
 */
const REPORT_PARTS = ['src/lib/components/report/Evidence.svelte', 'src/lib/components/report/Place.svelte'];
const reportPartMessages = new Set(REPORT_PARTS.flatMap(keysIn));
const isReportParts = (id: string) =>
  /src[\\/]lib[\\/]components[\\/]report[\\/](Evidence|Place)\.svelte/.test(id) ||
  reportPartMessages.has(messageKey(id));

/** Our shared code and messages, less the report form's own messages. */
const sharedLib = (id: string) => /src[\\/]lib[\\/]/.test(id) && !pageOwnMessages.has(messageKey(id));

type ModuleInfo = { importedIds: readonly string[] } | null;
let form: { modules: Set<string>; keys: Set<string> } | null = null;
/** The message catalogue's barrel: it imports every message, a page uses only those it names. */
const BARREL = /paraglide[\\/]messages(\.js|[\\/]_index\.js)$/;
/**
 * The shared code and messages the report form loads up front (not what it imports lazily), found
 * from its page module. Grouped by which pages share them they were merged into neighbouring
 * small groups, and the form fetched admin and desk messages it never shows; as one chunk of
 * their own the form fetches only what it uses (pages sharing a piece fetch the whole chunk).
 */
function usedByForm(id: string, info: (id: string) => ModuleInfo): boolean {
  if (!form) {
    const found = { modules: new Set<string>(), keys: new Set<string>() };
    const walk = (x: string) => {
      if (found.modules.has(x) || BARREL.test(x)) return;
      found.modules.add(x);
      const file = x.split('?')[0];
      if (/\.(svelte|ts)$/.test(file)) for (const k of keysIn(file)) found.keys.add(k);
      for (const dep of info(x)?.importedIds ?? []) if (!/node_modules/.test(dep)) walk(dep);
    };
    walk(join(process.cwd(), PAGE_OWN, '+page.svelte'));
    form = found;
  }
  return form.modules.has(id) || form.keys.has(messageKey(id));
}
const formShared = (id: string, ctx: { getModuleInfo: (id: string) => ModuleInfo }) =>
  sharedLib(id) && usedByForm(id, (x) => ctx.getModuleInfo(x)) ? 'form' : null;

/**
 * Browser chunks for village links (a cold page must stay within 60 KB and 20 requests): left to
 * itself the bundler cuts the catalogue into one chunk per set of pages sharing some messages,
 * about 140 files of 0.2–1 KB. Here the framework is one chunk every page shares, Leaflet stays
 * its own (loaded only when a map is asked for), and our shared code and messages are grouped
 * by the pages that use them, small groups merged into their neighbours.
 */
const CLIENT_CHUNKS = {
  groups: [
    { name: 'leaflet', test: /node_modules[\\/]leaflet[\\/]/, priority: 3 },
    {
      name: 'framework',
      // Vite's preload helper too: every page with a lazy import needs it, and left alone it
      // lands in a chunk of map and media code that every page then downloads for it.
      test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|devalue|esm-env|clsx)[\\/]|rolldown[\\/]runtime|vite[\\/]preload-helper/,
      priority: 2
    },
    { name: 'shell', test: isShell, priority: 1.8 },
    { name: 'program-labels', test: isProgramLabels, priority: 1.6 },
    // What nearly every page uses (layout pieces, formatting, common messages): one request.
    { name: 'common', test: sharedLib, minShareCount: 12, priority: 1.5 },
    { name: formShared, priority: 1.2 },
    { name: 'report-parts', test: isReportParts, priority: 1.1 },
    {
      name: 'shared',
      test: sharedLib,
      priority: 1,
      entriesAware: true,
      // 12 KB left pages at 21–22 requests; 24 KB brings every page within 20 for 1–3 KB more.
      entriesAwareMergeThreshold: 24_000
    }
  ]
};

/** Only the browser build: the server's chunks are left as the bundler makes them. */
const clientChunks = {
  name: 'chung-suc-client-chunks',
  apply: 'build' as const,
  configEnvironment: (name: string) =>
    name === 'client' ? { build: { rollupOptions: { output: { codeSplitting: CLIENT_CHUNKS } } } } : undefined
};

export default defineConfig({
  plugins: [
    paraglideVitePlugin({
      project: './project.inlang',
      outdir: './src/lib/paraglide',
      strategy: ['url', 'cookie', 'baseLocale']
    }),
    sveltekit(),
    clientChunks
  ],
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own databases; two cores, so keep parallelism modest.
    maxWorkers: 2
  }
});
