/**
 * Bulk import of a branch's member list: upload → map columns → preview (each row's fate,
 * villages to create or map) → confirm. The file is kept server-side between steps (bound to
 * the account, expiring), so the flow works without JavaScript and without uploading twice.
 * Confirm writes the chosen rows in one transaction, or nothing.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { AppError, notFound } from '$lib/server/errors';
import { inScope, requireAction } from '$lib/server/access/access';
import { newId, nowIso } from '$lib/server/db/ids';
import * as repo from './person.repository';
import * as uploads from './import.repository';
import { communeOf, villagesFor } from './person.service';
import { readSheet, SheetError, type Sheet } from './import/xlsx';
import { guessMapping, mappingErrors, type Mapping } from './import/mapping';
import { validateRows, type RowProblem, type RowVerdict, type VillageDecision } from './import/rows';
import { writeRows } from './import/commit';
import { badRowsWorkbook } from './import/bad-rows';

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
const TTL_MS = 6 * 60 * 60 * 1000;

const REFUSED: Record<string, string> = {
  too_large: 'shell_import_err_too_large',
  too_many_rows: 'shell_import_err_too_large',
  too_many_columns: 'shell_import_err_too_large',
  no_header: 'shell_import_err_no_header'
};

export async function parseMemberList(bytes: Uint8Array): Promise<Sheet> {
  try {
    return await readSheet(bytes);
  } catch (e) {
    if (e instanceof SheetError)
      throw new AppError('VALIDATION', REFUSED[e.reason] ?? 'people_import_err_file', { field: 'file' });
    throw e;
  }
}

export async function uploadMemberList(
  db: Db,
  actor: Actor,
  input: { organisationId: string; fileName: string; bytes: Uint8Array }
): Promise<string> {
  requireAction(actor, 'person.write');
  if (!(await inScope(db, actor, 'person.write', input.organisationId)))
    throw new AppError('VALIDATION', 'people_err_organisation', { field: 'organisation_id' });
  if (!input.bytes.byteLength) throw new AppError('VALIDATION', 'err_required', { field: 'file' });
  if (input.bytes.byteLength > MAX_UPLOAD_BYTES)
    throw new AppError('VALIDATION', 'people_import_err_size', { field: 'file' });
  await parseMemberList(input.bytes); // reject unreadable files now, not three steps later
  const now = new Date();
  const id = newId();
  await uploads.deleteExpiredUploads(db, now.toISOString());
  await uploads.insertUpload(db, {
    id,
    account_id: actor.accountId!,
    organisation_id: input.organisationId,
    file_name: input.fileName.slice(0, 200),
    content_base64: Buffer.from(input.bytes).toString('base64'),
    mapping_json: null,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + TTL_MS).toISOString()
  });
  return id;
}

interface Stored {
  columns: Mapping;
  villages: Record<string, VillageDecision>;
}

function readStored(json: string | null): Stored | null {
  if (!json) return null;
  const v = JSON.parse(json) as Partial<Stored> & Partial<Mapping>;
  // Uploads saved before village choices existed hold the bare column mapping.
  if (!v.columns) return { columns: v as Mapping, villages: {} };
  return { columns: v.columns, villages: v.villages ?? {} };
}

/** The stored upload, its sheet and the mapping to show (stored, else guessed). */
export async function openUpload(db: Db, actor: Actor, id: string) {
  if (!actor.accountId) throw notFound();
  const upload = await uploads.findUpload(db, id, actor.accountId, nowIso());
  if (!upload || !(await inScope(db, actor, 'person.write', upload.organisation_id))) throw notFound();
  const sheet = await parseMemberList(Buffer.from(upload.content_base64, 'base64'));
  const stored = readStored(upload.mapping_json);
  const organisation = await repo.findOrganisation(db, upload.organisation_id);
  return {
    upload: {
      id: upload.id,
      file_name: upload.file_name,
      organisation_id: upload.organisation_id,
      organisation_name: organisation?.name ?? ''
    },
    sheet,
    mapping: stored?.columns ?? guessMapping(sheet.headers),
    villageDecisions: stored?.villages ?? {},
    hasMapping: !!stored
  };
}

const MAPPING_MESSAGE = {
  required: 'people_import_err_mapping_required',
  duplicate: 'people_import_err_mapping_duplicate'
};

/** Stores the column mapping; a required field left out or a column used twice is refused per field (`map_<field>`). */
export async function saveMapping(db: Db, actor: Actor, id: string, mapping: Mapping): Promise<void> {
  const opened = await openUpload(db, actor, id);
  const errors = Object.entries(mappingErrors(mapping));
  if (errors.length)
    throw new AppError('VALIDATION', 'people_import_err_mapping', {
      fields: Object.fromEntries(errors.map(([f, kind]) => [`map_${f}`, MAPPING_MESSAGE[kind]]))
    });
  const stored: Stored = { columns: mapping, villages: opened.villageDecisions };
  await uploads.setUploadMapping(db, id, JSON.stringify(stored));
}

/** The officer's choices for villages the registry lacks: create under the commune, or map to one it has. */
export async function saveVillageDecisions(db: Db, actor: Actor, id: string, decisions: Record<string, string>) {
  const opened = await openUpload(db, actor, id);
  if (!opened.hasMapping) throw new AppError('CONFLICT', 'people_import_err_no_mapping');
  const known = new Set((await villagesFor(db, opened.upload.organisation_id)).map((v) => v.id));
  const villages: Record<string, VillageDecision> = { ...opened.villageDecisions };
  for (const [key, choice] of Object.entries(decisions)) {
    if (choice === 'create') villages[key] = { kind: 'create' };
    else if (known.has(choice)) villages[key] = { kind: 'map', unitId: choice };
    else if (!choice) delete villages[key];
    else throw new AppError('VALIDATION', 'people_err_village', { field: `village_${key}` });
  }
  await uploads.setUploadMapping(db, id, JSON.stringify({ columns: opened.mapping, villages }));
}

