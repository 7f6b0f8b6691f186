/**
 * Reading organisations within the actor's scope: list, tree, details, and the choices the
 * create/edit forms offer. Writes live in organisation.commands.ts.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { inScope, isAdministrator, requireAction, scopeSubquery } from '$lib/server/access/access';
import { notFound } from '$lib/server/errors';
import { fold } from '$lib/shared/text';
import { todayVn } from '$lib/shared/format';
import * as repo from './organisation.repository';
import type { OrgRow, UnitRow } from './organisation.repository';
import type { OrgQuery, OrganisationOut } from './organisation.schema';
import { typesUnder, type OrgKind, type OrgType } from './organisation.policy';

export const PAGE_SIZE = 50;
/** The tree shows a whole province at once; beyond this the list view with filters is the way. */
export const TREE_LIMIT = 2000;

export type { OrgRow };

function filterOf(db: Db, actor: Actor, query: OrgQuery, today: string): repo.OrgFilter {
  return {
    scope: scopeSubquery(db, actor, 'org.read'),
    kind: query.kind,
    type: query.type,
    q: query.q ? fold(query.q) : undefined,
    // Without a date, "include closed" decides whether today's closed bodies are listed.
    openOn: query.as_of ?? (query.include_closed ? null : today)
  };
}

export async function listOrganisations(db: Db, actor: Actor, query: OrgQuery, today = todayVn()) {
  requireAction(actor, 'org.read');
  const filter = filterOf(db, actor, query, today);
  const page = query.page ?? 1;
  const [items, total] = await Promise.all([
    repo.findOrganisations(db, filter, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    repo.countOrganisations(db, filter)
  ]);
  return { items, total, page, pageSize: PAGE_SIZE };
}

export interface TreeNode {
  org: OrgRow;
  children: TreeNode[];
}

/** Children under their parents; a node whose parent is not listed (filtered or out of scope) is a root. */
export async function organisationTree(db: Db, actor: Actor, query: OrgQuery, today = todayVn()): Promise<TreeNode[]> {
  requireAction(actor, 'org.read');
  const rows = await repo.findOrganisations(db, filterOf(db, actor, query, today), TREE_LIMIT, 0);
  const nodes = new Map(rows.map((org) => [org.id, { org, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  // Rows arrive in Vietnamese order, so pushing in order keeps every level sorted.
  for (const node of nodes.values()) {
    const parent = node.org.parent_id ? nodes.get(node.org.parent_id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** One organisation, or NOT_FOUND when missing or outside the actor's read scope. */
export async function getOrganisation(db: Db, actor: Actor, id: string): Promise<OrgRow> {
  requireAction(actor, 'org.read');
  if (!(await inScope(db, actor, 'org.read', id))) throw notFound();
  const org = await repo.findOrganisation(db, id);
  if (!org) throw notFound();
  return org;
}

const visible = async <T extends { id: string }>(db: Db, actor: Actor, list: T[]): Promise<T[]> => {
  const keep = await Promise.all(list.map((x) => inScope(db, actor, 'org.read', x.id)));
  return list.filter((_, i) => keep[i]);
};

/** Everything the details page shows. Links to bodies outside the actor's scope are left out. */
export async function organisationDetails(db: Db, actor: Actor, id: string, today = todayVn()) {
  const org = await getOrganisation(db, actor, id);
  const [ancestors, children, predecessors, members, canWrite] = await Promise.all([
    repo.findAncestors(db, id),
    repo.findChildren(db, id),
    repo.findPredecessors(db, id),
    repo.countMembers(db, id, today),
    inScope(db, actor, 'org.write', id)
  ]);
  const successor = org.successor_id
    ? await visible(db, actor, [{ id: org.successor_id, name: org.successor_name ?? '' }])
    : [];
  return {
    org,
    ancestors: await visible(db, actor, ancestors),
    children,
    predecessors: await visible(db, actor, predecessors),
    successor: successor[0] ?? null,
    members,
    canWrite,
    canAddChild: canWrite && typesUnder(org.type as OrgType).length > 0 && !org.valid_to
  };
}

/** May the actor change this organisation? (For showing buttons; the commands check again.) */
export const canWrite = (db: Db, actor: Actor, id: string) => inScope(db, actor, 'org.write', id);

/** Open organisations the actor may add children to, for the "choose a parent" step. */
export async function writableParents(db: Db, actor: Actor, today = todayVn()): Promise<OrgRow[]> {
  requireAction(actor, 'org.write');
  const rows = await repo.findOrganisations(
    db,
    { scope: scopeSubquery(db, actor, 'org.write'), openOn: today },
    TREE_LIMIT,
    0
  );
  return rows.filter((r) => typesUnder(r.type as OrgType).length > 0);
}

/**
 * Units an organisation under `parent` may be attached to: the parent's unit and the units
 * inside it (communes, villages) valid on `date`; top-level units when there is no parent.
 */
export async function unitChoices(db: Db, parent: OrgRow | null, date: string): Promise<UnitRow[]> {
  if (!parent?.admin_unit_id) return [...(await repo.findTopUnits(db, date)), ...(await unitsBelowTop(db, date))];
  const units = await repo.findUnitsWithin(db, parent.admin_unit_id, date);
  // The parent's own unit first, then the others in the repository's order.
  return [...units.filter((u) => u.id === parent.admin_unit_id), ...units.filter((u) => u.id !== parent.admin_unit_id)];
}

async function unitsBelowTop(db: Db, date: string): Promise<UnitRow[]> {
  const tops = await repo.findTopUnits(db, date);
  const below = await Promise.all(tops.map((t) => repo.findUnitsWithin(db, t.id, date)));
  return below.flat().filter((u) => u.parent_id !== null);
}

/** A unit as a select option: "Xã Bình Lư (03301)". */
export const unitOption = (u: { id: string; code: string | null; full_name: string }) => ({
  value: u.id,
  label: u.code ? `${u.full_name} (${u.code})` : u.full_name
});

/** The first step of creating: parents the actor may add to (administrators may also start a top-level body). */
export async function parentChoices(db: Db, actor: Actor) {
  const parents = await writableParents(db, actor);
  return { parents: parents.map((p) => ({ id: p.id, name: p.name })), allowTop: isAdministrator(actor) };
}

/**
 * The second step: what may be created under `parentId` ('' = top level, administrators only).
 * A parent the actor may not add to, or one that takes no children, is NOT_FOUND.
 */
export async function createChoices(db: Db, actor: Actor, parentId: string, today = todayVn()) {
  if (!parentId && !isAdministrator(actor)) throw notFound();
  const parent = parentId ? await getOrganisation(db, actor, parentId) : null;
  if (parent && !(await canWrite(db, actor, parent.id))) throw notFound();
  const types = typeChoices(parent);
  if (!types.length) throw notFound();
  return { parent, types, units: await unitChoices(db, parent, today) };
}

/** Types offered when creating under `parent` (top level: root types of any kind). */
export function typeChoices(parent: OrgRow | null): OrgType[] {
  return typesUnder((parent?.type ?? null) as OrgType | null, parent ? (parent.kind as OrgKind) : undefined);
}

/** The API representation. */
export function toApi(o: OrgRow): OrganisationOut {
  return {
    id: o.id,
    kind: o.kind,
    type: o.type as OrgType,
    name: o.name,
    parent: o.parent_id ? { id: o.parent_id, name: o.parent_name ?? '' } : null,
    admin_unit: o.admin_unit_id ? { id: o.admin_unit_id, code: o.unit_code, name: o.unit_name ?? '' } : null,
    valid_from: o.valid_from,
    valid_to: o.valid_to,
    successor: o.successor_id ? { id: o.successor_id, name: o.successor_name ?? '' } : null,
    phone: o.phone,
    address: o.address
  };
}

/** Bodies that may succeed `org`: same kind, visible to the actor, open today, not itself. */
export async function successorChoices(db: Db, actor: Actor, org: OrgRow, today = todayVn()): Promise<OrgRow[]> {
  const rows = await repo.findOrganisations(
    db,
    { scope: scopeSubquery(db, actor, 'org.read'), kind: org.kind, openOn: today },
    TREE_LIMIT,
    0
  );
  return rows.filter((r) => r.id !== org.id);
}

/** Loads an organisation for an edit/close page: NOT_FOUND unless the actor may change it. */
export async function getWritable(db: Db, actor: Actor, id: string): Promise<OrgRow> {
  const org = await getOrganisation(db, actor, id);
  if (!(await canWrite(db, actor, id))) throw notFound();
  return org;
}

/**
 * Types and units offered when editing `org` (already checked writable). The parent may lie
 * outside the actor's scope (a commune officer's own Hội hangs under the province), so it is
 * read here only for its type and unit, never returned.
 */
export async function editChoices(
  db: Db,
  org: OrgRow,
  today = todayVn()
): Promise<{ types: OrgType[]; units: UnitRow[] }> {
  const parent = org.parent_id ? ((await repo.findOrganisation(db, org.parent_id)) ?? null) : null;
  const types = [...new Set([org.type as OrgType, ...typeChoices(parent)])];
  const units = await unitChoices(db, parent, today);
  return { types, units };
}
