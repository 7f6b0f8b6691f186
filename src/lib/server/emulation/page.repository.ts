/** SQL for the emulation pages' choices: where the actor may register, and whom. */
import type { Db } from '$lib/server/db';
import { collate } from '$lib/server/db/dialect';
import { placesNamed } from './registration.repository';
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

/** Members of branches in scope; `q` keeps those of branches in a place with it in its name. */
export async function membersIn(db: Db, scope: OrgScope, q = '') {
  return db
    .selectFrom('person as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.full_name', 'p.organisation_id', 'o.name as organisation_name'])
    .where('p.organisation_id', 'in', scope)
    .where('o.type', '=', 'branch')
    .where('p.anonymised_at', 'is', null)
    .$if(!!q.trim(), (qb) => qb.where('p.organisation_id', 'in', placesNamed(db, q)))
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

/** Which of some organisations are in a place with `q` in its name, for the page's filter. */
export async function matchingOrgIds(db: Db, ids: string[], q: string): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('organisation')
    .select('id')
    .where('id', 'in', ids)
    .where('id', 'in', placesNamed(db, q))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Commune Hội and branches in scope in a place with `q` in its name: the count the filter reports. */
export async function countMatchingOrgs(db: Db, scope: OrgScope, q: string): Promise<number> {
  const row = await db
    .selectFrom('organisation')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', 'in', scope)
    .where('type', 'in', ['commune_association', 'branch'])
    .where('valid_to', 'is', null)
    .where('id', 'in', placesNamed(db, q))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
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
    .where('c.campaign_id', '=', campaignId)
    .where('c.organisation_id', 'in', scope)
    .groupBy(['o.id', 'o.name', 'o.sort_key'])
    .orderBy(collate(db, 'o.sort_key'))
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
  const latest = (decided: boolean) =>
    db
      .selectFrom('emu_council as c')
      .innerJoin('emu_vote as v', 'v.council_id', 'c.id')
      .leftJoin('emu_award as a', (j) =>
        j.onRef('a.registration_id', '=', 'v.registration_id').on('a.revoked_at', 'is', null)
      )
      .select(['c.id'])
      .where('v.passed', '=', 1)
      .$if(decided, (q) => q.where('a.registration_id', 'is not', null))
      .orderBy('c.meeting_on', 'desc')
      .orderBy('c.created_at', 'desc')
      .executeTakeFirst();
  // A council whose list led to a decision shows the whole chain; one still waiting (a nomination
  // before the Sở, say) only when no list was decided yet.
  const last = (await latest(true)) ?? (await latest(false));
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
