/**
 * A PostgreSQL cluster of a test's own — initdb into a temporary folder, pg_ctl on a free port
 * — so that a test may stop and restart its database. The shared server on 5432 is never
 * touched: other checkouts and people use it. PostgreSQL refuses to run as root, so under root
 * the cluster runs as the `postgres` system account.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface Cluster {
  url: string;
  /** `immediate` is a crash: in-flight transactions are cut, recovery replays the log. */
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  destroy(): void;
}

/** The newest installed server's bin folder (PG_BIN overrides), or why there is none. */
export function findPgBin(): { bin: string } | { missing: string } {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv)
    return existsSync(path.join(fromEnv, 'initdb')) ? { bin: fromEnv } : { missing: `no initdb in PG_BIN=${fromEnv}` };
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) return { missing: 'initdb not found under /usr/lib/postgresql/*/bin (install postgresql)' };
  if (process.getuid?.() === 0 && !systemUid('postgres'))
    return { missing: 'running as root and there is no `postgres` account to run the cluster as' };
  return { bin: path.join(root, versions[0], 'bin') };
}

function systemUid(name: string): number | null {
  try {
    return Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  } catch {
    return null;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function createCluster(bin: string): Promise<Cluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cs-private-pg-'));
  const asRoot = process.getuid?.() === 0;
  const uid = asRoot ? systemUid('postgres') : null;
  if (uid !== null) chownSync(dir, uid, uid);
  const run = (tool: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : path.join(bin, tool),
      asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args,
      {
        stdio: 'pipe',
        timeout: 120_000
      }
    );
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const start = () => void run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  const stop = (mode: 'fast' | 'immediate' = 'fast') => void run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy() {
      try {
        stop('immediate');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
