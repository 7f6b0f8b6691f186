/** SQL for the queue's search: narrowing by category, commune, words and received dates. */
import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '$lib/server/db';
import type { DB } from '$lib/server/db/schema';
import { containsFolded } from '$lib/server/db/predicates';
import { collate } from '$lib/server/db/dialect';
import { compareVi } from '$lib/shared/text';
import type { QueueFilter, Scope } from './workflow.repository';

export interface QueueSearch {
  categoryId?: string;
  communeUnitId?: string;
  /** Only reports still waiting for an officer to set their commune. */
  unplaced?: boolean;
  /** Words of the description (accents ignored) or the start of the short reference. */
  text?: string;
  /** Received on or after / before, as UTC instants of the Vietnamese day bounds. */
  receivedFrom?: string;
  receivedBefore?: string;
}

type Q<O> = SelectQueryBuilder<DB & { r: DB['report'] }, 'r' | any, O>;

/** The queue's rows: this side of the scope, these statuses, the tab's conditions, the search. */
export function filtered<O>(q: Q<O>, scope: Scope, f: QueueFilter): Q<O> {
  q = q
    .where(f.side === 'association' ? 'r.commune_org_id' : 'r.agency_org_id', 'in', scope)
    .where('r.status', 'in', [...f.statuses]);
  if (f.overdueBefore) q = q.where('r.deadline_on', '<', f.overdueBefore);
  if (f.pendingExtension)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('extension_request as x')
          .select('x.id')
          .whereRef('x.report_id', '=', 'r.id')
          .where('x.status', '=', 'pending')
      )
    );
  return withSearch(q, f.search);
}

/** How many rows the tab holds (the home page's counts). */
export async function countQueue(db: Db, scope: Scope, f: QueueFilter): Promise<number> {
  const row = await filtered(
    db.selectFrom('report as r').select((eb) => eb.fn.countAll<number>().as('n')) as Q<{ n: number }>,
    scope,
    f
  ).executeTakeFirst();
  return Number(row?.n ?? 0);
}

function withSearch<O>(q: Q<O>, s: QueueSearch | undefined): Q<O> {
  if (!s) return q;
  if (s.categoryId) q = q.where('r.category_id', '=', s.categoryId);
  if (s.communeUnitId) q = q.where('r.commune_unit_id', '=', s.communeUnitId);
  if (s.unplaced) q = q.where('r.commune_unit_id', 'is', null);
  if (s.receivedFrom) q = q.where('r.created_at', '>=', s.receivedFrom);
  if (s.receivedBefore) q = q.where('r.created_at', '<', s.receivedBefore);
  const text = s.text;
  if (text) {
    const ref = /^[0-9a-f]{4,8}$/i.test(text) ? text.toLowerCase() : null;
    q = q.where((eb) =>
      eb.or([containsFolded('r.description_search', text), ...(ref ? [eb('r.id', 'like', `${ref}%`)] : [])])
    );
  }
  return q;
}

/**
 * Communes that have reports on this side of the actor's scope (the search's choices), in
 * Vietnamese order. Grouped rather than distinct, so the sort key orders without being sent.
 */
export async function queueCommunes(db: Db, scope: Scope, side: 'association' | 'agency') {
  return db
    .selectFrom('report as r')
    .innerJoin('admin_unit as u', 'u.id', 'r.commune_unit_id')
    .select(['u.id', 'u.name'])
    .where(side === 'association' ? 'r.commune_org_id' : 'r.agency_org_id', 'in', scope)
    .groupBy(['u.id', 'u.name', 'u.sort_key'])
    .orderBy(collate(db, 'u.sort_key'))
    .limit(300)
    .execute();
}

/** Categories by their Vietnamese name, in Vietnamese order (a short list: sorted here). */
export async function activeCategoryNames(db: Db) {
  const rows = await db.selectFrom('category').select(['id', 'name_vi', 'name_en']).where('active', '=', 1).execute();
  return rows.sort((a, b) => compareVi(a.name_vi, b.name_vi));
}
