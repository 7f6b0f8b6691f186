/**
 * `npm run cli -- …`: the bundled CLI (build/cli.js, made by `npm run build`) when it exists, so
 * a production install without dev dependencies can run it from cron; otherwise, in a checkout
 * that was never built, the sources through tsx. CLI_FROM_SOURCE=1 forces the sources (after
 * editing src/cli without rebuilding).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'build/cli.js');

if (existsSync(bundle) && process.env.CLI_FROM_SOURCE !== '1') {
  await import(pathToFileURL(bundle).href);
} else {
  const args = ['--import', 'tsx', path.join(root, 'src/cli/index.ts'), ...process.argv.slice(2)];
  const run = spawnSync(process.execPath, args, { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
