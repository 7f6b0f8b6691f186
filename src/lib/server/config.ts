import { z } from 'zod';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { resolveAppSecret } from './secrets/app-secret';

/** A 32-byte key written as 64 hex characters or base64; null when it is neither. */
export function decodeKey32(value: string): Buffer | null {
  const v = value.trim();
  const buf = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  return buf.length === 32 ? buf : null;
}

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
  // Keys receipts, follow-up cookies and (without IDENTITY_KEY) identity encryption. Unset: a
  // random one is generated on first start and kept in DATA_DIR (see secrets/app-secret.ts).
  APP_SECRET: z.string().optional(),
  // Key for protected reporter identities (AES-256-GCM): 32 bytes as 64 hex chars or base64.
  // Unset in development: derived from APP_SECRET by HKDF (see reports/identity.ts).
  IDENTITY_KEY: z
    .string()
    .optional()
    .refine((v) => v === undefined || decodeKey32(v) !== null, 'IDENTITY_KEY must be 32 bytes (hex or base64)'),
  // Rotation: rows carry key_version; the previous key still decrypts version - 1.
  IDENTITY_KEY_VERSION: z.coerce.number().int().positive().default(1),
  IDENTITY_KEY_PREVIOUS: z
    .string()
    .optional()
    .refine((v) => v === undefined || decodeKey32(v) !== null, 'IDENTITY_KEY_PREVIOUS must be 32 bytes'),
  SESSION_DAYS: z.coerce.number().int().positive().default(14),
  // Sign-in: free failures per account from one client, per client on any account, and per
  // account from anywhere; past them each failure doubles the wait (1, 2, 4 … minutes, capped).
  // The counters forget SIGNIN_WINDOW_MINUTES after the last failure.
  SIGNIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  SIGNIN_CLIENT_MAX_ATTEMPTS: z.coerce.number().int().positive().default(30),
  SIGNIN_ACCOUNT_MAX_ATTEMPTS: z.coerce.number().int().positive().default(100),
  SIGNIN_MAX_BACKOFF_MINUTES: z.coerce.number().int().positive().default(15),
  SIGNIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(60),
  // Public intake: reports per client and per commune in INTAKE_WINDOW_MINUTES, and the bytes
  // of form uploads being received at once across the server (beyond it: 503, try again).
  INTAKE_CLIENT_MAX: z.coerce.number().int().positive().default(20),
  INTAKE_AREA_MAX: z.coerce.number().int().positive().default(300),
  INTAKE_WINDOW_MINUTES: z.coerce.number().int().positive().default(60),
  UPLOAD_INFLIGHT_MAX_MB: z.coerce.number().int().positive().default(200),
  // The data folder's upkeep (documents/jobs/upkeep.ts): a finished document job's files are
  // kept this many days; leftovers of a crash (temporary uploads, unnamed job files) this many hours.
  DOCUMENT_JOB_RETENTION_DAYS: z.coerce.number().int().positive().default(7),
  LEFTOVER_GRACE_HOURS: z.coerce.number().int().positive().default(24),
  // Notification delivery: e-mail through SMTP (smtp://user:pass@host:port or
  // smtps://…); unset = no e-mail. SMS_GATEWAY names a gateway; none is built in, so while it
  // is unset SMS messages go to a recording stand-in (visible in logs counts, never sent).
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Chung Sức <no-reply@chungsuc.local>'),
  SMS_GATEWAY: z.string().optional(),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  // Base salary (mức lương cơ sở, đồng/month) that award cash is a multiple of; 2,340,000 since 1 July 2024.
  BASE_SALARY_VND: z.coerce.number().int().positive().default(2_340_000)
});

/** The app is always started from the project folder (npm start, node build, the CLI). */
function packageVersion(): string {
  try {
    return JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')).version;
  } catch {
    return '0.0.0';
  }
}

export type Config = Omit<z.infer<typeof schema>, 'APP_SECRET'> & {
  /** Read on first use, so that building the app never creates a secret file. */
  readonly APP_SECRET: string;
  dbKind: 'sqlite' | 'postgresql';
  sqlitePath: string;
  version: string;
  /** LOG_LEVEL, except that test runs (vitest) stay silent. */
  logLevel: string;
  /** Secrets given in the environment rather than DATA_DIR: a backup cannot hold them, the operator must. */
  keysFromEnv: string[];
};

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.parse(env);
  const url = parsed.DATABASE_URL;
  const dbKind = url && /^postgres(ql)?:\/\//.test(url) ? 'postgresql' : 'sqlite';
  const sqlitePath = url && url.startsWith('file:') ? url.slice(5) : path.join(parsed.DATA_DIR, 'chung-suc.sqlite');
  const logLevel = env.VITEST ? 'silent' : parsed.LOG_LEVEL;
  const { APP_SECRET: fromEnv, ...rest } = parsed;
  let secret: string | undefined;
  return {
    ...rest,
    get APP_SECRET() {
      return (secret ??= resolveAppSecret(fromEnv, parsed.DATA_DIR));
    },
    dbKind,
    sqlitePath,
    logLevel,
    keysFromEnv: (['APP_SECRET', 'IDENTITY_KEY', 'IDENTITY_KEY_PREVIOUS'] as const).filter((k) => env[k]),
    version: env.npm_package_version ?? packageVersion()
  };
}

export const config: Config = readConfig();
