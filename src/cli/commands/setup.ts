/** `setup province`: start a province on a nationwide install (idempotent; every creation audited). */
import { SYSTEM } from '$lib/server/access/actor';
import { isAppError } from '$lib/server/errors';
import { t } from '$lib/server/i18n';
import { setupProvince } from '$lib/server/org/setup-province.service';
import { UsageError, type Command } from '../command';

export const setupCommands: Record<string, Command> = {
  'setup province': {
    usage: 'CODE --admin USERNAME',
    summary: 'create a province’s associations, environment department, forest rangers and first administrator',
    options: { admin: { type: 'string' } },
    run: async (ctx) => {
      const [code] = ctx.positionals;
      const admin = ctx.options.admin;
      if (!code || typeof admin !== 'string' || !admin) throw new UsageError('CODE and --admin are required');
      try {
        const r = await setupProvince(await ctx.db(), { ...SYSTEM, name: 'cli' }, code, admin);
        ctx.out(
          `${r.province}: ${r.created.associations} associations and ${r.created.agencies} agencies created, ${r.kept} already there.`
        );
        if (r.admin.password)
          ctx.out(
            `Administrator ${r.admin.username} created. One-time password (must be changed at first sign-in): ${r.admin.password}`
          );
        else
          ctx.out(
            `Administrator ${r.admin.username} already exists; kept as administrator of the province association.`
          );
        return 0;
      } catch (e) {
        if (!isAppError(e)) throw e;
        ctx.err(`${e.details?.field ?? 'error'}: ${t(e.message)}`);
        return 1;
      }
    }
  }
};
