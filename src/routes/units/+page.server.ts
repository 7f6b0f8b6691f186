import { validate } from '$lib/server/forms';
import { unitQuerySchema } from '$lib/server/geo/unit.schema';
import { listUnits } from '$lib/server/geo/unit.service';
import { todayVn } from '$lib/shared/format';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 25;

export const load: PageServerLoad = async ({ url, locals }) => {
  const values = {
    at: url.searchParams.get('at') ?? '',
    level: url.searchParams.get('level') ?? '',
    q: url.searchParams.get('q') ?? ''
  };
  const page = Math.max(1, Math.min(10_000, Math.trunc(Number(url.searchParams.get('page'))) || 1));
  const parsed = validate(unitQuerySchema, {
    ...values,
    limit: String(PAGE_SIZE),
    offset: String((page - 1) * PAGE_SIZE)
  });
  if (!parsed.ok) return { values, errors: parsed.errors, at: null, items: [], total: 0, page: 1, pages: 0 };
  const { items, total } = await listUnits(locals.db, parsed.data);
  return {
    values: { ...values, at: parsed.data.at },
    errors: {} as Record<string, string>,
    at: parsed.data.at,
    today: todayVn(),
    items: items.map((u) => ({
      id: u.id,
      code: u.code,
      level: u.level,
      type: u.type,
      full_name: u.full_name,
      parent_name: u.parent_name,
      valid_from: u.valid_from,
      valid_to: u.valid_to
    })),
    total,
    page,
    pages: Math.ceil(total / PAGE_SIZE)
  };
};
