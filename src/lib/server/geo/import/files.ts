/**
 * File entry points shared by the CLI and tests: read, parse (collecting every bad record),
 * then run the import service. Throws ImportError without touching the database when the
 * file itself is bad.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { ImportError, throwIfIssues } from './issues';
import { parseTlqUnits } from './tlq';
import { importUnits, type UnitImportOptions } from './units.import';
import { parseCsv } from './csv';
import { planFromChangeTable, planFromMerges } from './mapping';
import { importMerges, type MergeOptions } from './merges.import';
import { parseGeoJson, type GeometryRecord } from './geojson';
import { importGeometries } from './geometry.import';

async function readJson(file: string): Promise<unknown> {
  const text = await fs.readFile(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ImportError([{ where: file, message: `not valid JSON: ${(e as Error).message}` }]);
  }
}

export async function importUnitsFile(db: Db, actor: Actor, file: string, o: Omit<UnitImportOptions, 'source'>) {
  const { records, issues } = parseTlqUnits(await readJson(file));
  throwIfIssues(issues);
  return importUnits(db, actor, records, { ...o, source: `tlq:${path.basename(file)}` });
}

export async function importChangeTableFile(db: Db, actor: Actor, file: string) {
  const { header, records } = parseCsv(await fs.readFile(file, 'utf8'));
  const { plan, issues } = planFromChangeTable(header, records);
  throwIfIssues(issues);
  return importMerges(db, actor, plan!);
}

export async function importMergesFile(
  db: Db,
  actor: Actor,
  file: string,
  effectiveDate: string,
  legalBasis: string | null,
  options: MergeOptions = {}
) {
  const { plan, issues } = planFromMerges(await readJson(file), effectiveDate, legalBasis);
  throwIfIssues(issues);
  return importMerges(db, actor, plan!, options);
}

/** One .geojson file, or every .geojson file in a folder (not recursive). */
export async function importGeoJsonPath(db: Db, actor: Actor, target: string, at: string) {
  const stat = await fs.stat(target);
  const files = stat.isDirectory()
    ? (await fs.readdir(target))
        .filter((f) => f.endsWith('.geojson'))
        .sort()
        .map((f) => path.join(target, f))
    : [target];
  const records: GeometryRecord[] = [];
  const issues = [];
  for (const file of files) {
    const parsed = parseGeoJson(await readJson(file), path.basename(file));
    records.push(...parsed.records);
    issues.push(...parsed.issues);
  }
  throwIfIssues(issues);
  return importGeometries(db, actor, records, at, `geojson:${path.basename(target)}`);
}
