/**
 * The admin's command-line tool: `npm run cli -- <command> [args]`. Commands live in
 * src/cli/commands/*.ts. Exit code 0 on success, 1 on bad data, 2 on wrong usage.
 */
import { parseArgs } from 'node:util';
import { commands } from './commands';
import { UsageError, type Command } from './command';
import { getDb } from '$lib/server/db/instance';
import { SecretError } from '$lib/server/secrets/app-secret';
import type { Db } from '$lib/server/db';

function help(): void {
  console.log('Usage: npm run cli -- <command> [args]\n\nCommands:');
  for (const [name, c] of Object.entries(commands)) console.log(`  ${name.padEnd(28)} ${c.summary}`);
}

function find(argv: string[]): { name: string; command: Command; rest: string[] } | null {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    if (commands[name]) return { name, command: commands[name], rest: argv.slice(words) };
  }
  return null;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
    help();
    return 0;
  }
  const found = find(argv);
  if (!found) {
    console.error(`Unknown command: ${argv.slice(0, 2).join(' ')}`);
    help();
    return 2;
  }
  const { name, command, rest } = found;
  let db: Db | null = null;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: command.options ?? {},
      allowPositionals: true,
      strict: true
    });
    return await command.run({
      positionals,
      options: values as Record<string, string | boolean | undefined>,
      db: async () => (db ??= await getDb()),
      out: (l) => console.log(l),
      err: (l) => console.error(l)
    });
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(e as Error).message}\nUsage: npm run cli -- ${name} ${command.usage}`);
      return 2;
    }
    throw e;
  } finally {
    if (db) await (db as Db).destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    // A refused secret is the operator's to fix: one line, not a stack trace.
    console.error(e instanceof SecretError ? `Chung Sức: ${e.message}` : e);
    process.exit(1);
  }
);
