/**
 * The places the public pages are about: the deployment's province and today's communes,
 * each commune with a readable address (/xa/tan-uyen-03130: its name, then its official code,
 * which keeps the address unique and stable when two communes share a name).
 */
import type { Db } from '$lib/server/db';
import { notFound } from '$lib/server/errors';
import { todayVn } from '$lib/shared/format';
import { fold } from '$lib/shared/text';
import * as repo from './public-place.repository';

export interface Place {
  id: string;
  code: string | null;
  name: string;
  fullName: string;
  slug: string;
}

/** "Tân Uyên", "03130" → "tan-uyen-03130". */
export function communeSlug(name: string, code: string | null): string {
  const words = fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return code ? `${words}-${code}` : words;
}

type Row = Awaited<ReturnType<typeof repo.communesOn>>[number];
const toPlace = (u: Row): Place => ({
  id: u.id,
  code: u.code,
  name: u.name,
  fullName: u.full_name,
  slug: communeSlug(u.name, u.code)
});

/** The province the home page speaks for (the first one in force) and its communes. */
export async function homePlace(db: Db) {
  const today = todayVn();
  const provinces = await repo.provincesOn(db, today);
  const communes = await repo.communesOn(
    db,
    provinces.map((p) => p.id),
    today
  );
  return { province: provinces[0] ? toPlace(provinces[0]) : null, communes: communes.map(toPlace) };
}

/** A commune by its address; `canonical` differs when the name part is stale or mistyped. */
export async function communeBySlug(db: Db, slug: string) {
  const code = /-(\d{3,6})$/.exec(slug)?.[1];
  if (!code) throw notFound();
  const unit = await repo.communeByCode(db, code, todayVn());
  if (!unit) throw notFound();
  const place = toPlace(unit);
  return { commune: place, canonical: place.slug };
}
