/** SQL for cooperation programs and their parties. */
import type { Db } from '$lib/server/db';
import type { ProgramTable } from '$lib/server/db/schema';
import type { scopeSubquery } from '$lib/server/access/access';
import { collate } from '$lib/server/db/dialect';
import { containsFolded } from '$lib/server/db/predicates';

type Scope = ReturnType<typeof scopeSubquery>;

export async function insertProgram(db: Db, row: ProgramTable): Promise<void> {
  await db.insertInto('program').values(row).execute();
}

export async function updateProgramRow(db: Db, id: string, patch: Partial<ProgramTable>): Promise<void> {
  await db.updateTable('program').set(patch).where('id', '=', id).execute();
}

export async function setParties(db: Db, programId: string, orgIds: string[]): Promise<void> {
  await db.deleteFrom('program_party').where('program_id', '=', programId).execute();
  if (orgIds.length)
    await db
      .insertInto('program_party')
      .values(orgIds.map((organisation_id) => ({ program_id: programId, organisation_id })))
      .execute();
}

/**
 * A program is visible to whoever may read its owner or an organisation below the owner (the
 * communes and branches that carry it out), one of its parties, or an organisation with a
 * plan under it.
 */
function readable(db: Db, scope: Scope) {
  return db
    .selectFrom('program as p')
    .select('p.id')
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('organisation_closure as c')
            .select('c.descendant_id')
            .whereRef('c.ancestor_id', '=', 'p.organisation_id')
            .where('c.descendant_id', 'in', scope)
        ),
        eb.exists(
          eb
            .selectFrom('program_party as pp')
            .select('pp.program_id')
            .whereRef('pp.program_id', '=', 'p.id')
            .where('pp.organisation_id', 'in', scope)
        ),
        eb.exists(
          eb
            .selectFrom('plan')
            .select('plan.id')
            .whereRef('plan.program_id', '=', 'p.id')
            .where('plan.organisation_id', 'in', scope)
        )
      ])
    );
}

export async function findProgram(db: Db, id: string, scope: Scope) {
  return db
    .selectFrom('program')
    .innerJoin('organisation', 'organisation.id', 'program.organisation_id')
    .selectAll('program')
    .select('organisation.name as owner_name')
    .where('program.id', '=', id)
    .where('program.id', 'in', readable(db, scope))
    .executeTakeFirst();
}

/** For writes: the owner itself must be in the (manage) scope. */
export async function findOwnedProgram(db: Db, id: string, scope: Scope) {
  return db
    .selectFrom('program')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', 'in', scope)
    .executeTakeFirst();
}

export async function listProgramRows(db: Db, scope: Scope, q: string | null) {
  let query = db
    .selectFrom('program')
    .select(['id', 'title', 'signed_on', 'period_from', 'period_to'])
    .where('id', 'in', readable(db, scope));
  if (q) query = query.where(containsFolded('title_search', q));
  return query.orderBy('period_from', 'desc').orderBy('id').execute();
}

export async function findParties(db: Db, programId: string) {
  return db
    .selectFrom('program_party')
    .innerJoin('organisation', 'organisation.id', 'program_party.organisation_id')
    .select(['organisation.id', 'organisation.name'])
    .where('program_party.program_id', '=', programId)
    .orderBy(collate(db, 'organisation.sort_key'))
    .execute();
}

export async function countOrganisations(db: Db, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const r = await db
    .selectFrom('organisation')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Organisations in `scope`, for the owner/organisation selects. */
export async function orgsIn(db: Db, scope: Scope) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'parent_id'])
    .where('id', 'in', scope)
    .where('valid_to', 'is', null)
    .orderBy(collate(db, 'sort_key'))
    .execute();
}

/** Possible parties: the actor's own organisations and every agency (the other signatory). */
export async function partyChoices(db: Db, scope: Scope) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'kind'])
    .where((eb) => eb.or([eb('id', 'in', scope), eb('kind', '=', 'agency')]))
    .orderBy('kind', 'desc')
    .orderBy(collate(db, 'sort_key'))
    .execute();
}
