/** Fixtures for the emulation tests: an association tree, a campaign, actors (rows come from factories.ts). */
import type { Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/access/actor';
import type { Role } from '../../src/lib/shared/roles';
import { insertOrg, makePerson, makeUnit } from '../support/factories';
import { campaignSchema, type CriterionInput } from '../../src/lib/server/emulation/emulation.schema';
import { createCampaign } from '../../src/lib/server/emulation/campaign.service';
import { SYSTEM } from '../../src/lib/server/access/actor';
import { newId, nowIso } from '../../src/lib/server/db/ids';

/** An organisation row of the given type (an agency for the environment side's types). */
export const org = (db: Db, type: string, name: string, parentId: string | null, unitId: string | null = null) =>
  insertOrg(db, { type, name, parentId, unitId });

export async function person(db: Db, organisationId: string, name: string, villageId: string | null = null) {
  return (await makePerson(db, { organisationId, name, villageUnitId: villageId })).id;
}

export const as = (role: Role, organisationId: string): Actor => ({
  kind: 'account',
  accountId: null,
  name: role,
  grants: [{ role, organisationId }]
});

/** A member's own sign-in: an account linked to her person record, as a branch member. */
export async function memberAccount(db: Db, personId: string, branch: string, name: string): Promise<Actor> {
  const accountId = newId();
  await db
    .insertInto('account')
    .values({
      id: accountId,
      username: `hv-${accountId.slice(0, 8)}`,
      display_name: name,
      password_hash: 'x',
      person_id: personId,
      created_at: nowIso(),
      updated_at: nowIso()
    } as never)
    .execute();
  return { kind: 'account', accountId, name, grants: [{ role: 'member', organisationId: branch }] };
}

/** A province → commune → two branches tree with its units, and one member per branch. */
export async function tree(db: Db, tag: string) {
  const provinceUnit = await makeUnit(db, { level: 'province', name: `Tỉnh ${tag}`, parent_id: null });
  const communeUnit = await makeUnit(db, { level: 'commune', name: `Xã ${tag}`, parent_id: provinceUnit });
  const villageUnit = await makeUnit(db, { level: 'village', name: `Bản ${tag}`, parent_id: communeUnit });
  const province = await org(db, 'province_association', `Hội NCT tỉnh ${tag}`, null, provinceUnit);
  const commune = await org(db, 'commune_association', `Hội NCT xã ${tag}`, province, communeUnit);
  const branch = await org(db, 'branch', `Chi hội ${tag} 1`, commune, villageUnit);
  const branch2 = await org(db, 'branch', `Chi hội ${tag} 2`, commune, villageUnit);
  const department = await org(db, 'environment_department', `Sở NN&MT ${tag}`, null, provinceUnit);
  return { provinceUnit, communeUnit, villageUnit, province, commune, branch, branch2, department };
}

export const criteria: CriterionInput[] = [
  {
    group_code: 'strong_association',
    code: 'sinh_hoat',
    name: 'Sinh hoạt đều',
    measure: 'manual',
    target: 0,
    points: 40
  },
  { group_code: 'environment', code: 'phan_anh', name: 'Phản ánh', measure: 'reports', target: 1, points: 30 },
  { group_code: 'environment', code: 'cam_ket', name: 'Cam kết', measure: 'commitments', target: 1, points: 30 }
];

export async function campaign(db: Db, organisationId: string, over: Record<string, unknown> = {}) {
  return createCampaign(
    db,
    SYSTEM,
    campaignSchema.parse({
      organisation_id: organisationId,
      name: 'Tuổi cao – Gương sáng (thử)',
      kind: 'movement',
      subjects: ['person', 'household', 'branch'],
      register_from: '2000-01-01',
      register_to: '2099-12-31',
      evaluate_from: '2024-01-01',
      evaluate_to: '2025-12-31',
      title_threshold: '60',
      criteria: criteria.map((c) => ({ ...c, target: String(c.target), points: String(c.points) })),
      ...over
    })
  );
}
