/**
 * A CLI command. Register it in commands/index.ts under its name ("geo import-units").
 * `run` gets the parsed arguments and a lazily-opened database (opened like the server does,
 * from DATABASE_URL / DATA_DIR) and returns the process exit code.
 */
import type { ParseArgsConfig } from 'node:util';
import type { Db } from '$lib/server/db';

export interface CommandContext {
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
  db: () => Promise<Db>;
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface Command {
  usage: string;
  summary: string;
  options?: ParseArgsConfig['options'];
  run: (ctx: CommandContext) => Promise<number>;
}

/** Thrown for wrong arguments; the CLI prints the message and the command's usage. */
export class UsageError extends Error {}
