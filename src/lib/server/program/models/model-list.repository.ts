/** SQL for the model list, tree, map, exports and form choices (beside model.repository.ts). */
import { containsFolded, validOn } from '$lib/server/db/predicates';
import type { Db } from '$lib/server/db';
import type { ModelTable } from '$lib/server/db/schema';
import type { scopeSubquery } from '$lib/server/access/access';
import { collate } from '$lib/server/db/dialect';

type Scope = ReturnType<typeof scopeSubquery>;

export interface ModelFilter {
  kind?: string | null;
  status?: string | null;
  /** a commune: models placed on it or on one of its villages */
  communeId?: string | null;
  /** folded search text */
  q?: string | null;
}

export async function listModelsFiltered(db: Db, scope: Scope, f: ModelFilter, limit = 500) {
  let q = db
    .selectFrom('model as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .innerJoin('admin_unit as u', 'u.id', 'm.admin_unit_id')
    .leftJoin('admin_unit as pu', 'pu.id', 'u.parent_id')
    // The original's name only when it is in scope too (a neighbour's model stays unseen).
    .leftJoin('model as src', (j) =>
      j.onRef('src.id', '=', 'm.replicated_from_id').on('src.organisation_id', 'in', scope)
    )
    .select([
      'm.id',
      'm.name',
      'm.kind',
      'm.status',
      'm.started_on',
      'm.ended_on',
      'm.people_involved',
      'm.evidence',
      'm.recognised_by',
      'm.recognised_on',
      'm.replicated_from_id',
      'src.name as replicated_from_name',
      'o.name as organisation_name',
      'u.full_name as unit_name',
      'u.level as unit_level',
      'pu.full_name as parent_unit_name',
      'u.centre_lat',
      'u.centre_lon',
      'pu.centre_lat as parent_lat',
      'pu.centre_lon as parent_lon'
    ])
    .where('m.organisation_id', 'in', scope);
  if (f.kind) q = q.where('m.kind', '=', f.kind);
  if (f.status) q = q.where('m.status', '=', f.status as ModelTable['status']);
  if (f.communeId) q = q.where((eb) => eb.or([eb('u.id', '=', f.communeId!), eb('u.parent_id', '=', f.communeId!)]));
  if (f.q) q = q.where(containsFolded('m.name_search', f.q));
  return q.orderBy('m.started_on', 'desc').orderBy('m.id').limit(limit).execute();
}

export type ModelListRow = Awaited<ReturnType<typeof listModelsFiltered>>[number];

/** Every model in scope as a tree node (id, parent link, label parts). */
export async function modelNodes(db: Db, scope: Scope) {
  return db
    .selectFrom('model as m')
    .innerJoin('admin_unit as u', 'u.id', 'm.admin_unit_id')
    .select(['m.id', 'm.name', 'm.status', 'm.started_on', 'm.replicated_from_id', 'u.full_name as unit_name'])
    .where('m.organisation_id', 'in', scope)
    .orderBy('m.started_on')
    .orderBy('m.id')
    .execute();
}

/** Communes that hold a model in scope (for the filter). */
export async function communesWithModels(db: Db, scope: Scope) {
  const units = db
    .selectFrom('model as m')
    .innerJoin('admin_unit as u', 'u.id', 'm.admin_unit_id')
    .select((eb) =>
      eb.fn
        .coalesce(
          eb.case().when('u.level', '=', 'village').then(eb.ref('u.parent_id')).else(eb.ref('u.id')).end(),
          eb.ref('u.id')
        )
        .as('commune_id')
    )
    .where('m.organisation_id', 'in', scope);
  return db
    .selectFrom('admin_unit')
    .select(['id', 'full_name'])
    .where('id', 'in', units)
    .where('level', '=', 'commune')
    .orderBy(collate(db, 'sort_key'))
    .execute();
}

/** Units a model may be placed on: the areas of the organisations in scope and the units right under them. */
export async function unitChoices(db: Db, scope: Scope, date: string) {
  const areas = db
    .selectFrom('organisation')
    .select('admin_unit_id')
    .where('id', 'in', scope)
    .where('admin_unit_id', 'is not', null);
  return db
    .selectFrom('admin_unit')
    .select(['id', 'code', 'full_name', 'level'])
    .where((eb) => eb.or([eb('id', 'in', areas as never), eb('parent_id', 'in', areas as never)]))
    .where(validOn('admin_unit', date))
    .orderBy(collate(db, 'sort_key'))
    .execute();
}

/** Names shown beside a model on its page. */
export async function modelLabels(db: Db, id: string) {
  return db
    .selectFrom('model as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .innerJoin('admin_unit as u', 'u.id', 'm.admin_unit_id')
    .leftJoin('admin_unit as pu', 'pu.id', 'u.parent_id')
    .leftJoin('model as src', 'src.id', 'm.replicated_from_id')
    .select([
      'o.name as organisation_name',
      'u.full_name as unit_name',
      'u.level as unit_level',
      'pu.full_name as parent_unit_name',
      'src.name as origin_name'
    ])
    .where('m.id', '=', id)
    .executeTakeFirstOrThrow();
}
