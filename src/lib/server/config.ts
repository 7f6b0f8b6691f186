import { z } from 'zod';
import path from 'node:path';

/**
 * The only reader of process.env. Validated once; everything else imports `config`.
 * Defaults make `npm start` work on a fresh laptop with no settings at all.
 */
const schema = z.object({
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  PORT: z.coerce.number().int().positive().default(3000),
  ORIGIN: z.string().optional(),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Secret used to encrypt protected identities and sign tokens. Must be set in production.
  APP_SECRET: z.string().min(16).default('dev-only-secret-change-me-please'),
  SESSION_DAYS: z.coerce.number().int().positive().default(14),
  SIGNIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  SIGNIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  npm_package_version: z.string().default('0.0.0')
});

export type Config = z.infer<typeof schema> & {
  dbKind: 'sqlite' | 'postgresql';
  sqlitePath: string;
  version: string;
};

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.parse(env);
  const url = parsed.DATABASE_URL;
  const dbKind = url && /^postgres(ql)?:\/\//.test(url) ? 'postgresql' : 'sqlite';
  const sqlitePath =
    url && url.startsWith('file:') ? url.slice(5) : path.join(parsed.DATA_DIR, 'chung-suc.sqlite');
  return { ...parsed, dbKind, sqlitePath, version: parsed.npm_package_version };
}

export const config: Config = readConfig();
