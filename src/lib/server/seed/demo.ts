/**
 * The Lai Châu demo: the province, its 38 communes (2025), a few clearly-labelled demo
 * villages, both organisation trees, demo people and one account per role.
 */
import type { Db } from '$lib/server/db';
import { newId, nowIso } from '$lib/server/db/ids';
import type { AdminUnitTable, OrganisationTable } from '$lib/server/db/schema';
import { fold, sortKey } from '$lib/shared/text';
import type { Role } from '$lib/shared/roles';
import { insertUnits } from '$lib/server/geo/unit.repository';
import { insertOrganisation } from '$lib/server/org/organisation.repository';
import { insertMembership, insertPerson } from '$lib/server/people/person.repository';
import { insertAccount, insertGrant } from '$lib/server/auth/account.repository';
import { hashPassword } from '$lib/server/auth/password';
import { setSuccessor } from './demo.repository';
import { LAI_CHAU, LAI_CHAU_COMMUNES_2025 } from './lai-chau-units';
import { DEMO_PEOPLE, DEMO_VILLAGES } from './demo-people';
import { seedReportsDemo } from '$lib/server/reports/seed';
import { seedProgramDemo } from '$lib/server/program/seed/seed';
import { seedActivityDemo } from '$lib/server/program/seed/seed-activities';
import { seedNewsDemo } from '$lib/server/news/seed';
import { seedLibraryDemo } from '$lib/server/library/seed';

export const DEMO_PASSWORD = 'ChungSuc@2026';
const REFORM = '2025-07-01';

type Ids = Record<string, string>;

function unit(
  partial: Pick<AdminUnitTable, 'code' | 'level' | 'type' | 'name' | 'full_name' | 'parent_id' | 'valid_from'> &
    Partial<AdminUnitTable>
): AdminUnitTable {
  return {
    id: newId(),
    valid_to: null,
    centre_lat: null,
    centre_lon: null,
    households: null,
    source: 'demo-seed',
    name_search: fold(partial.full_name),
    sort_key: sortKey(partial.name),
    created_at: nowIso(),
    ...partial
  };
}

async function seedUnits(db: Db): Promise<Ids> {
  const province = unit({
    code: LAI_CHAU.code,
    level: 'province',
    type: LAI_CHAU.type,
    name: LAI_CHAU.name,
    full_name: 'Tỉnh Lai Châu',
    parent_id: null,
    valid_from: '2004-01-01',
    centre_lat: LAI_CHAU.lat,
    centre_lon: LAI_CHAU.lon,
    source: 'seed:1670/NQ-UBTVQH15'
  });
  const ids: Ids = { province: province.id };
  const communes = LAI_CHAU_COMMUNES_2025.map(([code, type, name, lat, lon]) => {
    const row = unit({
      code,
      level: 'commune',
      type,
      name,
      full_name: `${type === 'phuong' ? 'Phường' : 'Xã'} ${name}`,
      parent_id: province.id,
      valid_from: REFORM,
      centre_lat: lat,
      centre_lon: lon,
      source: 'seed:1670/NQ-UBTVQH15'
    });
    ids[code] = row.id;
    return row;
  });
  const villages = DEMO_VILLAGES.map((v) => {
    const row = unit({
      code: null,
      level: 'village',
      type: 'ban',
      name: v.name,
      full_name: v.name,
      parent_id: ids[v.commune],
      valid_from: REFORM,
      households: v.households
    });
    ids[v.key] = row.id;
    return row;
  });
  await insertUnits(db, [province, ...communes, ...villages]);
  return ids;
}

function org(
  partial: Pick<OrganisationTable, 'kind' | 'type' | 'name' | 'parent_id' | 'admin_unit_id' | 'valid_from'> &
    Partial<OrganisationTable>
): OrganisationTable {
  const now = nowIso();
  return {
    id: newId(),
    valid_to: null,
    successor_id: null,
    phone: null,
    address: null,
    name_search: fold(partial.name),
    sort_key: sortKey(partial.name),
    created_at: now,
    updated_at: now,
    ...partial
  };
}

