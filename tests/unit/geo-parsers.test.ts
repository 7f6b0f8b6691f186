import { describe, expect, it } from 'vitest';
import { nameKey, typeFromFullName } from '../../src/lib/server/geo/import/normalise';
import { parseTlqUnits } from '../../src/lib/server/geo/import/tlq';
import { parseCsv } from '../../src/lib/server/geo/import/csv';
import { planFromChangeTable, planFromMerges } from '../../src/lib/server/geo/import/mapping';
import { parseGeoJson } from '../../src/lib/server/geo/import/geojson';
import { bboxOf, checkGeometry, containsPoint, type PolygonGeometry } from '../../src/lib/server/geo/geometry';

describe('name normalisation', () => {
  it.each([
    ['Hòa Bình', 'Hoà Bình', true],
    ['Thủy Nguyên', 'Thuỷ Nguyên', true],
    ['Ho\u0300a', 'Hòa', true], // NFD vs NFC
    ['Phó Bảng', 'Phố Bảng', false],
    ['Đoàn Kết', 'Doàn Kết', false]
  ])('%s ~ %s → %s', (a, b, same) => {
    expect(nameKey(a) === nameKey(b)).toBe(same);
  });

  it.each([
    ['Thị trấn Tam Đường', 'commune', 'thi_tran'],
    ['xã Bắc Sơn', 'commune', 'xa'],
    ['Thành phố Lai Châu', 'district', 'thanh_pho'],
    ['Thành phố Hà Nội', 'province', 'thanh_pho'],
    ['Đặc khu Côn Đảo', 'commune', 'dac_khu'],
    ['Huyện Tam Đường', 'commune', null],
    ['Bản Mẫu', 'commune', null]
  ] as const)('%s at %s → %s', (full, level, type) => {
    expect(typeFromFullName(full, level)).toBe(type);
  });
});

describe('TLQ unit lists', () => {
  const pre = {
    Code: '12',
    Name: 'Lai Châu',
    FullName: 'Tỉnh Lai Châu',
    District: [
      {
        Code: '105',
        Name: 'Lai Châu',
        FullName: 'Thành phố Lai Châu',
        Ward: [{ Code: '03386', Name: 'Quyết Thắng', FullName: 'Phường Quyết Thắng' }]
      },
      { Code: '999', Name: 'Đảo', FullName: 'Huyện Đảo', Ward: null }
    ]
  };
  const full = [
    {
      Code: '12',
      Name: 'Lai Châu',
      FullName: 'Tỉnh Lai Châu',
      Wards: [{ Code: '03388', Name: 'Đoàn Kết', FullName: 'Phường Đoàn Kết' }]
    }
  ];

  it('reads the pre-2025 format parent-first, with districts', () => {
    const { records, issues } = parseTlqUnits(pre);
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.level, r.code, r.type, r.parentCode])).toEqual([
      ['province', '12', 'tinh', null],
      ['district', '105', 'thanh_pho', '12'],
      ['commune', '03386', 'phuong', '105'],
      ['district', '999', 'huyen', '12']
    ]);
  });

  it('reads the 2025 format with communes directly under the province', () => {
    const { records } = parseTlqUnits(full);
    expect(records[1]).toMatchObject({ level: 'commune', code: '03388', parentCode: '12', parentLevel: 'province' });
  });

  it.each([
    [{ Code: '3388', Name: 'X', FullName: 'Phường X' }, '[0].Wards[1] (code 3388)', /5 digits/],
    [{ Code: '03389', Name: '', FullName: 'Phường X' }, '[0].Wards[1] (code 03389)', /Name is empty/],
    [{ Code: '03389', Name: 'X', FullName: 'Bản X' }, '[0].Wards[1] (code 03389)', /known commune type/],
    [{ Code: '03388', Name: 'X', FullName: 'Xã X' }, '[0].Wards[1]', /duplicate commune code 03388/],
    ['oops', '[0].Wards[1]', /not an object/]
  ])('reports a bad record with its path (%#)', (bad, where, message) => {
    const { issues } = parseTlqUnits([{ ...full[0], Wards: [...full[0].Wards, bad] }]);
    expect(issues).toHaveLength(1);
    expect(issues[0].where).toBe(where);
    expect(issues[0].message).toMatch(message);
  });
});

