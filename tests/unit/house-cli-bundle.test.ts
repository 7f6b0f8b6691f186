/**
 * The operators' CLI as cron runs it in production: the bundle made at build time, with no dev
 * dependency (no tsx, no `svelte-kit sync`). Built here into node_modules/.cache so packages
 * resolve as they do from build/cli.js.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json';

const bundle = path.resolve('node_modules/.cache/house-cli-test/cli.js');
const runtime = new Set([
  ...Object.keys(pkg.dependencies),
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`)
]);
const packageOf = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!);

const run = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', './tests/support/refuse-dev-deps.mjs', bundle, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 60_000
  });

describe('bundled CLI', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-cli.mjs', bundle], { stdio: 'pipe' });
  }, 120_000);

  it('imports only Node built-ins and runtime dependencies', () => {
    const code = readFileSync(bundle, 'utf8');
    // Static imports start a line in esbuild's output; dynamic ones are import("x") / require("x").
    const specifiers = [
      ...code.matchAll(/^import\s[^;]*?from\s*"([^"./][^"]*)";/gm),
      ...code.matchAll(/(?:\bimport|\brequire)\(\s*["']([^"'./][^"']*)["']\s*\)/g)
    ].map((m) => packageOf(m[1]!));
    expect(specifiers.length).toBeGreaterThan(5);
    expect([...new Set(specifiers)].filter((s) => !runtime.has(s))).toEqual([]);
  });

  it('runs a database command with every devDependency refused', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cs-cli-'));
    const help = run(['--help'], { DATA_DIR: dataDir });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('reports remind');
    const remind = run(['reports', 'remind'], { DATA_DIR: dataDir });
    expect(remind.status, remind.stderr).toBe(0);
    expect(remind.stdout).toMatch(/due or overdue report/);
  }, 120_000);

  it('the hook really refuses a devDependency (so the run above proves something)', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', './tests/support/refuse-dev-deps.mjs', '--input-type=module', '-e', "await import('tsx')"],
      {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' },
        input: ''
      }
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('devDependency imported at run time: tsx');
  });
});
