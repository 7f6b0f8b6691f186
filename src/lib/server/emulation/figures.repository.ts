/** SQL for the dashboard's emulation figures: the subtree's population and its registrations. */
import type { Db } from '$lib/server/db';
import { collate } from '$lib/server/db/dialect';
import type { OrgScope } from '$lib/server/access/access';
import type { SubjectKind } from '$lib/shared/emulation/rules';

const subtree = (db: Db, orgId: string) =>
  db.selectFrom('organisation_closure').select('descendant_id').where('ancestor_id', '=', orgId);

/** Members (not anonymised), branches and commune Hội under the organisation: what the shares are "of". */
export async function populationOf(db: Db, orgId: string) {
  const [members, branches, communes] = await Promise.all([
    db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', 'in', subtree(db, orgId))
      .where('anonymised_at', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('organisation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', 'in', subtree(db, orgId))
      .where('type', '=', 'branch')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('organisation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', 'in', subtree(db, orgId))
      .where('type', '=', 'commune_association')
      .executeTakeFirstOrThrow()
  ]);
  return { members: Number(members.n), branches: Number(branches.n), communes: Number(communes.n) };
}

/** Registrations entered under the organisation, in scope, with what a list shows. */
export async function registrationsUnder(db: Db, orgId: string, scope: OrgScope, kind: SubjectKind | null) {
  let q = db
    .selectFrom('emu_registration as r')
    .innerJoin('emu_campaign as c', 'c.id', 'r.campaign_id')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .leftJoin('person as p', 'p.id', 'r.person_id')
    .leftJoin('organisation as so', 'so.id', 'r.subject_org_id')
    .select([
      'r.id',
      'r.subject_kind',
      'r.status',
      'r.result',
      'c.name as campaign_name',
      'o.name as organisation_name',
      'p.full_name as person_name',
      'r.household_name',
      'so.name as subject_org_name'
    ])
    .where('r.organisation_id', 'in', subtree(db, orgId))
    .where('r.organisation_id', 'in', scope);
  if (kind) q = q.where('r.subject_kind', '=', kind);
  return q.orderBy(collate(db, 'o.sort_key')).orderBy('r.created_at').limit(2000).execute();
}
