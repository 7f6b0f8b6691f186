/**
 * Records migrations that have landed (merged into main) in migrations/landed.json, the list
 * that tests/unit/migrations-frozen.test.ts holds every landed migration to. It only ever adds
 * entries: a landed migration that changed is an error to fix, never a hash to update.
 * Usage: npm run migrations:land -- 090_example [091_other …]   (no names: every new file)
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'src/lib/server/db/migrations';
const manifestPath = join(dir, 'landed.json');

/** Line endings are normalised so a Windows checkout hashes the same as a Linux one. */
function migrationHash(text) {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

const landed = JSON.parse(readFileSync(manifestPath, 'utf8'));
const files = readdirSync(dir).filter((f) => /^\d+_.+\.ts$/.test(f));
const asked = process.argv.slice(2).map((n) => (n.endsWith('.ts') ? n : `${n}.ts`));
const toLand = asked.length ? asked : files.filter((f) => !(f in landed));

for (const file of toLand) {
  if (!files.includes(file)) throw new Error(`${file}: no such migration in ${dir}`);
  const hash = migrationHash(readFileSync(join(dir, file), 'utf8'));
  if (file in landed && landed[file] !== hash) {
    throw new Error(`${file} has already landed and its content changed: restore it and add a new migration`);
  }
  landed[file] = hash;
}

const sorted = Object.fromEntries(Object.entries(landed).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(manifestPath, JSON.stringify(sorted, null, 2) + '\n');
console.log(toLand.length ? `landed: ${toLand.join(', ')}` : 'no new migrations');
