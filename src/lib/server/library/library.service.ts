/**
 * Officers keep the outreach library: create a material with its first text, change its kind,
 * topics and the page it reads, add or replace a text in another language, each with audio
 * re-encoded for the loudspeaker. Every change is audited. Audio is encoded before the
 * transaction (ffmpeg takes seconds), so the database is never held while it runs.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { inScope, requireAction, scopeRoots, scopeSubquery } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { ownsFiles } from '$lib/server/db/owned-files';
import type { MaterialTextTable } from '$lib/server/db/schema';
import { newsSlug } from '$lib/server/news/news.service';
import { encodeAudio, readLibraryFile, storeAudio, ENCODED } from './audio';
import * as repo from './library.repository';
import type { MaterialInput, TextInput } from './library.schema';
import { WRITE_LIBRARY } from './library.policy';

const invalid = (field: string, key: string) => new AppError('VALIDATION', key, { field });

async function checkMaterial(db: Db, actor: Actor, input: MaterialInput): Promise<void> {
  if (!(await inScope(db, actor, WRITE_LIBRARY, input.organisation_id)))
    throw invalid('organisation_id', 'program_err_organisation');
  if ((await repo.countTopics(db, input.topics)) !== input.topics.length) throw invalid('topics', 'program_err_topic');
}

/** The audio columns of a text, after the upload is checked, re-encoded and stored. */
async function audioColumns(bytes: Uint8Array | null, fileId: string) {
  if (!bytes) return {};
  const encoded = await encodeAudio(Buffer.from(bytes));
  const { publicPath, privatePath } = await storeAudio(fileId, encoded);
  return {
    audio_path: publicPath,
    audio_mime: ENCODED.mime,
    audio_bytes: encoded.encoded.length,
    audio_ms: encoded.ms,
    original_path: privatePath,
    original_mime: encoded.originalMime,
    original_bytes: encoded.original.length
  };
}

type Audio = Awaited<ReturnType<typeof audioColumns>>;

async function writeText(tx: Db, actor: Actor, materialId: string, input: TextInput, audio: Audio, now: string) {
  const existing = await repo.findText(tx, materialId, input.language, input.language_name);
  const fields = { title: input.title, body: input.body, ...audio, updated_by: actor.accountId, updated_at: now };
  if (existing) {
    await repo.updateText(tx, existing.id, fields);
    return existing.id;
  }
  const row: MaterialTextTable = {
    id: newId(),
    material_id: materialId,
    language: input.language,
    language_name: input.language_name,
    audio_path: null,
    audio_mime: null,
    audio_bytes: null,
    audio_ms: null,
    original_path: null,
    original_mime: null,
    original_bytes: null,
    ...fields
  };
  await repo.insertText(tx, row);
  return row.id;
}

export const createMaterial = ownsFiles(async function createMaterial(
  db: Db,
  actor: Actor,
  input: MaterialInput & TextInput,
  audio: Uint8Array | null
): Promise<string> {
  requireAction(actor, WRITE_LIBRARY);
  await checkMaterial(db, actor, input);
  const id = newId();
  const now = nowIso();
  const sound = await audioColumns(audio, newId());
  await db.transaction().execute(async (tx) => {
    if (input.page_key) await repo.releasePage(tx, input.page_key, id);
    await repo.insertMaterial(tx, {
      id,
      slug: newsSlug(input.title, id),
      kind: input.kind,
      organisation_id: input.organisation_id,
      page_key: input.page_key,
      is_public: 1,
      created_by: actor.accountId,
      created_at: now,
      updated_at: now
    });
    await repo.setTopics(tx, id, input.topics);
    await writeText(tx, actor, id, input, sound, now);
    await audit(tx, actor, {
      action: 'create',
      entityType: 'material',
      entityId: id,
      organisationId: input.organisation_id,
      after: { kind: input.kind, title: input.title, language: input.language, audio_ms: sound.audio_ms ?? null }
    });
  });
  return id;
});

async function writable(db: Db, actor: Actor, id: string) {
  requireAction(actor, WRITE_LIBRARY);
  const row = await repo.findMaterialInScope(db, id, scopeSubquery(db, actor, WRITE_LIBRARY));
  if (!row) throw notFound();
  return row;
}

export async function updateMaterial(db: Db, actor: Actor, id: string, input: MaterialInput): Promise<void> {
  const before = await writable(db, actor, id);
  await checkMaterial(db, actor, input);
  const patch = {
    kind: input.kind,
    page_key: input.page_key,
    organisation_id: input.organisation_id,
    updated_at: nowIso()
  };
  await db.transaction().execute(async (tx) => {
    if (input.page_key) await repo.releasePage(tx, input.page_key, id);
    await repo.updateMaterial(tx, id, patch);
    await repo.setTopics(tx, id, input.topics);
    await audit(tx, actor, {
      action: 'update',
      entityType: 'material',
      entityId: id,
      organisationId: before.organisation_id,
      before: { kind: before.kind, page_key: before.page_key },
      after: { kind: patch.kind, page_key: patch.page_key, topics: input.topics }
    });
  });
}

/** Add the text in a language, or replace it (keeping its audio unless a new one is posted). */
export const saveText = ownsFiles(async function saveText(
  db: Db,
  actor: Actor,
  id: string,
  input: TextInput,
  audio: Uint8Array | null
) {
  const material = await writable(db, actor, id);
  const now = nowIso();
  const sound = await audioColumns(audio, newId());
  await db.transaction().execute(async (tx) => {
    const textId = await writeText(tx, actor, id, input, sound, now);
    await repo.updateMaterial(tx, id, { updated_at: now });
    await audit(tx, actor, {
      action: 'update',
      entityType: 'material_text',
      entityId: textId,
      organisationId: material.organisation_id,
      after: { language: input.language, title: input.title, audio_ms: sound.audio_ms ?? null }
    });
  });
});

export async function materialForEdit(db: Db, actor: Actor, id: string) {
  const material = await writable(db, actor, id);
  const [texts, topics] = await Promise.all([repo.textsOf(db, [id]), repo.topicsOf(db, [id])]);
  return { material, texts, topics: topics.map((t) => t.id) };
}

export async function listMaterialsForOfficer(db: Db, actor: Actor, limit = 100) {
  requireAction(actor, WRITE_LIBRARY);
  const rows = await repo.listMaterialsInScope(db, scopeSubquery(db, actor, WRITE_LIBRARY), limit);
  const texts = await repo.textsOf(
    db,
    rows.map((r) => r.id)
  );
  return rows.map((r) => ({ ...r, texts: texts.filter((t) => t.material_id === r.id) }));
}

/** The private original of a text's audio, for an officer in scope. */
export async function originalAudioFile(db: Db, actor: Actor, textId: string) {
  requireAction(actor, WRITE_LIBRARY);
  const row = await repo.originalAudio(db, textId, scopeSubquery(db, actor, WRITE_LIBRARY));
  if (!row?.original_path) throw notFound();
  const ext = row.original_path.split('.').pop();
  return {
    bytes: await readLibraryFile(row.original_path),
    mime: row.original_mime ?? 'application/octet-stream',
    name: `${row.slug}-${row.language}-goc.${ext}`
  };
}

/** What the library forms offer: the topics and the associations the officer keeps material for. */
export async function libraryFormOptions(db: Db, actor: Actor) {
  requireAction(actor, WRITE_LIBRARY);
  const [topics, organisations] = await Promise.all([
    repo.activeTopics(db),
    repo.organisationNames(db, scopeRoots(actor, WRITE_LIBRARY))
  ]);
  return { topics, organisations };
}
