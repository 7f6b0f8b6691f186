/** Geography imports. Each runs in one transaction and changes nothing when a record is bad. */
import path from 'node:path';
import { SYSTEM } from '$lib/server/access/actor';
import { parseDate } from '$lib/shared/format';
import { isImportError } from '$lib/server/geo/import/issues';
import {
  importChangeTableFile,
  importGeoJsonPath,
  importMergesFile,
  importUnitsFile
} from '$lib/server/geo/import/files';
import { UsageError, type Command, type CommandContext } from '../command';

const CLI_ACTOR = { ...SYSTEM, name: 'cli' };

function date(ctx: CommandContext, name: string, fallback?: string): string {
  const raw = ctx.options[name];
  if (raw === undefined && fallback) return fallback;
  const parsed = typeof raw === 'string' ? parseDate(raw) : null;
  if (!parsed) throw new UsageError(`--${name} must be a date YYYY-MM-DD`);
  return parsed;
}

function file(ctx: CommandContext): string {
  if (ctx.positionals.length !== 1) throw new UsageError('expected exactly one file');
  return path.resolve(ctx.positionals[0]);
}

/** Run an import, print counts and time, or list the bad records and exit 1. */
async function timed(ctx: CommandContext, work: () => Promise<object>): Promise<number> {
  const started = performance.now();
  try {
    const { warnings, ...stats } = (await work()) as { warnings?: { where: string; message: string }[] };
    const ms = Math.round(performance.now() - started);
    for (const w of warnings ?? []) ctx.err(`  skipped ${w.where}: ${w.message}`);
    ctx.out(
      Object.entries(stats)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')
    );
    ctx.out(`done in ${ms} ms`);
    return 0;
  } catch (e) {
    if (!isImportError(e)) throw e;
    ctx.err(`Import refused, nothing was changed. ${e.issues.length} problem(s):`);
    for (const i of e.issues.slice(0, 200)) ctx.err(`  ${i.where}: ${i.message}`);
    if (e.issues.length > 200) ctx.err(`  ... and ${e.issues.length - 200} more`);
    return 1;
  }
}

export const geoCommands: Record<string, Command> = {
  'geo import-units': {
    usage: '<units.json> --valid-from YYYY-MM-DD [--valid-to YYYY-MM-DD] [--legal-basis TEXT]',
    summary: 'import a TLQ unit list (pre-2025 or 2025+ format) as the state from a date',
    options: { 'valid-from': { type: 'string' }, 'valid-to': { type: 'string' }, 'legal-basis': { type: 'string' } },
    run: async (ctx) => {
      const f = file(ctx);
      const validFrom = date(ctx, 'valid-from');
      const validTo = ctx.options['valid-to'] ? date(ctx, 'valid-to') : null;
      const legalBasis = (ctx.options['legal-basis'] as string | undefined) ?? null;
      const db = await ctx.db();
      return timed(ctx, () => importUnitsFile(db, CLI_ACTOR, f, { validFrom, validTo, legalBasis }));
    }
  },
  'geo import-changes-lai-chau': {
    usage: '<unit-changes.csv>',
    summary: 'import the Lai Châu 2025 change table (old commune → new commune)',
    run: async (ctx) => {
      const f = file(ctx);
      const db = await ctx.db();
      return timed(ctx, () => importChangeTableFile(db, CLI_ACTOR, f));
    }
  },
  'geo import-merges': {
    usage: '<merges.json> [--effective YYYY-MM-DD] [--legal-basis TEXT] [--skip-unknown]',
    summary: 'import the nationwide DV25 new → old mapping of the 2025 reform',
    options: { effective: { type: 'string' }, 'legal-basis': { type: 'string' }, 'skip-unknown': { type: 'boolean' } },
    run: async (ctx) => {
      const f = file(ctx);
      const effective = date(ctx, 'effective', '2025-07-01');
      const legalBasis = (ctx.options['legal-basis'] as string | undefined) ?? 'Nghị quyết 1654–1687/NQ-UBTVQH15';
      const db = await ctx.db();
      return timed(ctx, () =>
        importMergesFile(db, CLI_ACTOR, f, effective, legalBasis, { skipUnknown: ctx.options['skip-unknown'] === true })
      );
    }
  },
  'geo import-geojson': {
    usage: '<file.geojson | folder> [--at YYYY-MM-DD]',
    summary: 'attach commune polygons (TLQ GeoJSON) to the units valid on a date',
    options: { at: { type: 'string' } },
    run: async (ctx) => {
      const f = file(ctx);
      const at = date(ctx, 'at', '2025-07-01');
      const db = await ctx.db();
      return timed(ctx, () => importGeoJsonPath(db, CLI_ACTOR, f, at));
    }
  }
};
