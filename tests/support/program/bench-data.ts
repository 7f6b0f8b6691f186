/**
 * A synthetic province for benchmarks, written with bulk inserts: 8 old districts with 76
 * old communes (closed 2025-07-01) merged two by two into 38 new communes, 800 villages still
 * pointing at their old communes (the realistic case: villages are not re-versioned), a
 * province association with commune associations and village branches, 50,000 members,
 * 20,000 activities dated 2024–2025 and 5,000 commitments, plus their pre-aggregates.
 * Reports are left to the reports bench (their table needs categories and receipts).
 */
import type { Db } from '$lib/server/db';
import type { ActivityTable, AdminUnitTable, CommitmentTable } from '$lib/server/db/schema';
import { ACTIVITY_KINDS } from '$lib/shared/program/kinds';
import {
  activityContributions,
  commitmentContributions,
  delta,
  type Contribution
} from '../../../src/lib/server/program/rollup/contributions';
import { replaceAggregates } from '../../../src/lib/server/program/rollup/aggregate.repository';

export interface BenchSize {
  communes: number;
  villages: number;
  members: number;
  activities: number;
  commitments: number;
}
export const PROVINCE: BenchSize = {
  communes: 38,
  villages: 800,
  members: 50_000,
  activities: 20_000,
  commitments: 5_000
};

export interface BenchProvince {
  provinceUnit: string;
  provinceOrg: string;
  newCommunes: string[];
  oldDistricts: string[];
}

const AT = '2024-01-01T00:00:00.000Z';

