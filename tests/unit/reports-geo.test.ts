import { describe, expect, it } from 'vitest';
import { boundingBox, haversineMeters, roundToGrid, suggestDuplicates } from '../../src/lib/shared/reports/geo';
import { rankRoutes } from '../../src/lib/server/reports/routing';

// Lai Châu city centre, roughly.
const LAT = 22.3964;
const LON = 103.4582;
const north = (m: number) => LAT + m / 111_320;

describe('distances and public rounding', () => {
  it('measures metres', () => {
    expect(haversineMeters(LAT, LON, LAT, LON)).toBe(0);
    expect(haversineMeters(LAT, LON, north(500), LON)).toBeGreaterThan(495);
    expect(haversineMeters(LAT, LON, north(500), LON)).toBeLessThan(505);
    expect(haversineMeters(0, 0, 1, 0)).toBeCloseTo(111_195, -1); // one degree of latitude
  });

  it('snaps to a ~500 m grid: stable inside a cell, within ~355 m of the point', () => {
    const a = roundToGrid(LAT, LON);
    expect(haversineMeters(LAT, LON, a.lat, a.lon)).toBeLessThan(360);
    expect(a).not.toEqual({ lat: LAT, lon: LON });
    // Every point in a cell publishes the same location.
    const cellPoints = [
      [0, 0],
      [100, 0],
      [0, 100]
    ].map(([dn, de]) => roundToGrid(a.lat + dn / 111_320 - 0.0001, a.lon + de / 111_320 - 0.0001));
    for (const p of cellPoints) expect(p).toEqual(a);
    const far = roundToGrid(north(1000), LON);
    expect(far).not.toEqual(a);
  });

  it('gives a bounding box that contains the circle', () => {
    const b = boundingBox(LAT, LON, 500);
    expect(haversineMeters(LAT, LON, b.maxLat, LON)).toBeGreaterThanOrEqual(499);
    expect(haversineMeters(LAT, LON, LAT, b.maxLon)).toBeGreaterThanOrEqual(499);
  });
});

describe('duplicate suggestions', () => {
  const base = { id: 'r0', categoryId: 'fire', observedOn: '2026-03-10', lat: LAT, lon: LON };
  const cands = [
    { id: 'near', categoryId: 'fire', observedOn: '2026-03-01', lat: north(120), lon: LON },
    { id: 'nearer', categoryId: 'fire', observedOn: '2026-03-12', lat: north(30), lon: LON },
    { id: 'edge-in', categoryId: 'fire', observedOn: '2026-03-24', lat: north(490), lon: LON },
    { id: 'too-far', categoryId: 'fire', observedOn: '2026-03-10', lat: north(520), lon: LON },
    { id: 'too-old', categoryId: 'fire', observedOn: '2026-02-23', lat: LAT, lon: LON },
    { id: 'too-late', categoryId: 'fire', observedOn: '2026-03-25', lat: LAT, lon: LON },
    { id: 'other-cat', categoryId: 'logging', observedOn: '2026-03-10', lat: LAT, lon: LON },
    { id: 'no-gps', categoryId: 'fire', observedOn: '2026-03-10', lat: null, lon: null },
    { id: 'r0', categoryId: 'fire', observedOn: '2026-03-10', lat: LAT, lon: LON }
  ];
  it('same category, ≤ 500 m, ≤ 14 days, nearest first', () => {
    expect(suggestDuplicates(base, cands).map((d) => d.id)).toEqual(['nearer', 'near', 'edge-in']);
    expect(suggestDuplicates(base, cands)[0].meters).toBe(30);
  });
  it('suggests nothing for a report without coordinates', () => {
    expect(suggestDuplicates({ ...base, lat: null, lon: null }, cands)).toEqual([]);
  });
});

describe('routing rules', () => {
  const rules = [
    { id: 'catch-all', category_id: null, admin_unit_id: null, agency_org_id: 'so' },
    { id: 'fire-anywhere', category_id: 'fire', admin_unit_id: null, agency_org_id: 'rangers' },
    { id: 'fire-commune', category_id: 'fire', admin_unit_id: 'commune', agency_org_id: 'ubnd' },
    { id: 'any-commune', category_id: null, admin_unit_id: 'commune', agency_org_id: 'ubnd2' },
    { id: 'land-elsewhere', category_id: 'land', admin_unit_id: 'other', agency_org_id: 'x' }
  ];
  it.each([
    ['fire', ['village', 'commune', 'province'], ['fire-commune', 'fire-anywhere', 'any-commune', 'catch-all']],
    ['fire', ['v2', 'c2', 'province'], ['fire-anywhere', 'catch-all']],
    ['land', ['village', 'commune', 'province'], ['any-commune', 'catch-all']],
    ['waste', [], ['catch-all']]
  ])('%s in %j', (cat, units, expected) => expect(rankRoutes(rules, cat, units).map((r) => r.id)).toEqual(expected));
});
