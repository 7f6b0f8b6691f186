/**
 * Nothing typed is lost when a session expires mid-form: the post is kept as a draft (for an
 * hour, without passwords or files), the user signs in again, and the form comes back filled.
 * A draft belongs to the browser that posted it: that browser alone gets a signed cookie naming
 * the draft, the draft opens only with that cookie and only once. Anyone can post with a stale
 * or made-up session cookie, so drafts are bounded: a form bigger than MAX_DRAFT_BYTES is not
 * kept, and past MAX_LIVE_DRAFTS nothing new is kept until older drafts expire.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import type { Db } from '$lib/server/db';
import { config } from '$lib/server/config';
import { newId, nowIso } from '$lib/server/db/ids';
import * as repo from './draft.repository';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

export const DRAFT_COOKIE = 'cs_draft';
const TTL_MS = 60 * 60 * 1000;
/** Forms people type by hand are a few kilobytes; a bigger post is not worth keeping. */
export const MAX_DRAFT_BYTES = 64 * 1024;
export const MAX_LIVE_DRAFTS = 1000;
const SECRET_FIELD = /password|token|secret/i;

export function draftableFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && !SECRET_FIELD.test(key) && !(key in out)) out[key] = value;
  }
  return out;
}

const since = () => new Date(Date.now() - TTL_MS).toISOString();
const signature = (id: string) =>
  createHmac('sha256', config.APP_SECRET).update(`form-draft:${id}`).digest('base64url');

/** The cookie value that proves a browser was given draft `id`. */
export const draftToken = (id: string): string => `${id}.${signature(id)}`;

/** The draft id a cookie value names, or null unless its signature is ours. */
export function draftIdOf(token: string | undefined): string | null {
  const [id, sig] = (token ?? '').split('.');
  if (!id || !sig) return null;
  const want = Buffer.from(signature(id));
  const got = Buffer.from(sig);
  return got.length === want.length && timingSafeEqual(got, want) ? id : null;
}

/** Keeps the fields as a draft; null (nothing kept) when too big or when too many drafts are live. */
export async function saveDraft(db: Db, path: string, fields: Record<string, string>): Promise<string | null> {
  const json = JSON.stringify(fields);
  if (Buffer.byteLength(json) > MAX_DRAFT_BYTES) return null;
  await repo.deleteDraftsBefore(db, since());
  if ((await repo.countDrafts(db)) >= MAX_LIVE_DRAFTS) return null;
  const id = newId();
  await repo.insertDraft(db, { id, path, fields_json: json, created_at: nowIso() });
  return id;
}

/**
 * The draft for this page, if the browser's cookie names it (and the link asks for it); it is
 * removed as it is read, so it fills the form once and nobody can open it afterwards.
 */
export async function takeDraft(
  db: Db,
  token: string | undefined,
  wanted: string,
  path: string
): Promise<Record<string, string> | null> {
  const id = draftIdOf(token);
  if (!id || id !== wanted) return null;
  const row = await repo.findDraft(db, id, path, since());
  if (!row) return null;
  await repo.deleteDraft(db, id);
  return JSON.parse(row.fields_json) as Record<string, string>;
}

/**
 * A signed-in form posted after the session expired: keep what was typed, give this browser
 * the draft's cookie and return the form's URL with the draft for the sign-in page to return
 * to (or the bare URL when nothing was kept).
 */
export async function saveExpiredForm(
  event: { locals: App.Locals; url: URL; cookies: Cookies },
  form: FormData
): Promise<{ url: URL; setCookie: string | null }> {
  const path = deLocalizeUrl(event.url).pathname;
  const id = await saveDraft(event.locals.db, path, draftableFields(form));
  const url = new URL(event.url);
  url.search = '';
  if (!id) return { url, setCookie: null };
  url.search = `?draft=${id}`;
  const options = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    maxAge: TTL_MS / 1000,
    secure: event.url.protocol === 'https:'
  };
  event.cookies.set(DRAFT_COOKIE, draftToken(id), options);
  // A response a hook builds itself does not carry event.cookies; it sends this header.
  return { url, setCookie: event.cookies.serialize(DRAFT_COOKIE, draftToken(id), options) };
}