describe('CSV and change tables', () => {
  const header =
    'old_commune_code,old_commune_name,old_district_code,old_district_name,new_commune_code,new_commune_name,merge_type,effective_date,legal_basis';

  it('keeps 1-based line numbers, also after a quoted line break', () => {
    const { records } = parseCsv(`a,b\r\n1,"x\ny"\n2,"say ""hi"""\n\n3,z\n`);
    expect(records.map((r) => [r.line, r.values.a, r.values.b])).toEqual([
      [2, '1', 'x\ny'],
      [4, '2', 'say "hi"'],
      [6, '3', 'z']
    ]);
  });

  it('groups old communes by new commune', () => {
    const { header: h, records } = parseCsv(
      `${header}\n03386,A,105,B,03388,C,full,2025-07-01,1670/NQ-UBTVQH15\n03389,A,105,B,03388,C,full,2025-07-01,1670/NQ-UBTVQH15\n`
    );
    const { plan } = planFromChangeTable(h, records);
    expect(plan!.groups).toHaveLength(1);
    expect(plan!.groups[0].predecessors.map((p) => p.code)).toEqual(['03386', '03389']);
    expect(plan!.legalBasis).toBe('1670/NQ-UBTVQH15');
  });

  it.each([
    ['0338,A,105,B,03388,C,full,2025-07-01,x', /old_commune_code/],
    ['03386,A,105,B,03388,C,most,2025-07-01,x', /merge_type/],
    ['03386,A,105,B,03388,C,full,01/07/2025,x', /effective_date/]
  ])('reports the line of a bad row: %s', (row, message) => {
    const { header: h, records } = parseCsv(`${header}\n03387,A,105,B,03408,C,full,2025-07-01,x\n${row}\n`);
    const { plan, issues } = planFromChangeTable(h, records);
    expect(plan).toBeNull();
    expect(issues).toEqual([{ where: 'line 3', message: expect.stringMatching(message) }]);
  });

  it('reads DV25 merges, allowing whole districts as predecessors', () => {
    const json = {
      data: [
        {
          level1_id: '12',
          merges: [{ old_id: '12', type: 'full' }],
          level2s: [
            {
              level2_id: '03388',
              merges: [
                { old_id: '03386', type: 'full' },
                { old_id: '318', type: 'full' }
              ]
            }
          ]
        }
      ]
    };
    const { plan, issues } = planFromMerges(json, '2025-07-01', 'NQ');
    expect(issues).toEqual([]);
    expect(plan!.groups.map((g) => [g.level, g.successorCode, g.predecessors.length])).toEqual([
      ['province', '12', 1],
      ['commune', '03388', 2]
    ]);
    const bad = planFromMerges(
      { data: [{ ...json.data[0], level2s: [{ level2_id: '03388', merges: [{ old_id: '1', type: 'full' }] }] }] },
      '2025-07-01',
      null
    );
    expect(bad.issues[0].where).toBe('data[0].level2s[0].merges[0]');
  });
});

describe('point in polygon', () => {
  // A 10×10 square with a 2×2 hole in the middle, plus a separate 1×1 island.
  const square = [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
    [0, 0]
  ];
  const hole = [
    [4, 4],
    [6, 4],
    [6, 6],
    [4, 6],
    [4, 4]
  ];
  const island = [
    [20, 20],
    [21, 20],
    [21, 21],
    [20, 21],
    [20, 20]
  ];
  const multi: PolygonGeometry = { type: 'MultiPolygon', coordinates: [[square, hole], [island]] };

  it.each([
    [1, 1, true],
    [9.9, 5, true],
    [5, 5, false],
    [20.5, 20.5, true],
    [15, 15, false],
    [-1, 5, false],
    [5, 10.5, false]
  ])('(%s, %s) inside → %s', (lon, lat, inside) => {
    expect(containsPoint(multi, lon, lat)).toBe(inside);
  });

  it('handles a plain Polygon and a concave ring', () => {
    const u: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0]
        ]
      ]
    };
    expect(containsPoint(u, 0.5, 2)).toBe(true);
    expect(containsPoint(u, 1.5, 2)).toBe(false);
    expect(bboxOf(multi)).toEqual({ minLon: 0, minLat: 0, maxLon: 21, maxLat: 21 });
  });

  it.each([
    [{ type: 'Point', coordinates: [1, 2] }, /not Polygon/],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1]
          ]
        ]
      },
      /malformed/
    ],
    [
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [200, 0],
              [1, 1],
              [0, 0]
            ]
          ]
        ]
      },
      /malformed/
    ],
    [null, /missing/]
  ])('rejects bad geometry %#', (g, message) => {
    expect(checkGeometry(g)).toMatch(message);
  });

  it('parses GeoJSON features by id or properties.code and reports bad ones', () => {
    const { records, issues } = parseGeoJson(
      {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', id: '03388', properties: {}, geometry: { type: 'Polygon', coordinates: [square] } },
          { type: 'Feature', properties: { code: 'x' }, geometry: { type: 'Polygon', coordinates: [square] } }
        ]
      },
      'f.geojson'
    );
    expect(records.map((r) => r.code)).toEqual(['03388']);
    expect(issues).toEqual([{ where: 'f.geojson#features[1]', message: expect.stringMatching(/code "x"/) }]);
  });
});
