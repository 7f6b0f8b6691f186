/**
 * The library as the public reads it: the list with topic, language and kind filters, one
 * material with its texts and audio (duration, size, download), how often it was used in
 * outreach sessions and in which communes, and the recorded reading of a public page.
 */
import type { Db } from '$lib/server/db';
import { notFound } from '$lib/server/errors';
import { compareVi } from '$lib/shared/text';
import type { Language } from '$lib/shared/library/library';
import { readLibraryFile } from './audio';
import * as repo from './library.repository';
import type { LibraryFilter } from './library.schema';

export const audioUrl = (textId: string) => `/tai-lieu/nghe/${textId}`;
const LIST_SIZE = 100;

type TextRow = Awaited<ReturnType<typeof repo.textsOf>>[number];
type UseRow = Awaited<ReturnType<typeof repo.usesOf>>[number];

const publicText = (t: TextRow) => ({
  id: t.id,
  language: t.language as Language,
  languageName: t.language_name,
  title: t.title,
  body: t.body,
  audio: t.audio_path ? { url: audioUrl(t.id), ms: t.audio_ms ?? 0, bytes: t.audio_bytes ?? 0 } : null
});

/**
 * Uses counted per commune (a village's session counts for its commune), most used first, ties
 * in the same Vietnamese order as every other list of places.
 */
export function usageByPlace(uses: UseRow[]) {
  const places = new Map<string, { name: string; count: number }>();
  for (const u of uses) {
    const village = u.level === 'village' && u.parent_id;
    const key = village ? u.parent_id! : u.unit_id;
    const name = village ? (u.parent_name ?? '') : u.unit_name;
    const p = places.get(key) ?? { name, count: 0 };
    p.count += 1;
    places.set(key, p);
  }
  return [...places.values()].sort((a, b) => b.count - a.count || compareVi(a.name, b.name));
}

async function assemble(db: Db, rows: Awaited<ReturnType<typeof repo.listPublicMaterials>>) {
  const ids = rows.map((r) => r.id);
  const [texts, topics, uses] = await Promise.all([
    repo.textsOf(db, ids),
    repo.topicsOf(db, ids),
    repo.usesOf(db, ids)
  ]);
  return rows.map((r) => {
    const own = texts.filter((t) => t.material_id === r.id).map(publicText);
    const used = uses.filter((u) => u.material_id === r.id);
    const main = own.find((t) => t.language === 'vi') ?? own[0];
    return {
      id: r.id,
      slug: r.slug,
      kind: r.kind,
      title: main?.title ?? '',
      texts: own,
      topics: topics.filter((t) => t.material_id === r.id).map((t) => ({ id: t.id, vi: t.name_vi, en: t.name_en })),
      uses: used.length,
      places: usageByPlace(used)
    };
  });
}

export type PublicMaterial = Awaited<ReturnType<typeof assemble>>[number];

export async function listLibrary(db: Db, filter: LibraryFilter) {
  const [rows, topics] = await Promise.all([repo.listPublicMaterials(db, filter, LIST_SIZE), repo.activeTopics(db)]);
  return { materials: await assemble(db, rows), topics };
}

export async function publicMaterial(db: Db, slug: string): Promise<PublicMaterial> {
  const row = await repo.findPublicMaterial(db, slug);
  if (!row) throw notFound();
  const [material] = await assemble(db, [row]);
  return material;
}

/** The public MP3 of a text; anything else (no audio, material withdrawn) is a 404. */
export async function publicAudioFile(db: Db, textId: string) {
  const row = await repo.publicAudio(db, textId);
  if (!row?.audio_path) throw notFound();
  return { bytes: await readLibraryFile(row.audio_path), name: `${row.slug}-${row.language}.mp3` };
}

/** The recorded reading tied to a public page, in Vietnamese; null when none was recorded. */
export async function pageReading(db: Db, pageKey: string) {
  const row = await repo.pageAudio(db, pageKey, 'vi');
  return row ? { url: audioUrl(row.id), ms: row.audio_ms ?? 0, bytes: row.audio_bytes ?? 0 } : null;
}

export const materialChoices = (db: Db) => repo.materialChoices(db);
