/**
 * A backup is one folder: the database copy, every file of the data directory (uploaded photos,
 * private documents, the generated secret and identity keys) and a manifest with the sha256 of
 * each file and a digest of every table. A restore checks every hash before it writes anything,
 * goes only into an empty database and data directory (unless forced), and afterwards proves
 * the restored tables and files match the manifest.
 */
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync
} from 'node:fs';
import path from 'node:path';
import {
  backupPostgres,
  backupSqlite,
  digestOf,
  isEmptyDatabase,
  restorePostgres,
  restoreSqlite,
  type DatabaseDigest
} from '$lib/server/db/backup';
import type { DbKind } from '$lib/server/db/dialect';
import { sha256File, walkFiles } from './files';

export const MANIFEST = 'manifest.json';
const FORMAT = 1;

export interface Site {
  kind: DbKind;
  /** SQLite file path or PostgreSQL URL */
  target: string;
  dataDir: string;
}

export interface FileEntry {
  path: string;
  bytes: number;
  sha256: string;
  mode: number;
}

export interface Manifest {
  format: number;
  createdAt: string;
  appVersion: string;
  kind: DbKind;
  /** pg_dump major version (PostgreSQL only) */
  dumpedBy?: number;
  database: FileEntry;
  tables: DatabaseDigest;
  files: FileEntry[];
}

export class BackupError extends Error {}

const dbFileName = (kind: DbKind) => (kind === 'sqlite' ? 'database.sqlite' : 'database.pgdump');

/** Files of the data directory that belong in a backup: not the live SQLite file, not the backup itself. */
function dataFiles(site: Site, exclude: string[]): string[] {
  const skip = new Set(
    site.kind === 'sqlite' ? ['', '-wal', '-shm', '-journal'].map((s) => path.resolve(site.target + s)) : []
  );
  const under = exclude.map((d) => path.resolve(d) + path.sep);
  return walkFiles(site.dataDir).filter((rel) => {
    const abs = path.resolve(site.dataDir, rel);
    return !skip.has(abs) && !under.some((d) => (abs + path.sep).startsWith(d));
  });
}

async function entry(root: string, rel: string): Promise<FileEntry> {
  const abs = path.join(root, rel);
  const st = statSync(abs);
  return { path: rel.split(path.sep).join('/'), bytes: st.size, sha256: await sha256File(abs), mode: st.mode & 0o777 };
}

export async function backup(site: Site, out: string, appVersion: string): Promise<Manifest> {
  if (existsSync(out) && readdirSync(out).length > 0) throw new BackupError(`${out} is not empty`);
  if (site.kind === 'sqlite' && !existsSync(site.target)) throw new BackupError(`no database at ${site.target}`);
  // The folder holds the secret: only the server's user may read it.
  mkdirSync(path.join(out, 'files'), { recursive: true, mode: 0o700 });
  chmodSync(out, 0o700);
  const dbFile = path.join(out, dbFileName(site.kind));
  let tables: DatabaseDigest;
  let dumpedBy: number | undefined;
  if (site.kind === 'sqlite') tables = await backupSqlite(site.target, dbFile);
  else ({ digest: tables, tool: dumpedBy } = await backupPostgres(site.target, dbFile));
  chmodSync(dbFile, 0o600);

  const files: FileEntry[] = [];
  for (const rel of dataFiles(site, [out])) {
    const dest = path.join(out, 'files', rel);
    mkdirSync(path.dirname(dest), { recursive: true, mode: 0o700 });
    copyFileSync(path.join(site.dataDir, rel), dest);
    files.push(await entry(path.join(out, 'files'), rel));
  }
  const manifest: Manifest = {
    format: FORMAT,
    createdAt: new Date().toISOString(),
    appVersion,
    kind: site.kind,
    ...(dumpedBy ? { dumpedBy } : {}),
    database: await entry(out, dbFileName(site.kind)),
    tables,
    files
  };
  writeFileSync(path.join(out, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  return manifest;
}

export function readManifest(dir: string): Manifest {
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    throw new BackupError(`${dir} holds no readable ${MANIFEST}`);
  }
  if (m.format !== FORMAT) throw new BackupError(`unknown backup format ${m.format}`);
  return m;
}

/** Every hash checked before anything is written. Returns the list of problems (empty = intact). */
export async function verifyBackup(dir: string, m: Manifest): Promise<string[]> {
  const problems: string[] = [];
  const check = async (abs: string, e: FileEntry) => {
    if (!existsSync(abs)) problems.push(`missing: ${e.path}`);
    else if ((await sha256File(abs)) !== e.sha256) problems.push(`changed: ${e.path}`);
  };
  await check(path.join(dir, m.database.path), m.database);
  for (const f of m.files) await check(path.join(dir, 'files', ...f.path.split('/')), f);
  return problems;
}

async function targetProblems(site: Site, m: Manifest): Promise<string[]> {
  const problems: string[] = [];
  if (!(await isEmptyDatabase(site.kind, site.target))) problems.push('the database is not empty');
  const present = existsSync(site.dataDir) ? dataFiles(site, []) : [];
  if (present.length > 0) problems.push(`the data directory holds ${present.length} file(s)`);
  if (m.kind !== site.kind) problems.push(`the backup is of a ${m.kind} database, this install uses ${site.kind}`);
  return problems;
}

export interface RestoreResult {
  tables: number;
  rows: number;
  files: number;
}

export async function restore(site: Site, dir: string, force = false): Promise<RestoreResult> {
  const m = readManifest(dir);
  const broken = await verifyBackup(dir, m);
  if (broken.length) throw new BackupError(`the backup is damaged: ${broken.join(', ')}`);
  const problems = await targetProblems(site, m);
  const blocking = problems.filter((p) => force === false || p.startsWith('the backup is of'));
  if (blocking.length) throw new BackupError(`${blocking.join('; ')} (restore only into an empty install, or --force)`);

  const dbFile = path.join(dir, m.database.path);
  if (site.kind === 'sqlite') await restoreSqlite(dbFile, site.target);
  else await restorePostgres(dbFile, site.target, m.dumpedBy ?? 0, force);
  for (const f of m.files) {
    const dest = path.join(site.dataDir, ...f.path.split('/'));
    mkdirSync(path.dirname(dest), { recursive: true, mode: 0o700 });
    copyFileSync(path.join(dir, 'files', ...f.path.split('/')), dest);
    chmodSync(dest, f.mode);
  }
  return proveRestored(site, m);
}

/** The restored install against the manifest: every table and every file, or an error naming what differs. */
async function proveRestored(site: Site, m: Manifest): Promise<RestoreResult> {
  const now = await digestOf(site.kind, site.target);
  const names = new Set([...Object.keys(now), ...Object.keys(m.tables)]);
  const differ = [...names].filter((t) => now[t]?.sha256 !== m.tables[t]?.sha256);
  const files = (
    await Promise.all(
      m.files.map(async (f) => ((await sha256File(path.join(site.dataDir, f.path))) === f.sha256 ? null : f.path))
    )
  ).filter((p): p is string => p !== null);
  if (differ.length || files.length)
    throw new BackupError(`restored, but differs from the backup: ${[...differ, ...files].join(', ')}`);
  const rows = Object.values(now).reduce((n, t) => n + t.rows, 0);
  return { tables: names.size, rows, files: m.files.length };
}
