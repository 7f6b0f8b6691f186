/** Reading effective models: filtered list, replication tree, map points, form choices. */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { inScope, requireAction, scopeSubquery } from '$lib/server/access/access';
import { notFound } from '$lib/server/errors';
import { todayVn } from '$lib/shared/format';
import { fold } from '$lib/shared/text';
import * as repo from './model-list.repository';
import { orgsIn } from '../programs/program.repository';
import { findModel } from './model.repository';
import { getModel } from './model.service';
import { communeBackground } from '$lib/server/reports/public/public.service';
import { READ, RECORD } from '../policy';

/** Pages show at most 500 models; exports take up to EXPORT_LIMIT. */
export const EXPORT_LIMIT = 10_000;

export async function listModelsIn(db: Db, actor: Actor, f: repo.ModelFilter = {}, limit = 500) {
  requireAction(actor, READ);
  return repo.listModelsFiltered(db, scopeSubquery(db, actor, READ), { ...f, q: f.q ? fold(f.q) : null }, limit);
}

export interface TreeNode {
  id: string;
  name: string;
  status: string;
  started_on: string;
  unit_name: string;
  children: TreeNode[];
}

/**
 * The replication tree that holds `modelId`: from the oldest original the actor can see down
 * through every replication in scope. A model outside scope cuts the chain (it is not shown).
 */
export async function replicationTree(db: Db, actor: Actor, modelId: string): Promise<TreeNode | null> {
  requireAction(actor, READ);
  const nodes = await repo.modelNodes(db, scopeSubquery(db, actor, READ));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let root = byId.get(modelId);
  if (!root) return null;
  const seen = new Set<string>();
  while (root.replicated_from_id && byId.has(root.replicated_from_id) && !seen.has(root.id)) {
    seen.add(root.id);
    root = byId.get(root.replicated_from_id)!;
  }
  const build = (id: string, path: Set<string>): TreeNode => {
    const n = byId.get(id)!;
    const kids = nodes.filter((c) => c.replicated_from_id === id && !path.has(c.id));
    return {
      id,
      name: n.name,
      status: n.status,
      started_on: n.started_on,
      unit_name: n.unit_name,
      children: kids.map((c) => build(c.id, new Set([...path, c.id])))
    };
  };
  return build(root.id, new Set([root.id]));
}

export interface MapPoint {
  id: string;
  name: string;
  status: string;
  kind: string;
  place: string;
  lat: number;
  lon: number;
}

/** Models placed at their unit's centre, or the commune's when a village has none. */
export async function modelMapPoints(db: Db, actor: Actor, f: repo.ModelFilter = {}) {
  const rows = await listModelsIn(db, actor, f);
  const points: MapPoint[] = [];
  for (const r of rows) {
    const lat = r.centre_lat ?? r.parent_lat;
    const lon = r.centre_lon ?? r.parent_lon;
    if (lat === null || lon === null) continue;
    points.push({
      id: r.id,
      name: r.name,
      status: r.status,
      kind: r.kind,
      place: r.unit_name,
      lat: Number(lat),
      lon: Number(lon)
    });
  }
  // The commune outlines are the map's background: it needs no tile server.
  return { rows, points, ...(await communeBackground(db)) };
}

export async function modelFilterChoices(db: Db, actor: Actor) {
  requireAction(actor, READ);
  return { communes: await repo.communesWithModels(db, scopeSubquery(db, actor, READ)) };
}

/** Selects for the model form: organisations, places, possible originals. */
export async function modelFormChoices(db: Db, actor: Actor, selfId: string | null = null) {
  requireAction(actor, RECORD);
  const scope = scopeSubquery(db, actor, RECORD);
  const [orgs, units, origins] = await Promise.all([
    orgsIn(db, scope),
    repo.unitChoices(db, scope, todayVn()),
    repo.modelNodes(db, scopeSubquery(db, actor, READ))
  ]);
  return {
    orgs: orgs.map((o) => ({ id: o.id, name: o.name })),
    units: units.map((u) => ({ id: u.id, name: u.full_name })),
    origins: origins.filter((o) => o.id !== selfId).map((o) => ({ id: o.id, name: `${o.name} — ${o.unit_name}` }))
  };
}

/** A model the actor may change (edit page); 404 when missing or out of the record scope. */
export async function getWritableModel(db: Db, actor: Actor, id: string) {
  requireAction(actor, RECORD);
  const row = await findModel(db, id, scopeSubquery(db, actor, RECORD));
  if (!row) throw notFound();
  return row;
}

/** Everything the model page shows: the model, its results, names, replication tree. */
export async function modelDetails(db: Db, actor: Actor, id: string) {
  const model = await getModel(db, actor, id);
  const [labels, tree, canRecord] = await Promise.all([
    repo.modelLabels(db, id),
    replicationTree(db, actor, id),
    inScope(db, actor, RECORD, model.organisation_id)
  ]);
  // The original's name only when the actor may see the original too.
  const originVisible = model.replicated_from_id
    ? !!(await findModel(db, model.replicated_from_id, scopeSubquery(db, actor, READ)))
    : false;
  return { model, labels: { ...labels, origin_name: originVisible ? labels.origin_name : null }, tree, canRecord };
}
