/**
 * A synthetic nation for the roll-up bench, on the REAL 2025 list (34 provinces, 3,321
 * communes) read from ../shared/data at bench time: generated villages (VILLAGES_PER_COMMUNE
 * per commune), a national association with province and commune associations and one branch
 * per village, members, a year of activities (2025-07 … 2026-06) and commitments, and their
 * pre-aggregates. Bulk inserts; deterministic pseudo-random numbers.
 */
import fs from 'node:fs';
import type { Db } from '$lib/server/db';
import type { ActivityTable, AdminUnitTable, CommitmentTable } from '$lib/server/db/schema';
import { ACTIVITY_KINDS } from '$lib/shared/program/kinds';
import { activityContributions, commitmentContributions, delta } from '$lib/server/program/rollup/contributions';
import { replaceAggregates } from '$lib/server/program/rollup/aggregate.repository';

export interface NationSize {
  villagesPerCommune: number;
  members: number;
  activities: number;
  commitments: number;
}
export const NATION: NationSize = {
  villagesPerCommune: 18,
  members: 300_000,
  activities: 300_000,
  commitments: 100_000
};

interface Ward {
  Code: string;
  FullName: string;
}
interface Province {
  Code: string;
  FullName: string;
  Wards: Ward[];
}

const AT = '2025-07-01T00:00:00.000Z';
const FROM = '2025-07-01';

function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s % n;
  };
}

async function bulk<T extends object>(db: Db, table: string, rows: T[]): Promise<void> {
  if (!rows.length) return;
  const per = Math.max(1, Math.floor(30_000 / Object.keys(rows[0]).length));
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += per)
      await tx
        .insertInto(table as 'activity')
        .values(rows.slice(i, i + per) as never)
        .execute();
  });
}

const unit = (
  id: string,
  level: AdminUnitTable['level'],
  name: string,
  parent: string | null,
  code: string | null
): AdminUnitTable => ({
  id,
  code,
  level,
  type: level,
  name,
  full_name: name,
  name_search: name.toLowerCase(),
  sort_key: name,
  parent_id: parent,
  valid_from: FROM,
  valid_to: null,
  centre_lat: null,
  centre_lon: null,
  households: null,
  source: 'bench',
  created_at: AT
});

const org = (id: string, type: string, name: string, parent: string | null, unitId: string | null) => ({
  id,
  kind: 'association' as const,
  type,
  name,
  name_search: name.toLowerCase(),
  sort_key: name,
  parent_id: parent,
  admin_unit_id: unitId,
  valid_from: FROM,
  valid_to: null,
  successor_id: null,
  phone: null,
  address: null,
  created_at: AT,
  updated_at: AT
});

export interface BenchNation {
  nationOrg: string;
  provinceUnits: string[];
  provinceOrgs: string[];
  communes: number;
  villages: number;
}

export async function buildBenchNation(
  db: Db,
  file: string,
  size: NationSize = NATION,
  seed = 7
): Promise<BenchNation> {
  const r = rng(seed);
  const list = JSON.parse(fs.readFileSync(file, 'utf8')) as Province[];
  const units: AdminUnitTable[] = [];
  const orgs = [org('n-root', 'national', 'Trung ương Hội NCT Việt Nam', null, null)];
  const villages: { unit: string; branch: string }[] = [];
  for (const p of list) {
    units.push(unit(`n-p${p.Code}`, 'province', p.FullName, null, p.Code));
    orgs.push(org(`n-op${p.Code}`, 'province', `Hội NCT ${p.FullName}`, 'n-root', `n-p${p.Code}`));
    for (const w of p.Wards) {
      units.push(unit(`n-c${w.Code}`, 'commune', w.FullName, `n-p${p.Code}`, w.Code));
      orgs.push(org(`n-oc${w.Code}`, 'commune', `Hội NCT ${w.FullName}`, `n-op${p.Code}`, `n-c${w.Code}`));
      for (let v = 0; v < size.villagesPerCommune; v++) {
        const id = `${w.Code}-${v}`;
        units.push(unit(`n-v${id}`, 'village', `Thôn ${v + 1}`, `n-c${w.Code}`, null));
        orgs.push(org(`n-ov${id}`, 'branch', `Chi hội thôn ${v + 1}`, `n-oc${w.Code}`, `n-v${id}`));
        villages.push({ unit: `n-v${id}`, branch: `n-ov${id}` });
      }
    }
  }
  await bulk(db, 'admin_unit', units);
  await bulk(db, 'organisation', orgs);
  const parent = new Map(orgs.map((o) => [o.id, o.parent_id]));
  const closure: { ancestor_id: string; descendant_id: string; depth: number }[] = [];
  for (const o of orgs) {
    closure.push({ ancestor_id: o.id, descendant_id: o.id, depth: 0 });
    for (let a = o.parent_id, depth = 1; a; a = parent.get(a) ?? null, depth++)
      closure.push({ ancestor_id: a, descendant_id: o.id, depth });
  }
  await bulk(db, 'organisation_closure', closure);

  const people = Array.from({ length: size.members }, (_, i) => {
    const v = villages[r(villages.length)];
    return {
      id: `n-m${i}`,
      organisation_id: v.branch,
      full_name: `Hội viên ${i}`,
      name_search: `hoi vien ${i}`,
      sort_key: `hoi vien ${i}`,
      birth_year: 1930 + r(35),
      sex: r(2) ? 'female' : 'male',
      village_unit_id: v.unit,
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

  const day = () => new Date(Date.UTC(2025, 6, 1) + r(365) * 86_400_000).toISOString().slice(0, 10);
  const activities: ActivityTable[] = Array.from({ length: size.activities }, (_, i) => {
    const v = villages[r(villages.length)];
    const total = 10 + r(120);
    return {
      id: `n-a${i}`,
      kind: ACTIVITY_KINDS[r(3) ? 0 : r(ACTIVITY_KINDS.length)],
      outreach_mode: null,
      organisation_id: v.branch,
      admin_unit_id: v.unit,
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
    const v = villages[r(villages.length)];
    return {
      id: `n-k${i}`,
      organisation_id: v.branch,
      kind_id: 'ck-sorting',
      party: 'household',
      household_name: `Hộ ${i}`,
      person_id: null,
      village_unit_id: v.unit,
      signed_on: day(),
      photo_path: null,
      notes: null,
      created_by: null,
      created_at: AT,
      updated_at: AT
    };
  });
  await bulk(db, 'commitment', commitments);
  await replaceAggregates(
    db,
    delta([], [...activities.flatMap(activityContributions), ...commitments.flatMap(commitmentContributions)])
  );
  return {
    nationOrg: 'n-root',
    provinceUnits: list.map((p) => `n-p${p.Code}`),
    provinceOrgs: list.map((p) => `n-op${p.Code}`),
    communes: list.reduce((s, p) => s + p.Wards.length, 0),
    villages: villages.length
  };
}
