import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every page loads the root layout and, at start, the root error page (SvelteKit imports both
 * up front): their code and the messages they show form one chunk, instead of riding along in
 * whichever page group the bundler puts them (the error page's messages alone cost every page
 * a 2 KB request).
 */
const SHELL_SOURCES = ['src/routes/+layout.svelte', 'src/routes/+error.svelte', 'src/lib/components/nav.ts'];
const shellMessages = new Set(
  SHELL_SOURCES.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bm\.(\w+)\b/g)].map((x) => x[1]))
);
const isShell = (id: string) =>
  /src[\\/]routes[\\/]\+(layout|error)\.svelte|src[\\/]lib[\\/]components[\\/]nav\.ts/.test(id) ||
  shellMessages.has(id.match(/paraglide[\\/]messages[\\/](\w+)\.js$/)?.[1] ?? '');

/**
 * The citizen report form (/report) is the page a villager on a weak link opens most. Left with
 * the rest, its few shared pieces (the constants, a label or two) sat in chunks of officer
 * messages, and the form downloaded ~10 KB it never used. Code it reaches by static imports is
 * grouped apart, so its chunks carry only what it uses (officer pages that share a piece load
 * that small chunk too).
 */
const CITIZEN_FORM = path.resolve('src/routes/report/+page.svelte');
type ModuleGraph = { getModuleInfo(id: string): { importedIds: string[] } | null };
let citizen: { modules: Set<string>; keys: Set<string> } | null = null;
/**
 * Modules the form imports statically (not the map it loads on demand), and the message keys
 * their sources call: messages are all re-exported by one index, so the import graph alone
 * would claim every message for the form.
 */
function citizenForm(graph: ModuleGraph) {
  if (citizen) return citizen;
  const modules = new Set<string>();
  const keys = new Set<string>();
  const stack = [CITIZEN_FORM];
  while (stack.length) {
    const id = stack.pop()!;
    if (modules.has(id) || /node_modules|paraglide[\\/]messages/.test(id)) continue;
    modules.add(id);
    const file = id.split('?')[0];
    if (/\.(svelte|ts|js)$/.test(file) && existsSync(file))
      for (const k of readFileSync(file, 'utf8').matchAll(/\bm\.(\w+)\b/g)) keys.add(k[1]);
    stack.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return (citizen = { modules, keys });
}
function inCitizenForm(id: string, graph: ModuleGraph): boolean {
  const form = citizenForm(graph);
  const key = id.match(/paraglide[\\/]messages[\\/](\w+)\.js$/)?.[1];
  return key ? form.keys.has(key) : form.modules.has(id);
}
const sharedOrCitizen = (id: string, graph: ModuleGraph) => (inCitizenForm(id, graph) ? 'citizen' : 'shared');

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
    // What nearly every page uses (layout pieces, formatting, common messages): one request.
    // The form's share of it apart (see citizenForm): the form does not load the rest.
    {
      name: (id: string, graph: ModuleGraph) => (inCitizenForm(id, graph) ? 'common-citizen' : 'common'),
      debugName: 'common',
      test: /src[\\/]lib[\\/]/,
      minShareCount: 12,
      priority: 1.5
    },
    {
      name: sharedOrCitizen,
      debugName: 'shared',
      test: /src[\\/]lib[\\/]/,
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