/** Every row's fate against the keeper's villages, existing card numbers and existing people. */
export async function analyseRows(
  db: Db,
  organisationId: string,
  sheet: Sheet,
  mapping: Mapping,
  villageDecisions: Record<string, VillageDecision>
) {
  const villages = await villagesFor(db, organisationId);
  const col = mapping.card_number;
  const cards = col === null ? [] : sheet.rows.map((r) => (r.cells[col] ?? '').trim()).filter(Boolean);
  const holders = cards.length ? await uploads.findCardHolders(db, [...new Set(cards)]) : [];
  const result = validateRows(sheet, mapping, {
    villages,
    villageDecisions,
    takenCards: new Map(holders.map((h) => [h.card_number, h.full_name])),
    existing: await uploads.listPeopleKeys(db, organisationId),
    currentYear: new Date().getUTCFullYear()
  });
  const communeId = await communeOf(db, organisationId);
  const commune = communeId ? await repo.findUnit(db, communeId) : undefined;
  return { ...result, villages, communeId, communeName: commune?.full_name ?? null };
}

export async function previewImport(db: Db, actor: Actor, id: string) {
  const opened = await openUpload(db, actor, id);
  if (!opened.hasMapping) throw new AppError('CONFLICT', 'people_import_err_no_mapping');
  const analysis = await analyseRows(
    db,
    opened.upload.organisation_id,
    opened.sheet,
    opened.mapping,
    opened.villageDecisions
  );
  return { ...opened, ...analysis };
}

export class ImportRejected extends AppError {
  constructor(readonly problems: RowProblem[]) {
    super('VALIDATION', 'people_import_err_rows');
  }
}

export interface Choice {
  /** import the ready rows and leave the wrong ones out (else: every row or nothing) */
  onlyGood?: boolean;
  /** Excel rows flagged as possible duplicates that the officer confirmed are new people */
  include?: number[];
}

/** The rows a confirm writes; throws when the choice would leave a wrong row behind unnoticed. */
export function chosenRows(verdicts: RowVerdict[], choice: Choice) {
  const include = new Set(choice.include ?? []);
  const unconfirmed = verdicts
    .filter((v) => v.fate === 'duplicate' && !include.has(v.row))
    .map((v): RowProblem => ({
      row: v.row,
      field: v.duplicate?.reason === 'card' ? 'card_number' : 'full_name',
      key: 'shell_import_dup_unconfirmed'
    }));
  const problems = [...verdicts.flatMap((v) => v.problems), ...unconfirmed];
  if (problems.length && !choice.onlyGood) throw new ImportRejected(problems);
  const rows = verdicts
    .filter((v) => v.fate === 'ok' || v.fate === 'new_village' || (v.fate === 'duplicate' && include.has(v.row)))
    .map((v) => v.person);
  if (!rows.length) throw new AppError('VALIDATION', 'people_import_err_empty');
  return rows;
}

/** Re-checks every row (the database may have changed since the preview), then writes the chosen ones. */
export async function confirmImport(db: Db, actor: Actor, id: string, choice: Choice = {}): Promise<number> {
  const preview = await previewImport(db, actor, id);
  const rows = chosenRows(preview.verdicts, choice);
  await writeRows(
    db,
    actor,
    {
      organisationId: preview.upload.organisation_id,
      communeId: preview.communeId,
      note: `import ${id}`,
      uploadId: id
    },
    rows
  );
  return rows.length;
}

/** The rows a confirm would leave out (wrong, or possible duplicates), as .xlsx with the reason beside each. */
export async function badRows(db: Db, actor: Actor, id: string) {
  const preview = await previewImport(db, actor, id);
  const book = await badRowsWorkbook(preview.sheet.headers, preview.mapping, preview.verdicts);
  return { ...book, fileName: preview.upload.file_name.replace(/\.xlsx$/i, '') + ' - dong chua nhap.xlsx' };
}

/**
 * The same import from a file on the server (the command line): columns guessed, villages
 * the registry lacks created only when asked, every row's verdict returned.
 */
export async function importFile(
  db: Db,
  actor: Actor,
  input: { organisationId: string; bytes: Uint8Array; dryRun: boolean; createVillages: boolean } & Choice
) {
  requireAction(actor, 'person.write');
  const organisation = await repo.findOrganisation(db, input.organisationId);
  if (!organisation || !(await inScope(db, actor, 'person.write', input.organisationId)))
    throw new AppError('VALIDATION', 'people_err_organisation', { field: 'branch' });
  const sheet = await parseMemberList(input.bytes);
  const mapping = guessMapping(sheet.headers);
  const missing = Object.keys(mappingErrors(mapping));
  if (missing.length) throw new AppError('VALIDATION', 'people_import_err_mapping_required', { field: missing[0] });
  let analysis = await analyseRows(db, input.organisationId, sheet, mapping, {});
  if (input.createVillages) {
    const create = Object.fromEntries(analysis.unknownVillages.map((u) => [u.key, { kind: 'create' as const }]));
    analysis = await analyseRows(db, input.organisationId, sheet, mapping, create);
  }
  let imported = 0;
  let rejected = false;
  if (!input.dryRun) {
    try {
      const rows = chosenRows(analysis.verdicts, input);
      const target = { organisationId: input.organisationId, communeId: analysis.communeId, note: 'cli import' };
      await writeRows(db, actor, target, rows);
      imported = rows.length;
    } catch (e) {
      if (!(e instanceof ImportRejected)) throw e;
      rejected = true;
    }
  }
  return { sheet, mapping, ...analysis, imported, rejected };
}
