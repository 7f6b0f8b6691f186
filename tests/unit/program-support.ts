/** Fixtures for the program and roll-up tests: organisations with closure rows, units, actors. */
import type { Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/access/actor';
import type { Role } from '../../src/lib/shared/roles';
import { insertOrg, makeUnit } from '../support/factories';
import { activitySchema, type ActivityInput } from '../../src/lib/server/program/activities/activity.schema';
import { commitmentSchema, type CommitmentInput } from '../../src/lib/server/program/commitments/commitment.schema';

/**
 * A bare organisation row under a parent (the roll-up tests only need the tree). Its type is a
 * placeholder ('province' / 'commune'): these suites never read it.
 */
export async function makeOrg(
  db: Db,
  name: string,
  parentId: string | null,
  unitId: string | null = null
): Promise<string> {
  return insertOrg(db, { type: parentId ? 'commune' : 'province', name, parentId, unitId, kind: 'association' });
}

export { makeUnit };

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
