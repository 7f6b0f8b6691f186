/**
 * The queue's search as it travels in the URL (so it survives paging, reloads and sharing a
 * link with a colleague): category, commune (or unplaced), words, received from/to (dd/mm/yyyy or ISO), page.
 * Nothing here can be a receipt code: the words search descriptions and short references only.
 */
import { parseDate } from '$lib/shared/format';
import type { QueueSearch } from './queue.repository';

const ID = /^[\w-]{1,64}$/;

/** The commune choice for reports no commune could be derived for ("Chưa xác định xã"). */
export const UNPLACED = 'unplaced';

/** Start of the Vietnamese day (UTC+7) as a UTC instant, the form created_at is stored in. */
const dayStart = (iso: string, plusDays = 0) =>
  new Date(new Date(`${iso}T00:00:00+07:00`).getTime() + plusDays * 86_400_000).toISOString();

export function readSearch(p: URLSearchParams) {
  const get = (k: string) => (p.get(k) ?? '').trim().slice(0, 100);
  const values = { category: get('category'), commune: get('commune'), q: get('q'), from: get('from'), to: get('to') };
  const from = values.from ? parseDate(values.from) : null;
  const to = values.to ? parseDate(values.to) : null;
  const search: QueueSearch = {
    categoryId: ID.test(values.category) ? values.category : undefined,
    communeUnitId: ID.test(values.commune) && values.commune !== UNPLACED ? values.commune : undefined,
    unplaced: values.commune === UNPLACED || undefined,
    text: values.q || undefined,
    receivedFrom: from ? dayStart(from) : undefined,
    receivedBefore: to ? dayStart(to, 1) : undefined
  };
  const page = Math.min(Math.max(Number.parseInt(p.get('page') ?? '1', 10) || 1, 1), 1000);
  return { search, values, page };
}