async function seedOrganisations(db: Db, u: Ids): Promise<Ids> {
  const o: Ids = {};
  const add = async (key: string, row: OrganisationTable) => {
    await insertOrganisation(db, row);
    o[key] = row.id;
  };
  await add(
    'hoi_tinh',
    org({
      kind: 'association',
      type: 'province_association',
      name: 'Hội Người cao tuổi tỉnh Lai Châu',
      parent_id: null,
      admin_unit_id: u.province,
      valid_from: '2004-01-01'
    })
  );
  for (const [code, type, name] of LAI_CHAU_COMMUNES_2025) {
    await add(
      `hoi_${code}`,
      org({
        kind: 'association',
        type: 'commune_association',
        name: `Hội Người cao tuổi ${type === 'phuong' ? 'phường' : 'xã'} ${name}`,
        parent_id: o.hoi_tinh,
        admin_unit_id: u[code],
        valid_from: REFORM
      })
    );
  }
  for (const v of DEMO_VILLAGES) {
    await add(
      `chihoi_${v.key}`,
      org({
        kind: 'association',
        type: 'branch',
        name: `Chi hội NCT ${v.name}`,
        parent_id: o[`hoi_${v.commune}`],
        admin_unit_id: u[v.key],
        valid_from: REFORM
      })
    );
  }
  const successor = org({
    kind: 'agency',
    type: 'environment_department',
    name: 'Sở Nông nghiệp và Môi trường tỉnh Lai Châu',
    parent_id: null,
    admin_unit_id: u.province,
    valid_from: '2025-03-01'
  });
  await add(
    'so_tnmt',
    org({
      kind: 'agency',
      type: 'environment_department',
      name: 'Sở Tài nguyên và Môi trường tỉnh Lai Châu',
      parent_id: null,
      admin_unit_id: u.province,
      valid_from: '2004-01-01',
      valid_to: '2025-03-01',
      successor_id: null
    })
  );
  await add('so_nnmt', successor);
  await setSuccessor(db, o.so_tnmt, successor.id);
  await add(
    'kiem_lam',
    org({
      kind: 'agency',
      type: 'forest_rangers',
      name: 'Chi cục Kiểm lâm tỉnh Lai Châu',
      parent_id: o.so_nnmt,
      admin_unit_id: u.province,
      valid_from: '2025-03-01'
    })
  );
  await add(
    'moi_truong',
    org({
      kind: 'agency',
      type: 'department_unit',
      name: 'Chi cục Bảo vệ môi trường',
      parent_id: o.so_nnmt,
      admin_unit_id: u.province,
      valid_from: '2025-03-01'
    })
  );
  await add(
    'cong_an',
    org({
      kind: 'agency',
      type: 'police',
      name: 'Công an tỉnh Lai Châu',
      parent_id: null,
      admin_unit_id: u.province,
      valid_from: '2004-01-01'
    })
  );
  for (const code of ['03388', '03390']) {
    const name = LAI_CHAU_COMMUNES_2025.find((c) => c[0] === code)!;
    await add(
      `ubnd_${code}`,
      org({
        kind: 'agency',
        type: 'commune_committee',
        name: `Ủy ban nhân dân ${name[1] === 'phuong' ? 'phường' : 'xã'} ${name[2]}`,
        parent_id: null,
        admin_unit_id: u[code],
        valid_from: REFORM
      })
    );
  }
  return o;
}

