/** SQL for campaigns and their versioned criteria. */
import type { Db } from '$lib/server/db';
import type { EmuCampaignTable, EmuCriterionTable } from '$lib/server/db/schema';

export async function insertCampaign(db: Db, row: EmuCampaignTable): Promise<void> {
  await db.insertInto('emu_campaign').values(row).execute();
}

export async function insertCriteria(db: Db, rows: EmuCriterionTable[]): Promise<void> {
  if (rows.length) await db.insertInto('emu_criterion').values(rows).execute();
}

export async function setCriteriaVersion(db: Db, id: string, version: number, now: string): Promise<void> {
  await db
    .updateTable('emu_campaign')
    .set({ criteria_version: version, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function updateCampaignRow(db: Db, id: string, patch: Partial<EmuCampaignTable>): Promise<void> {
  await db.updateTable('emu_campaign').set(patch).where('id', '=', id).execute();
}

export async function deleteCriteria(db: Db, campaignId: string, version: number): Promise<void> {
  await db.deleteFrom('emu_criterion').where('campaign_id', '=', campaignId).where('version', '=', version).execute();
}

export async function registrationsAt(db: Db, campaignId: string, version: number): Promise<number> {
  const row = await db
    .selectFrom('emu_registration')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', campaignId)
    .where('criteria_version', '=', version)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setStatus(db: Db, id: string, status: 'open' | 'closed', now: string): Promise<void> {
  await db.updateTable('emu_campaign').set({ status, updated_at: now }).where('id', '=', id).execute();
}

/**
 * Campaigns that apply to the actor: launched by one of the organisations above (or at) the
 * ones the actor works for, or inside the actor's subtree, or with a nomination sent to the
 * actor's subtree (a Sở asked for its Giấy khen by the province Hội). `roots` null means all.
 */
export async function listCampaignRows(db: Db, roots: string[] | null) {
  let q = db.selectFrom('emu_campaign').innerJoin('organisation as o', 'o.id', 'emu_campaign.organisation_id');
  if (roots)
    q = q.where((eb) =>
      eb.or([
        eb(
          'emu_campaign.organisation_id',
          'in',
          db
            .selectFrom('organisation_closure')
            .select('ancestor_id')
            .where('descendant_id', 'in', roots.length ? roots : ['-'])
        ),
        eb(
          'emu_campaign.organisation_id',
          'in',
          db
            .selectFrom('organisation_closure')
            .select('descendant_id')
            .where('ancestor_id', 'in', roots.length ? roots : ['-'])
        ),
        eb(
          'emu_campaign.id',
          'in',
          db
            .selectFrom('emu_nomination as n')
            .innerJoin('emu_registration as r', 'r.id', 'n.registration_id')
            .innerJoin('organisation_closure as c', 'c.descendant_id', 'n.to_org_id')
            .select('r.campaign_id')
            .where('c.ancestor_id', 'in', roots.length ? roots : ['-'])
        )
      ])
    );
  return q
    .selectAll('emu_campaign')
    .select('o.name as organisation_name')
    .orderBy('emu_campaign.evaluate_from', 'desc')
    .orderBy('emu_campaign.id')
    .execute();
}

export async function findCampaign(db: Db, id: string) {
  return db
    .selectFrom('emu_campaign')
    .innerJoin('organisation as o', 'o.id', 'emu_campaign.organisation_id')
    .selectAll('emu_campaign')
    .select('o.name as organisation_name')
    .where('emu_campaign.id', '=', id)
    .executeTakeFirst();
}

export async function criteriaOf(db: Db, campaignId: string, version: number) {
  return db
    .selectFrom('emu_criterion')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('version', '=', version)
    .orderBy('sort_order')
    .execute();
}
