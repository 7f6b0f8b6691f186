/** Open311 API keys from the command line (prints the key once; only its hash is stored). */
import { SYSTEM } from '$lib/server/access/actor';
import { createKey } from '$lib/server/open311/keys.service';
import { UsageError, type Command } from '../command';

export const open311Commands: Record<string, Command> = {
  'open311 create-key': {
    usage: '--name NAME',
    summary: 'issue an Open311 API key for a client application and print it',
    options: { name: { type: 'string' } },
    run: async (ctx) => {
      const name = ctx.options.name;
      if (typeof name !== 'string' || !name.trim()) throw new UsageError('--name is required');
      const db = await ctx.db();
      const { key } = await createKey(db, { ...SYSTEM, name: 'cli' }, name);
      ctx.out(key);
      return 0;
    }
  }
};
