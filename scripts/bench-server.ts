/**
 * The built server (`node scripts/server.mjs`, as in production) for the benches: a temporary DATA_DIR (SQLite) or a given
 * PostgreSQL URL, the demo seed, 127.0.0.1 on BENCH_PORT or a free port. Printed figures only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';

export interface BenchServer {
  base: string;
  dir: string;
  /** The server process, for figures read from /proc (its memory). */
  pid: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitUp(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

/** A fresh data folder; `prepare` may open the database there before the server starts. */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cs-bench-server-'));
}

export async function startServer(
  opts: { dir?: string; databaseUrl?: string; port?: number; env?: Record<string, string> } = {}
): Promise<BenchServer> {
  const dir = opts.dir ?? tempDataDir();
  const port = opts.port ?? (process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort());
  const base = `http://127.0.0.1:${port}`;
  // The production server (scripts/server.mjs): with `node build` Open311 form posts are refused
  // as cross-site and the intake figure would count only refusals.
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof" profiles the server (NODE_OPTIONS refuses --cpu-prof).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'scripts/server.mjs'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORIGIN: base,
      DATA_DIR: dir,
      DATABASE_URL: opts.databaseUrl ?? '',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      ...opts.env
    },
    stdio: ['ignore', 'ignore', 'inherit']
  });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    if (!opts.dir) fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUp(base, child);
  } catch (e) {
    await stop();
    throw e;
  }
  return { base, dir, pid: child.pid!, stop };
}
