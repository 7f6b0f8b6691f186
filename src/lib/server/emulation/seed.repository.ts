/** Look-ups for the emulation demo (by the demo's own names; the demo seed made them). */
import type { Db } from '$lib/server/db';
import { newId } from '$lib/server/db/ids';

export async function orgByName(db: Db, name: string) {
  return db.selectFrom('organisation').select('id').where('name', '=', name).executeTakeFirst();
}

export async function personByName(db: Db, orgId: string, name: string) {
  return db
    .selectFrom('person')
    .select('id')
    .where('organisation_id', '=', orgId)
    .where('full_name', '=', name)
    .executeTakeFirst();
}

/** The demo member account signs in as the member record, so she sees her own registration. */
export async function linkAccount(db: Db, username: string, personId: string): Promise<void> {
  await db
    .updateTable('account')
    .set({ person_id: personId })
    .where('username', '=', username)
    .where('person_id', 'is', null)
    .execute();
}

export async function hasCampaigns(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('emu_campaign').select('id').limit(1).executeTakeFirst());
}

/**
 * What the closed campaign's members did in 2021–2025, so their evaluation adds up from the
 * records as a real one would: a training and an outreach session they attended and each one's
 * signed environment commitment, in the branch's village. Written directly (dated in the past,
 * which the program services would stamp as today).
 */
export async function insertPastRecords(db: Db, branchId: string, personIds: string[]): Promise<void> {
  const branch = await db
    .selectFrom('organisation')
    .select('admin_unit_id')
    .where('id', '=', branchId)
    .executeTakeFirst();
  const kind = await db
    .selectFrom('commitment_kind')
    .select('id')
    .orderBy('sort_order')
    .orderBy('id')
    .executeTakeFirst();
  if (!branch?.admin_unit_id || !kind) return;
  const at = '2024-05-10T02:00:00.000Z';
  const sessions = [
    { kind: 'training', started_on: '2023-09-15', notes: 'Tập huấn kỹ năng tuyên truyền bảo vệ môi trường.' },
    { kind: 'outreach', started_on: '2024-05-10', notes: 'Tuyên truyền phân loại rác tại nhà văn hoá bản.' }
  ].map((a) => ({
    ...a,
    id: newId(),
    outreach_mode: a.kind === 'outreach' ? 'village_meeting' : null,
    organisation_id: branchId,
    admin_unit_id: branch.admin_unit_id!,
    ended_on: null,
    count_total: 30,
    count_elderly: 24,
    count_women: 16,
    count_ethnic_minority: 20,
    audiences: '[]',
    partners: null,
    materials: null,
    ntm_criterion: null,
    created_by: null,
    created_at: at,
    updated_at: at
  }));
  await db.insertInto('activity').values(sessions).execute();
  await db
    .insertInto('activity_attendee')
    .values(sessions.flatMap((a) => personIds.map((person_id) => ({ activity_id: a.id, person_id }))))
    .execute();
  await db
    .insertInto('commitment')
    .values(
      personIds.map((person_id) => ({
        id: newId(),
        organisation_id: branchId,
        kind_id: kind.id,
        party: 'person' as const,
        household_name: null,
        person_id,
        village_unit_id: branch.admin_unit_id!,
        signed_on: '2022-04-01',
        photo_path: null,
        notes: null,
        created_by: null,
        created_at: at,
        updated_at: at
      }))
    )
    .execute();
}
