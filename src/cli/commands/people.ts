/** `people import`: a branch's member list from an .xlsx on the server, with the same verdicts as the web preview. */
import { readFileSync } from 'node:fs';
import { SYSTEM } from '$lib/server/access/actor';
import { isAppError } from '$lib/server/errors';
import { t } from '$lib/server/i18n';
import { importFile } from '$lib/server/people/import.service';
import { verdictNote } from '$lib/server/people/import/bad-rows';
import type { Fate } from '$lib/server/people/import/rows';
import { UsageError, type Command } from '../command';

const FATE: Record<Fate, string> = {
  ok: 'shell_import_fate_ok',
  new_village: 'shell_import_fate_new_village_short',
  duplicate: 'shell_import_fate_duplicate',
  error: 'shell_import_fate_error'
};

export const peopleCommands: Record<string, Command> = {
  'people import': {
    usage: 'FILE.xlsx --branch ORG_ID [--dry-run] [--only-good] [--create-villages] [--include ROW,ROW]',
    summary: 'import a member list; prints each row’s verdict (all rows or nothing unless --only-good)',
    options: {
      branch: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'only-good': { type: 'boolean' },
      'create-villages': { type: 'boolean' },
      include: { type: 'string' }
    },
    run: async (ctx) => {
      const [file] = ctx.positionals;
      const branch = ctx.options.branch;
      if (!file || typeof branch !== 'string' || !branch) throw new UsageError('FILE and --branch are required');
      const include = String(ctx.options.include ?? '')
        .split(',')
        .filter((s) => /^\d+$/.test(s))
        .map(Number);
      try {
        const r = await importFile(
          await ctx.db(),
          { ...SYSTEM, name: 'cli' },
          {
            organisationId: branch,
            bytes: readFileSync(file),
            dryRun: !!ctx.options['dry-run'],
            createVillages: !!ctx.options['create-villages'],
            onlyGood: !!ctx.options['only-good'],
            include
          }
        );
        for (const v of r.verdicts) {
          const note = verdictNote(v, r.sheet.headers, r.mapping);
          ctx.out(`${t('people_import_col_row')} ${v.row}: ${t(FATE[v.fate])}${note ? ` — ${note}` : ''}`);
        }
        for (const u of r.unknownVillages)
          ctx.out(`? ${t('shell_import_village_rows', { name: u.name, rows: u.rows.join(', ') })}`);
        ctx.out(
          t('shell_import_summary', {
            total: r.verdicts.length,
            ready: r.verdicts.filter((v) => v.fate === 'ok' || v.fate === 'new_village').length,
            duplicates: r.verdicts.filter((v) => v.fate === 'duplicate').length,
            errors: r.verdicts.filter((v) => v.fate === 'error').length
          })
        );
        if (r.rejected) {
          ctx.err(t('people_import_err_rows'));
          return 1;
        }
        if (!ctx.options['dry-run']) ctx.out(t('people_import_done', { count: r.imported }));
        return 0;
      } catch (e) {
        if (!isAppError(e)) throw e;
        ctx.err(`${e.details?.field ?? 'error'}: ${t(e.message)}`);
        return 1;
      }
    }
  }
};