export const DEMO_ACCOUNTS: {
  username: string;
  name: string;
  role: Role;
  org: string;
  orgLabel: string;
  phone?: string;
}[] = [
  {
    username: 'quantri',
    name: 'Quản trị hệ thống',
    role: 'administrator',
    org: 'hoi_tinh',
    orgLabel: 'Hội NCT tỉnh Lai Châu'
  },
  {
    username: 'canbo.tinh',
    name: 'Lò Thị Hoa',
    role: 'association_officer',
    org: 'hoi_tinh',
    orgLabel: 'Hội NCT tỉnh Lai Châu'
  },
  {
    username: 'canbo.doanket',
    name: 'Nguyễn Văn Đức',
    role: 'association_officer',
    org: 'hoi_03388',
    orgLabel: 'Hội NCT phường Đoàn Kết',
    phone: '0912000001'
  },
  {
    username: 'canbo.binhlu',
    name: 'Tẩn Văn Vàng',
    role: 'association_officer',
    org: 'hoi_03390',
    orgLabel: 'Hội NCT xã Bình Lư'
  },
  {
    username: 'chihoi.truong',
    name: 'Lò Văn Khăm',
    role: 'branch_leader',
    org: 'chihoi_ban_demo_1',
    orgLabel: 'Chi hội NCT Bản Mẫu Một (demo)'
  },
  {
    username: 'hoivien',
    name: 'Lường Thị Ún',
    role: 'member',
    org: 'chihoi_ban_demo_1',
    orgLabel: 'Chi hội NCT Bản Mẫu Một (demo)'
  },
  {
    username: 'kiemlam',
    name: 'Vàng A Sử',
    role: 'agency_officer',
    org: 'kiem_lam',
    orgLabel: 'Chi cục Kiểm lâm tỉnh Lai Châu'
  },
  {
    username: 'lanhdao.so',
    name: 'Hoàng Văn Minh',
    role: 'agency_manager',
    org: 'so_nnmt',
    orgLabel: 'Sở Nông nghiệp và Môi trường'
  },
  {
    username: 'baomat',
    name: 'Phạm Thị Lan',
    role: 'identity_custodian',
    org: 'hoi_tinh',
    orgLabel: 'Hội NCT tỉnh Lai Châu'
  },
  { username: 'lanhdao', name: 'Đèo Văn Thanh', role: 'viewer', org: 'hoi_tinh', orgLabel: 'Hội NCT tỉnh Lai Châu' }
];

async function seedAccounts(db: Db, o: Ids): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) {
    const id = newId();
    const now = nowIso();
    await insertAccount(db, {
      id,
      username: a.username,
      phone: a.phone ?? null,
      display_name: a.name,
      password_hash: passwordHash,
      person_id: null,
      last_sign_in_at: null,
      created_at: now,
      updated_at: now
    });
    await insertGrant(db, {
      id: newId(),
      account_id: id,
      role: a.role,
      organisation_id: o[a.org],
      granted_by: null,
      created_at: now,
      revoked_at: null
    });
    // The administrator looks after both trees.
    if (a.role === 'administrator') {
      for (const root of ['so_tnmt', 'so_nnmt', 'cong_an', 'ubnd_03388', 'ubnd_03390']) {
        await insertGrant(db, {
          id: newId(),
          account_id: id,
          role: a.role,
          organisation_id: o[root],
          granted_by: null,
          created_at: now,
          revoked_at: null
        });
      }
    }
  }
}

async function seedPeople(db: Db, u: Ids, o: Ids): Promise<void> {
  for (const p of DEMO_PEOPLE) {
    const id = newId();
    const now = nowIso();
    await insertPerson(db, {
      id,
      organisation_id: o[`chihoi_${p.village}`],
      full_name: p.name,
      name_search: fold(p.name),
      sort_key: sortKey(p.name),
      birth_year: p.born,
      sex: p.sex,
      village_unit_id: u[p.village],
      phone: p.phone ?? null,
      address: null,
      anonymised_at: null,
      created_at: now,
      updated_at: now
    });
    await insertMembership(db, {
      id: newId(),
      person_id: id,
      organisation_id: o[`chihoi_${p.village}`],
      card_number: p.card,
      joined_on: p.joined,
      left_on: null,
      created_at: now
    });
  }
}

export async function seedDemo(db: Db): Promise<void> {
  const { o, u } = await db.transaction().execute(async (tx) => {
    const u = await seedUnits(tx);
    const o = await seedOrganisations(tx, u);
    await seedAccounts(tx, o);
    await seedPeople(tx, u, o);
    await seedReportsDemo(tx, o, u);
    await seedProgramDemo(tx, o, u);
    await seedActivityDemo(tx, o, u);
    return { o, u };
  });
  // News goes through the news services, which open their own transactions.
  await seedNewsDemo(db, o, u);
  await seedLibraryDemo(db, o);
}
