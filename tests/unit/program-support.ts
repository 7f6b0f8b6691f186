/** Fixtures for the program and roll-up tests: organisations with closure rows, units, actors. */
import type { Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/access/actor';
import type { Role } from '../../src/lib/shared/roles';
import type { AdminUnitTable } from '../../src/lib/server/db/schema';
import { insertOrganisation } from '../../src/lib/server/org/organisation.repository';
import { newId, nowIso } from '../../src/lib/server/db/ids';
import { activitySchema, type ActivityInput } from '../../src/lib/server/program/activities/activity.schema';
import { commitmentSchema, type CommitmentInput } from '../../src/lib/server/program/commitments/commitment.schema';

export async function makeOrg(
  db: Db,
  name: string,
  parentId: string | null,
  unitId: string | null = null
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await insertOrganisation(db, {
    id,
    kind: 'association',
    type: parentId ? 'commune' : 'province',
    name,
    name_search: name.toLowerCase(),
    sort_key: name,
    parent_id: parentId,
    admin_unit_id: unitId,
    valid_from: '2000-01-01',
    valid_to: null,
    successor_id: null,
    phone: null,
    address: null,
    created_at: now,
    updated_at: now
  });
  return id;
}

export async function makeUnit(
  db: Db,
  u: Pick<AdminUnitTable, 'level' | 'name' | 'parent_id'> & Partial<AdminUnitTable>
): Promise<string> {
  const id = u.id ?? newId();
  await db
    .insertInto('admin_unit')
    .values({
      id,
      code: u.code ?? null,
      level: u.level,
      type: u.level,
      name: u.name,
      full_name: u.full_name ?? u.name,
      name_search: u.name.toLowerCase(),
      sort_key: u.name,
      parent_id: u.parent_id,
      valid_from: u.valid_from ?? '2000-01-01',
      valid_to: u.valid_to ?? null,
      centre_lat: null,
      centre_lon: null,
      households: null,
      source: 'test',
      created_at: nowIso()
    })
    .execute();
  return id;
}

export const actorWith = (role: Role, organisationId: string, name = role): Actor => ({
  kind: 'account',
  accountId: null,
  name,
  grants: [{ role, organisationId }]
});

/** A parsed activity input, defaults for an outreach session at a village meeting. */
export function activity(over: Record<string, unknown>): ActivityInput {
  return activitySchema.parse({
    kind: 'outreach',
    outreach_mode: 'village_meeting',
    started_on: '2024-05-10',
    count_total: '30',
    count_elderly: '12',
    ...over
  });
}

export function commitment(over: Record<string, unknown>): CommitmentInput {
  return commitmentSchema.parse({
    kind_id: 'ck-sorting',
    party: 'household',
    household_name: 'Hộ Lò Văn A',
    signed_on: '2024-06-01',
    ...over
  });
}
