/**
 * The dashboard map's markers on a phone: markers a fingertip apart, or whose faces would
 * touch, become one marker holding all their items; far-apart ones stay apart.
 */
import { describe, expect, it } from 'vitest';
import { clusterMarkers } from '../../src/routes/program/dashboard/draw';

type M = Parameters<typeof clusterMarkers>[0][number];
const mk = (id: string, type: M['type'], x: number, y: number): M => ({
  type,
  id,
  lat: y,
  lon: x,
  on: '2025-08-01',
  label: id,
  place: 'Bản Mẫu Một',
  count: null
});
// Screen position = (lon, lat) in pixels, for the test.
const px = (lat: number, lon: number) => ({ x: lon, y: lat });

// [case, markers, expected clusters (ids)]
const CASES: [string, M[], string[][]][] = [
  [
    'three models at one point',
    [mk('a', 'model', 100, 100), mk('b', 'model', 100, 100), mk('c', 'model', 100, 100)],
    [['a', 'b', 'c']]
  ],
  ['a fingertip apart', [mk('a', 'model', 100, 100), mk('b', 'activity', 130, 100)], [['a', 'b']]],
  ['far apart', [mk('a', 'model', 0, 0), mk('b', 'model', 300, 300)], [['a'], ['b']]],
  [
    'faces that would touch once they grow',
    [
      mk('a', 'model', 100, 100),
      mk('b', 'activity', 100, 100),
      mk('c', 'report', 100, 100),
      mk('d', 'model', 180, 100)
    ],
    [['a', 'b', 'c', 'd']]
  ],
  ['side by side, just clear of each other', [mk('a', 'model', 100, 100), mk('b', 'model', 150, 100)], [['a'], ['b']]],
  ['a marker without a point is left out', [{ ...mk('a', 'model', 0, 0), lat: null }, mk('b', 'model', 5, 5)], [['b']]]
];

describe('clusterMarkers', () => {
  it.each(CASES)('%s', (_, markers, expected) => {
    expect(clusterMarkers(markers, px).map((c) => c.items.map((i) => i.id))).toEqual(expected);
  });
});
