/** SQL for the emulation pages' choices: where the actor may register, and whom. */
import type { Db } from '$lib/server/db';
import type { OrgScope } from '$lib/server/access/access';

export async function orgsIn(db: Db, scope: OrgScope, types: string[]) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'type', 'parent_id'])
    .where('id', 'in', scope)
    .where('type', 'in', types)
    .where('valid_to', 'is', null)
    .orderBy('sort_key')
    .limit(500)
    .execute();
}

export async function membersIn(db: Db, scope: OrgScope) {
  return db
    .selectFrom('person as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.full_name', 'p.organisation_id', 'o.name as organisation_name'])
    .where('p.organisation_id', 'in', scope)
    .where('o.type', '=', 'branch')
    .where('p.anonymised_at', 'is', null)
    .orderBy('o.sort_key')
    .orderBy('p.sort_key')
    .limit(500)
    .execute();
}

/** Organisations above one (its ancestors), nearest first, for "nominate to". */
export async function ancestorsOf(db: Db, orgId: string) {
  return db
    .selectFrom('organisation_closure as c')
    .innerJoin('organisation as o', 'o.id', 'c.ancestor_id')
    .select(['o.id', 'o.name', 'o.type'])
    .where('c.descendant_id', '=', orgId)
    .where('c.depth', '>', 0)
    .orderBy('c.depth')
    .execute();
}

export async function personOfAccount(db: Db, accountId: string) {
  const row = await db.selectFrom('account').select('person_id').where('id', '=', accountId).executeTakeFirst();
  return row?.person_id ?? null;
}

/** Organisations whose council met on this campaign, within scope: each has a dossier. */
export async function councilOrgsOf(db: Db, campaignId: string, scope: OrgScope) {
  return db
    .selectFrom('emu_council as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select(['o.id', 'o.name'])
    .distinct()
    .where('c.campaign_id', '=', campaignId)
    .where('c.organisation_id', 'in', scope)
    .orderBy('o.name')
    .execute();
}
