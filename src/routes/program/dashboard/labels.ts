/** Small display helpers of the dashboard (client and server alike). */
import { getLocale } from '$lib/paraglide/runtime';
import type { DashboardQuery } from '$lib/shared/program/dashboard';

export const indicatorName = (i: { name_vi: string; name_en: string }) =>
  getLocale() === 'en' ? i.name_en : i.name_vi;

/** 'YYYY-MM' → 'mm/yyyy' */
export const monthLabel = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

/** The dashboard URL for `q` with `over` applied (keeps every other choice). */
export function dashboardHref(q: DashboardQuery, over: Partial<DashboardQuery> = {}): string {
  const v = { ...q, ...over };
  const p = new URLSearchParams();
  if (v.org) p.set('org', v.org);
  p.set('from', v.from);
  p.set('to', v.to);
  p.set('as_of', v.asOf);
  if (v.indicator) p.set('ind', v.indicator);
  p.set('sort', v.sort);
  p.set('dir', v.dir);
  return `/program/dashboard?${p}`;
}
