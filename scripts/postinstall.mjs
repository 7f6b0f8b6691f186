// Compile the Paraglide message catalogue so type checks and the CLI work right after `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (existsSync('project.inlang/settings.json') && existsSync('node_modules/@inlang/paraglide-js')) {
  const r = spawnSync(
    process.execPath,
    [
      'node_modules/@inlang/paraglide-js/bin/run.js',
      'compile',
      '--project',
      './project.inlang',
      '--outdir',
      './src/lib/paraglide'
    ],
    { stdio: 'inherit' }
  );
  process.exit(r.status ?? 0);
}
