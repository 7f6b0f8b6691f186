/**
 * `backup --out DIR` and `restore DIR [--force]`: the database (online, while the server runs),
 * every file of DATA_DIR including the generated secret, and a manifest of hashes. A restore
 * goes into an empty install only (stop the server first), unless --force.
 */
import { config } from '$lib/server/config';
import { backup, BackupError, restore, type Site } from '$lib/server/backup/backup.service';
import { UsageError, type Command } from '../command';

const site = (): Site => ({
  kind: config.dbKind,
  target: config.dbKind === 'postgresql' ? config.DATABASE_URL! : config.sqlitePath,
  dataDir: config.DATA_DIR
});

async function reported(ctx: Parameters<Command['run']>[0], work: () => Promise<string>): Promise<number> {
  try {
    ctx.out(await work());
    return 0;
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    ctx.err(e.message);
    return 1;
  }
}

export const backupCommands: Record<string, Command> = {
  backup: {
    usage: '--out DIR',
    summary: 'copy the database, uploaded files and secret into the empty folder DIR, with a manifest of hashes',
    options: { out: { type: 'string' } },
    run: async (ctx) => {
      const out = ctx.options.out;
      if (typeof out !== 'string' || !out) throw new UsageError('--out DIR is required');
      return reported(ctx, async () => {
        const m = await backup(site(), out, config.version);
        const rows = Object.values(m.tables).reduce((n, t) => n + t.rows, 0);
        for (const k of config.keysFromEnv)
          ctx.err(`${k} is set in the environment and is not in the backup: keep it with it`);
        return `${out}: ${Object.keys(m.tables).length} tables (${rows} rows), ${m.files.length} file(s)`;
      });
    }
  },
  restore: {
    usage: 'DIR [--force]',
    summary: 'stop the server first: restore a backup into an empty database and DATA_DIR (--force replaces them)',
    options: { force: { type: 'boolean' } },
    run: async (ctx) => {
      const dir = ctx.positionals[0];
      if (!dir || ctx.positionals.length > 1) throw new UsageError('one backup folder is required');
      return reported(ctx, async () => {
        const r = await restore(site(), dir, ctx.options.force === true);
        return `restored and checked: ${r.tables} tables (${r.rows} rows), ${r.files} file(s) identical to the backup`;
      });
    }
  }
};