/** Deterministic pseudo-random numbers, so runs are comparable. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s % n;
  };
}

async function bulk<T extends object>(db: Db, table: string, rows: T[]): Promise<void> {
  if (!rows.length) return;
  const per = Math.max(1, Math.floor(30_000 / Object.keys(rows[0]).length)); // stay under SQLite's bind limit
  for (let i = 0; i < rows.length; i += per)
    await db
      .insertInto(table as 'activity')
      .values(rows.slice(i, i + per) as never)
      .execute();
}

function unit(
  id: string,
  level: AdminUnitTable['level'],
  name: string,
  parent: string | null,
  from: string,
  to: string | null,
  code: string | null
): AdminUnitTable {
  return {
    id,
    code,
    level,
    type: level,
    name,
    full_name: name,
    name_search: name.toLowerCase(),
    sort_key: name,
    parent_id: parent,
    valid_from: from,
    valid_to: to,
    centre_lat: null,
    centre_lon: null,
    households: null,
    source: 'bench',
    created_at: AT
  };
}

const org = (id: string, type: string, name: string, parent: string | null, unitId: string) => ({
  id,
  kind: 'association' as const,
  type,
  name,
  name_search: name.toLowerCase(),
  sort_key: name,
  parent_id: parent,
  admin_unit_id: unitId,
  valid_from: '2000-01-01',
  valid_to: null,
  successor_id: null,
  phone: null,
  address: null,
  created_at: AT,
  updated_at: AT
});

/** Builds the province under id prefix `p` (so several can coexist, e.g. for a nation). */
export async function buildBenchProvince(
  db: Db,
  p = 'b',
  size: BenchSize = PROVINCE,
  seed = 1
): Promise<BenchProvince> {
  const r = rng(seed);
  const pu = `${p}-u-prov`;
  const units = [unit(pu, 'province', `Tỉnh ${p}`, null, '2000-01-01', null, null)];
  const districts = Array.from({ length: 8 }, (_, i) => `${p}-u-d${i}`);
  districts.forEach((d, i) => units.push(unit(d, 'district', `Huyện ${i}`, pu, '2000-01-01', '2025-07-01', null)));
  const newCommunes = Array.from({ length: size.communes }, (_, i) => `${p}-u-n${i}`);
  newCommunes.forEach((c, i) => units.push(unit(c, 'commune', `Xã mới ${i}`, pu, '2025-07-01', null, `${p}n${i}`)));
  const oldCommunes = Array.from({ length: size.communes * 2 }, (_, i) => `${p}-u-o${i}`);
  oldCommunes.forEach((c, i) =>
    units.push(unit(c, 'commune', `Xã cũ ${i}`, districts[i % 8], '2000-01-01', '2025-07-01', `${p}o${i}`))
  );
  const villages = Array.from({ length: size.villages }, (_, i) => `${p}-u-v${i}`);
  villages.forEach((v, i) =>
    units.push(unit(v, 'village', `Bản ${i}`, oldCommunes[i % oldCommunes.length], '2000-01-01', null, null))
  );
  await bulk(db, 'admin_unit', units);
  await bulk(
    db,
    'unit_change',
    newCommunes.map((_, i) => ({
      id: `${p}-ch${i}`,
      kind: 'merge',
      effective_date: '2025-07-01',
      legal_basis: 'bench',
      note: null,
      created_at: AT
    }))
  );
  await bulk(
    db,
    'unit_change_link',
    oldCommunes.map((o, i) => ({
      change_id: `${p}-ch${i >> 1}`,
      predecessor_id: o,
      successor_id: newCommunes[i >> 1],
      share: 'full'
    }))
  );

  const po = `${p}-o-prov`;
  const orgs = [org(po, 'province', `Hội tỉnh ${p}`, null, pu)];
  newCommunes.forEach((c, i) => orgs.push(org(`${p}-o-c${i}`, 'commune', `Hội xã ${i}`, po, c)));
  villages.forEach((v, i) =>
    orgs.push(org(`${p}-o-v${i}`, 'branch', `Chi hội ${i}`, `${p}-o-c${(i % oldCommunes.length) >> 1}`, v))
  );
  await bulk(db, 'organisation', orgs);
  const closure = orgs.flatMap((o) => {
    const rows = [{ ancestor_id: o.id, descendant_id: o.id, depth: 0 }];
    let parent = o.parent_id;
    for (let depth = 1; parent; depth++) {
      rows.push({ ancestor_id: parent, descendant_id: o.id, depth });
      parent = orgs.find((x) => x.id === parent)?.parent_id ?? null;
    }
    return rows;
  });
  await bulk(db, 'organisation_closure', closure);

  const branch = (v: number) => `${p}-o-v${v}`;
  const people = Array.from({ length: size.members }, (_, i) => {
    const v = r(villages.length);
    return {
      id: `${p}-m${i}`,
      organisation_id: branch(v),
      full_name: `Hội viên ${i}`,
      name_search: `hoi vien ${i}`,
      sort_key: `hoi vien ${i}`,
      birth_year: 1930 + r(35),
      sex: r(2) ? 'female' : 'male',
      village_unit_id: villages[v],
      phone: null,
      address: null,
      anonymised_at: null,
      created_at: AT,
      updated_at: AT
    };
  });
  await bulk(db, 'person', people);
  await bulk(
    db,
    'membership',
    people.map((m) => ({
      id: `${m.id}-ms`,
      person_id: m.id,
      organisation_id: m.organisation_id,
      card_number: null,
      joined_on: '2010-01-01',
      left_on: null,
      created_at: AT
    }))
  );

  const day = () => new Date(Date.UTC(2024, 0, 1) + r(730) * 86_400_000).toISOString().slice(0, 10);
  const activities: ActivityTable[] = Array.from({ length: size.activities }, (_, i) => {
    const v = r(villages.length);
    const total = 10 + r(120);
    return {
      id: `${p}-a${i}`,
      kind: ACTIVITY_KINDS[r(3) ? 0 : r(ACTIVITY_KINDS.length)],
      outreach_mode: null,
      organisation_id: branch(v),
      admin_unit_id: villages[v],
      started_on: day(),
      ended_on: null,
      count_total: total,
      count_elderly: r(total),
      count_women: r(total),
      count_ethnic_minority: r(total),
      audiences: null,
      partners: null,
      materials: null,
      ntm_criterion: null,
      notes: null,
      created_by: null,
      created_at: AT,
      updated_at: AT
    };
  });
  await bulk(db, 'activity', activities);
  const commitments: CommitmentTable[] = Array.from({ length: size.commitments }, (_, i) => {
    const v = r(villages.length);
    return {
      id: `${p}-k${i}`,
      organisation_id: branch(v),
      kind_id: 'ck-sorting',
      party: 'household',
      household_name: `Hộ ${i}`,
      person_id: null,
      village_unit_id: villages[v],
      signed_on: day(),
      photo_path: null,
      notes: null,
      created_by: null,
      created_at: AT,
      updated_at: AT
    };
  });
  await bulk(db, 'commitment', commitments);

  const cells: Contribution[] = [
    ...activities.flatMap(activityContributions),
    ...commitments.flatMap(commitmentContributions)
  ];
  const existing = await db.selectFrom('agg_unit_month').selectAll().execute();
  await replaceAggregates(db, delta([], [...existing, ...cells]));
  return { provinceUnit: pu, provinceOrg: po, newCommunes, oldDistricts: districts };
}
