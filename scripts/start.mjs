#!/usr/bin/env node
/**
 * `npm start`: build (the app and the CLI bundle) if the build is missing or older than the sources, then serve.
 * The server migrates the database and seeds the demo on first start (hooks.server.ts init).
 */
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'paraglide') continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const marker = 'build/index.js';
const stale = !existsSync(marker) || Math.max(newest('src'), newest('messages')) > statSync(marker).mtimeMs;
if (stale) {
  console.log('Building Chung Sức (first start or sources changed)…');
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  // The CLI bundle too: `npm run cli` prefers build/cli.js, which would otherwise run stale code.
  const cli = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
  if (cli.status !== 0) process.exit(cli.status ?? 1);
}
process.env.PORT ??= '3000';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
console.log(`Chung Sức: ${process.env.ORIGIN}`);
await import(new URL('./server.mjs', import.meta.url).href);
