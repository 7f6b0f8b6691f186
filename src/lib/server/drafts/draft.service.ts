/**
 * Nothing typed is lost when a session expires mid-form: the post is kept as a draft (for an
 * hour, without passwords or files), the user signs in again, and the form comes back filled.
 * The draft id is a random UUID that only the user's own browser receives.
 */
import type { Db } from '$lib/server/db';
import { newId, nowIso } from '$lib/server/db/ids';
import * as repo from './draft.repository';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

const TTL_MS = 60 * 60 * 1000;
const SECRET_FIELD = /password|token|secret/i;

export function draftableFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && !SECRET_FIELD.test(key) && !(key in out)) out[key] = value;
  }
  return out;
}

export async function saveDraft(db: Db, path: string, fields: Record<string, string>): Promise<string> {
  const id = newId();
  await repo.deleteDraftsBefore(db, new Date(Date.now() - TTL_MS).toISOString());
  await repo.insertDraft(db, { id, path, fields_json: JSON.stringify(fields), created_at: nowIso() });
  return id;
}

export async function loadDraft(db: Db, id: string, path: string): Promise<Record<string, string> | null> {
  const row = await repo.findDraft(db, id, path, new Date(Date.now() - TTL_MS).toISOString());
  return row ? (JSON.parse(row.fields_json) as Record<string, string>) : null;
}

/**
 * A signed-in form posted after the session expired: keep what was typed and give back the
 * form's URL with the draft, for the sign-in page to return to.
 */
export async function saveExpiredForm(event: { locals: App.Locals; url: URL }, form: FormData): Promise<{ url: URL }> {
  const path = deLocalizeUrl(event.url).pathname;
  const id = await saveDraft(event.locals.db, path, draftableFields(form));
  const url = new URL(event.url);
  url.search = `?draft=${id}`;
  return { url };
}
