/** SQL for the emulation pages' choices: where the actor may register, and whom. */
import type { Db } from '$lib/server/db';
import { collate } from '$lib/server/db/dialect';
import type { OrgScope } from '$lib/server/access/access';

export async function orgsIn(db: Db, scope: OrgScope, types: string[]) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'type', 'parent_id'])
    .where('id', 'in', scope)
    .where('type', 'in', types)
    .where('valid_to', 'is', null)
    .orderBy(collate(db, 'sort_key'))
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
    .orderBy(collate(db, 'o.sort_key'))
    .orderBy(collate(db, 'p.sort_key'))
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

/** Counts for the campaign's indicators, within scope: registrations by kind and stage, awards by form. */
export async function indicatorRows(db: Db, campaignId: string, scope: OrgScope) {
  const registrations = await db
    .selectFrom('emu_registration')
    .select(['subject_kind', 'status', 'result', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaign_id', '=', campaignId)
    .where('organisation_id', 'in', scope)
    .groupBy(['subject_kind', 'status', 'result'])
    .execute();
  const awards = await db
    .selectFrom('emu_award as a')
    .innerJoin('emu_registration as r', 'r.id', 'a.registration_id')
    .select(['a.award_form', (eb) => eb.fn.countAll<number>().as('n')])
    .where('r.campaign_id', '=', campaignId)
    .where('r.organisation_id', 'in', scope)
    .where('a.revoked_at', 'is', null)
    .groupBy('a.award_form')
    .execute();
  return { registrations, awards };
}

/** The votes that passed at the most recent council meeting, with the form voted on (for the sample papers). */
export async function latestPassedVotes(db: Db) {
  const last = await db
    .selectFrom('emu_council as c')
    .innerJoin('emu_vote as v', 'v.council_id', 'c.id')
    .select(['c.id'])
    .where('v.passed', '=', 1)
    .orderBy('c.meeting_on', 'desc')
    .orderBy('c.created_at', 'desc')
    .executeTakeFirst();
  if (!last) return [];
  return db
    .selectFrom('emu_vote as v')
    .innerJoin('emu_council as c', 'c.id', 'v.council_id')
    .select(['c.organisation_id', 'c.campaign_id', 'c.meeting_on', 'v.registration_id', 'v.award_form'])
    .where('v.council_id', '=', last.id)
    .where('v.passed', '=', 1)
    .orderBy('v.registration_id')
    .execute();
}
