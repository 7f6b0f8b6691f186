/**
 * Starting a province on a nationwide install: from the units valid today, the province
 * association, one commune association per commune, the provincial environment department
 * with its forest rangers, and a first administrator with a one-time password. Running it
 * again creates only what is missing; every creation goes through the ordinary services, so
 * each is validated and audited.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { AppError } from '$lib/server/errors';
import { todayVn } from '$lib/shared/format';
import { createOrganisation } from './organisation.commands';
import * as repo from './setup-province.repository';
import { accountIdByUsername, createAccount } from '$lib/server/accounts/accounts.service';
import { grantRole } from '$lib/server/accounts/grants.service';

export interface SetupResult {
  province: string;
  created: { associations: number; agencies: number };
  kept: number;
  admin: { username: string; created: boolean; password: string | null };
}

type Kind = 'association' | 'agency';

async function ensure(
  db: Db,
  actor: Actor,
  existing: { id: string; admin_unit_id: string | null; parent_id: string | null }[],
  spec: { kind: Kind; type: string; name: string; unitId: string; parentId: string | null; from: string }
): Promise<{ id: string; created: boolean }> {
  const found = existing.find((o) => o.admin_unit_id === spec.unitId && (o.parent_id ?? null) === spec.parentId);
  if (found) return { id: found.id, created: false };
  const id = await createOrganisation(db, actor, {
    kind: spec.kind,
    type: spec.type as never,
    name: spec.name,
    parent_id: spec.parentId,
    admin_unit_id: spec.unitId,
    valid_from: spec.from,
    phone: null,
    address: null
  });
  return { id, created: true };
}

/** A one-time password the administrator must change at first sign-in. */
const oneTimePassword = () => `Cs-${randomBytes(9).toString('base64url')}9`;

export async function setupProvince(db: Db, actor: Actor, code: string, adminUsername: string): Promise<SetupResult> {
  const today = todayVn();
  const province = await repo.findProvince(db, code, today);
  if (!province) throw new AppError('VALIDATION', 'shell_setup_err_province', { field: 'code' });
  const result: SetupResult = {
    province: province.full_name,
    created: { associations: 0, agencies: 0 },
    kept: 0,
    admin: { username: adminUsername, created: false, password: null }
  };
  const count = (r: { id: string; created: boolean }, kind: Kind) => {
    if (!r.created) result.kept++;
    else if (kind === 'association') result.created.associations++;
    else result.created.agencies++;
    return r.id;
  };
  const base = { unitId: province.id, parentId: null, from: today };
  const association = count(
    await ensure(db, actor, await repo.openOrganisationsOfType(db, 'province_association', today), {
      ...base,
      kind: 'association',
      type: 'province_association',
      name: `Hội Người cao tuổi ${province.full_name}`
    }),
    'association'
  );
  const communeBodies = await repo.openOrganisationsOfType(db, 'commune_association', today);
  for (const c of await repo.listCommunes(db, province.id, today)) {
    count(
      await ensure(db, actor, communeBodies, {
        kind: 'association',
        type: 'commune_association',
        name: `Hội Người cao tuổi ${c.full_name}`,
        unitId: c.id,
        parentId: association,
        from: today
      }),
      'association'
    );
  }
  const department = count(
    await ensure(db, actor, await repo.openOrganisationsOfType(db, 'environment_department', today), {
      ...base,
      kind: 'agency',
      type: 'environment_department',
      name: `Sở Nông nghiệp và Môi trường ${province.full_name}`
    }),
    'agency'
  );
  count(
    await ensure(db, actor, await repo.openOrganisationsOfType(db, 'forest_rangers', today), {
      ...base,
      parentId: department,
      kind: 'agency',
      type: 'forest_rangers',
      name: `Chi cục Kiểm lâm ${province.full_name}`
    }),
    'agency'
  );
  await ensureAdmin(db, actor, adminUsername, association, province.full_name, result);
  return result;
}

async function ensureAdmin(
  db: Db,
  actor: Actor,
  username: string,
  organisationId: string,
  provinceName: string,
  result: SetupResult
) {
  let accountId: string | null = null;
  try {
    accountId = await accountIdByUsername(db, actor, username);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'NOT_FOUND') throw e;
  }
  if (!accountId) {
    const password = oneTimePassword();
    accountId = await createAccount(db, actor, {
      username,
      display_name: `Quản trị ${provinceName}`,
      phone: null,
      password
    });
    result.admin = { username, created: true, password };
  }
  try {
    await grantRole(db, actor, accountId, { role: 'administrator', organisation_id: organisationId });
  } catch (e) {
    // Already the administrator there: nothing to do on a second run.
    if (!(e instanceof AppError) || e.code !== 'CONFLICT') throw e;
  }
}
