/**
 * The operator at the server: runs the real CLI (`npm run cli -- …`) against the database of the
 * running project's server. Some steps — a second administrator, an account no administrator
 * set up — can only be done there, by design of the two-person rule.
 */
import { test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { sqlitePath, withDb } from './report-workflow.db';

function databaseUrl(): string {
  return test.info().project.name.startsWith('pg') ? process.env.E2E_DATABASE_URL! : `file:${sqlitePath()}`;
}

/** Runs one CLI command from the sources and returns what it printed. */
export function cli(...args: string[]): string {
  return execFileSync(process.execPath, ['scripts/cli.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl(), CLI_FROM_SOURCE: '1', LOG_LEVEL: 'warn' }
  });
}

/** The id of the organisation with this name. */
export async function organisationId(name: string): Promise<string> {
  const rows = await withDb((exec) => exec(`select id from organisation where name = ?`, [name]));
  return String(rows[0].id);
}

/** An account created at the server (not by any administrator), optionally with a role. */
export function operatorAccount(
  username: string,
  name: string,
  password: string,
  role?: { role: string; org: string }
) {
  const extra = role ? ['--role', role.role, '--org', role.org] : [];
  cli('account', 'create', '--username', username, '--name', name, '--password', password, ...extra);
}
