/**
 * The dashboard's URL: ?org=&from=&to=&as_of=&ind=&sort=&dir=. A dashboard never fails on a
 * bad parameter: each one that does not parse falls back to its default (and is reported, so
 * the page can say so).
 */
import type { DashboardQuery } from '$lib/shared/program/dashboard';
import { z } from 'zod';
import { parseDate, todayVn } from '$lib/shared/format';
import { COMPUTED_INDICATORS } from '$lib/shared/program/kinds';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export type { DashboardQuery };

export function parseDashboardQuery(
  params: URLSearchParams,
  today = todayVn()
): { query: DashboardQuery; invalid: string[] } {
  const invalid: string[] = [];
  const get = (k: string) => params.get(k)?.trim() || null;
  const pick = <T>(k: string, ok: (v: string) => T | null, fallback: T): T => {
    const v = get(k);
    if (v === null) return fallback;
    const parsed = ok(v);
    if (parsed === null) invalid.push(k);
    return parsed ?? fallback;
  };
  const asOf = pick('as_of', parseDate, today);
  const year = asOf.slice(0, 4);
  let from = pick('from', (v) => (month.safeParse(v).success ? v : null), `${year}-01`);
  let to = pick('to', (v) => (month.safeParse(v).success ? v : null), `${year}-12`);
  if (from > to) [from, to] = [to, from];
  const indicator = pick('ind', (v) => ((COMPUTED_INDICATORS as readonly string[]).includes(v) ? v : null), null);
  const sort = pick(
    'sort',
    (v) => (v === 'name' || (COMPUTED_INDICATORS as readonly string[]).includes(v) ? v : null),
    'name'
  );
  const dir = pick('dir', (v) => (v === 'asc' || v === 'desc' ? v : null), sort === 'name' ? 'asc' : 'desc') as
    'asc' | 'desc';
  return { query: { org: get('org'), from, to, asOf, indicator, sort, dir }, invalid };
}

/** Every 'YYYY-MM' from `from` to `to`, at most 60 of them. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  while (out.length < 60) {
    const cur = `${y}-${String(m).padStart(2, '0')}`;
    if (cur > to) break;
    out.push(cur);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  return out;
}

/** The first day after month `to`, 'YYYY-MM-DD'. */
export function dayAfter(to: string): string {
  const [y, m] = to.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
