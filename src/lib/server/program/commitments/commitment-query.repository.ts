/** SQL for the commitment pages and exports: per-village counts and the filtered list with names. */
import type { Db } from '$lib/server/db';
import type { scopeSubquery } from '$lib/server/access/access';

type Scope = ReturnType<typeof scopeSubquery>;

export interface CommitmentListFilter {
  scope: Scope;
  id?: string;
  villageId?: string;
  kindId?: string;
  from?: string;
  to?: string;
  /** villages to count (the actor's), or all when undefined */
  villageIds?: string[];
}

function filtered(db: Db, f: CommitmentListFilter) {
  let q = db.selectFrom('commitment as c').where('c.organisation_id', 'in', f.scope);
  if (f.id) q = q.where('c.id', '=', f.id);
  if (f.villageId) q = q.where('c.village_unit_id', '=', f.villageId);
  if (f.kindId) q = q.where('c.kind_id', '=', f.kindId);
  if (f.from) q = q.where('c.signed_on', '>=', f.from);
  if (f.to) q = q.where('c.signed_on', '<=', f.to);
  return q;
}

/**
 * Per village: all commitments, those of households and persons, and distinct households
 * (a household that signs two kinds of commitment is one household covered).
 */
export async function countsByVillage(db: Db, f: CommitmentListFilter) {
  const rows = await filtered(db, f)
    .select((eb) => [
      'c.village_unit_id',
      eb.fn.countAll<number | string>().as('total'),
      eb.fn.sum<number | string>(eb.case().when('c.party', '=', 'household').then(1).else(0).end()).as('households'),
      eb.fn.sum<number | string>(eb.case().when('c.party', '=', 'person').then(1).else(0).end()).as('persons'),
      eb.fn.count<number | string>('c.household_name').distinct().as('distinct_households')
    ])
    .groupBy('c.village_unit_id')
    .execute();
  return rows.map((r) => ({
    village_unit_id: r.village_unit_id,
    total: Number(r.total),
    households: Number(r.households ?? 0),
    persons: Number(r.persons ?? 0),
    distinct_households: Number(r.distinct_households)
  }));
}

export async function countCommitments(db: Db, f: CommitmentListFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listCommitmentPage(db: Db, f: CommitmentListFilter, limit: number, offset: number) {
  return filtered(db, f)
    .innerJoin('commitment_kind as k', 'k.id', 'c.kind_id')
    .innerJoin('admin_unit as u', 'u.id', 'c.village_unit_id')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .leftJoin('person as p', 'p.id', 'c.person_id')
    .select([
      'c.id',
      'c.party',
      'c.household_name',
      'c.person_id',
      'c.signed_on',
      'c.notes',
      'c.photo_path',
      'c.organisation_id',
      'c.village_unit_id',
      'c.kind_id',
      'k.name_vi as kind_name',
      'k.name_en as kind_name_en',
      'u.name as village_name',
      'o.name as organisation_name',
      'p.full_name as person_name'
    ])
    .orderBy('c.signed_on', 'desc')
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .limit(limit)
    .offset(offset)
    .execute();
}
