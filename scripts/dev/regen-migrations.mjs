// rewrite src/lib/server/db/migrations/index.ts from the files present
import fs from 'node:fs';
const dir = (process.argv[2] ?? '.') + '/src/lib/server/db/migrations';
const files = fs
  .readdirSync(dir)
  .filter((f) => /^\d{3}_.*\.ts$/.test(f))
  .sort()
  .map((f) => f.replace(/\.ts$/, ''));
const imp = files.map((f) => `import * as m${f.slice(0, 3)} from './${f}';`).join('\n');
const ent = files.map((f) => `  '${f}': m${f.slice(0, 3)},`).join('\n');
fs.writeFileSync(
  dir + '/index.ts',
  `import type { Migration } from 'kysely';\n${imp}\n\n/** Add new migrations here, in order. Never edit a migration that has shipped. */\nexport const migrations: Record<string, Migration> = {\n${ent}\n};\n`
);
