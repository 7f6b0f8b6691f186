/**
 * Bundles the operators' CLI (src/cli) into build/cli.js, so `npm run cli` in production (cron:
 * `npm run cli -- reports remind`) needs neither tsx nor a prior `svelte-kit sync`. Run by
 * `npm run build` after the app build. Packages stay outside the bundle and are loaded from
 * node_modules at run time; the CLI test checks that every one of them is a runtime dependency.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? path.join(root, 'build/cli.js');

await build({
  entryPoints: [path.join(root, 'src/cli/index.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  alias: { $lib: path.join(root, 'src/lib') },
  // Some dependencies are CommonJS: give the ESM bundle a require() for them.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning'
});
console.log(`CLI bundled: ${path.relative(root, out)}`);
