/**
 * A migration that has run on some database never runs there again, so changing or renaming
 * it would leave that database with a different schema from a fresh install, silently. Every
 * landed migration (merged into main) is recorded in migrations/landed.json with the hash of its
 * content, and must stay exactly as it landed.
 *
 * A new migration (a file not in landed.json yet) is allowed: this test lists it. When it lands,
 * record it with `npm run migrations:land -- <name>`. Lanes use separate number ranges and the
 * migrator runs unordered, so a new migration may well number below a landed one.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from '../../src/lib/server/db/migrations';

const dir = join(import.meta.dirname, '../../src/lib/server/db/migrations');
const landed: Record<string, string> = JSON.parse(readFileSync(join(dir, 'landed.json'), 'utf8'));
const files = readdirSync(dir).filter((f) => /^\d+_.+\.ts$/.test(f));

/** Same as scripts/land-migrations.mjs: line endings normalised, so a Windows checkout agrees. */
const hashOf = (file: string) =>
  createHash('sha256')
    .update(readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n'))
    .digest('hex');

const ADD_INSTEAD =
  'A landed migration has already run on real databases and must never be renamed, edited or ' +
  'removed: restore it from git and put the change in a NEW migration (next free number in ' +
  'your range, registered in migrations/index.ts and schema.ts). Changed or missing:';

describe('landed migrations are frozen', () => {
  it('every landed migration is still there with the content it landed with', () => {
    const broken = Object.entries(landed)
      .filter(([file, hash]) => !files.includes(file) || hashOf(file) !== hash)
      .map(([file]) => (files.includes(file) ? `${file} (content changed)` : `${file} (missing or renamed)`));
    expect(broken, `${ADD_INSTEAD} ${broken.join(', ')}`).toEqual([]);
  });

  it('every landed migration still runs under the name it landed with', () => {
    const unregistered = Object.keys(landed)
      .map((file) => file.replace(/\.ts$/, ''))
      .filter((name) => !(name in migrations));
    expect(unregistered, `${ADD_INSTEAD} ${unregistered.join(', ')} (no longer in index.ts)`).toEqual([]);
  });

  it('lists new migrations, which must be registered to run', () => {
    const fresh = files.filter((f) => !(f in landed));
    if (fresh.length) {
      console.info(`New migrations, not landed yet (when merged: npm run migrations:land): ${fresh.join(', ')}`);
    }
    const names = files.map((f) => f.replace(/\.ts$/, ''));
    expect(
      names.filter((n) => !(n in migrations)),
      'migration files missing from index.ts'
    ).toEqual([]);
    expect(
      Object.keys(migrations).filter((n) => !names.includes(n)),
      'index.ts names without a file'
    ).toEqual([]);
  });

  it('migrations import nothing but Kysely, so later code changes cannot change what they do', () => {
    const live = files.flatMap((file) =>
      [...readFileSync(join(dir, file), 'utf8').matchAll(/^import[^;]*?from\s+'([^']+)'/gms)]
        .map((m) => m[1])
        .filter((from) => from !== 'kysely')
        .map((from) => `${file} imports ${from}`)
    );
    expect(live, 'copy what the migration needs into its own file instead').toEqual([]);
  });
});
