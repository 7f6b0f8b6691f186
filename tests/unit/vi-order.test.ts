/**
 * In-memory lists of places sort in the same Vietnamese order as the database's sort_key:
 * đ after d, ơ after ô after o, ư after u, tones after letters, and a name with an apostrophe
 * (K'Lăng) where sortKey puts it, not where the runtime's locale rules would.
 */
import { describe, expect, it } from 'vitest';
import { usageByPlace } from '../../src/lib/server/library/library-public.service';
import { sortChildren } from '../../src/lib/server/program/dashboard/dashboard.service';
import { compareVi } from '../../src/lib/shared/text';

const NAMES = ['Xã Ư Ma', 'Xã Đồi', "Xã K'Lăng", 'Xã Ơ Ly', 'Xã Ô Tô', 'Xã Dào', 'Xã Ka Lăng', 'Xã U Ma', 'Xã Khun Há'];
const EXPECTED = [
  'Xã Dào',
  'Xã Đồi',
  'Xã Ka Lăng',
  'Xã Khun Há',
  "Xã K'Lăng",
  'Xã Ô Tô',
  'Xã Ơ Ly',
  'Xã U Ma',
  'Xã Ư Ma'
];

describe('Vietnamese order of places', () => {
  it('the shared order is the one expected', () => {
    expect([...NAMES].sort(compareVi)).toEqual(EXPECTED);
  });

  it('library uses per commune: most used first, ties in Vietnamese order', () => {
    const use = (name: string) => ({
      unit_id: name,
      unit_name: name,
      level: 'commune',
      parent_id: null,
      parent_name: null
    });
    const uses = [...NAMES.map(use), use('Xã Ư Ma')] as unknown as Parameters<typeof usageByPlace>[0];
    expect(usageByPlace(uses).map((p) => p.name)).toEqual(['Xã Ư Ma', ...EXPECTED.filter((n) => n !== 'Xã Ư Ma')]);
  });

  it('dashboard children by name, either way, and ties of a column by name', () => {
    const rows = NAMES.map((name, i) => ({ id: String(i), name, values: { x: name === 'Xã Ơ Ly' ? 5 : 1 } }));
    expect(sortChildren(rows, 'name', 'asc').map((r) => r.name)).toEqual(EXPECTED);
    expect(sortChildren(rows, 'name', 'desc').map((r) => r.name)).toEqual([...EXPECTED].reverse());
    expect(sortChildren(rows, 'x', 'desc').map((r) => r.name)).toEqual([
      'Xã Ơ Ly',
      ...EXPECTED.filter((n) => n !== 'Xã Ơ Ly')
    ]);
  });
});
