import { error } from '@sveltejs/kit';
import { validate } from '$lib/server/forms';
import { unitQuerySchema } from '$lib/server/geo/unit.schema';
import {
  childrenOf,
  endingsOf,
  getUnit,
  parentAt,
  predecessorsOf,
  successorsOf,
  toDto,
  type UnitRow
} from '$lib/server/geo/unit.service';
import { todayVn } from '$lib/shared/format';
import type { PageServerLoad } from './$types';

/** Without a date: today if the unit is valid today, else its last valid day (or first, if future). */
function defaultDate(unit: UnitRow): string {
  const today = todayVn();
  if (unit.valid_from > today) return unit.valid_from;
  if (unit.valid_to && unit.valid_to <= today) {
    const d = new Date(unit.valid_to + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  }
  return today;
}

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const unit = await getUnit(locals.db, params.id);
  if (!unit) error(404, 'Not found');
  const raw = url.searchParams.get('at') ?? '';
  const parsed = validate(unitQuerySchema.pick({ at: true }), { at: raw || defaultDate(unit) });
  const at = parsed.ok ? parsed.data.at : defaultDate(unit);
  const [parent, children, predecessors, successors, endings] = await Promise.all([
    parentAt(locals.db, unit, at),
    childrenOf(locals.db, unit.id, at),
    predecessorsOf(locals.db, unit.id),
    successorsOf(locals.db, unit.id),
    endingsOf(locals.db, unit.id)
  ]);
  const brief = (u: UnitRow) => ({
    id: u.id,
    code: u.code,
    type: u.type,
    full_name: u.full_name,
    valid_from: u.valid_from,
    valid_to: u.valid_to
  });
  return {
    unit: toDto(unit),
    at,
    values: { at: parsed.ok ? at : raw },
    errors: parsed.ok ? ({} as Record<string, string>) : parsed.errors,
    parent: parent ? brief(parent) : null,
    children: children.map(brief),
    predecessors: predecessors.map((h) => ({ ...h, unit: brief(h.unit) })),
    successors: successors.map((h) => ({ ...h, unit: brief(h.unit) })),
    endings: endings.map((e) => ({ effective_date: e.effective_date, legal_basis: e.legal_basis }))
  };
};
