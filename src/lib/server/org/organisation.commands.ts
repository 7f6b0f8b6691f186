/**
 * Creating, editing and closing organisations. Every rule that needs the database lives here;
 * pure placement rules are in organisation.policy.ts. Each change is audited in its transaction.
 * Rule failures are VALIDATION errors on a field (message = catalogue key), so forms show them
 * next to the field and the API lists them under `fields`.
 */
import type { z } from 'zod';
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import type { OrganisationTable } from '$lib/server/db/schema';
import { assertInScope, inScope, isAdministrator, requireAction } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { fold, sortKey } from '$lib/shared/text';
import * as repo from './organisation.repository';
import type { OrgRow } from './organisation.repository';
import { fitsUnder, isOpenOn, kindOfType, type OrgType } from './organisation.policy';
import type { organisationCloseSchema, organisationCreateSchema, organisationPatchSchema } from './organisation.schema';

export type CreateInput = z.output<typeof organisationCreateSchema>;
export type PatchInput = z.output<typeof organisationPatchSchema>;
export type CloseInput = z.output<typeof organisationCloseSchema>;

const invalid = (field: string, key: string) => new AppError('VALIDATION', key, { field });

/** The fields an audit row keeps (no derived search columns). */
const snapshot = (o: OrganisationTable | OrgRow) => ({
  kind: o.kind,
  type: o.type,
  name: o.name,
  parent_id: o.parent_id,
  admin_unit_id: o.admin_unit_id,
  valid_from: o.valid_from,
  valid_to: o.valid_to,
  successor_id: o.successor_id,
  phone: o.phone,
  address: o.address
});

/** The parent must exist, be writable by the actor and be open on `from`; a missing one reads the same as an unwritable one. */
async function loadParent(db: Db, actor: Actor, parentId: string | null, from: string): Promise<OrgRow | null> {
  if (!parentId) {
    if (!isAdministrator(actor)) throw invalid('parent_id', 'org_err_parent_required');
    return null;
  }
  const parent = (await inScope(db, actor, 'org.write', parentId))
    ? await repo.findOrganisation(db, parentId)
    : undefined;
  if (!parent) throw invalid('parent_id', 'org_err_parent');
  if (!isOpenOn(parent, from)) throw invalid('valid_from', 'org_err_parent_closed');
  return parent;
}

/** Type fits the parent, and the unit is valid on `from` and lies within the parent's unit. */
async function checkPlacement(
  db: Db,
  parent: OrgRow | null,
  type: OrgType,
  unitId: string,
  from: string
): Promise<void> {
  if (!fitsUnder(type, (parent?.type ?? null) as OrgType | null)) throw invalid('type', 'org_err_type_parent');
  if (parent && kindOfType(type) !== parent.kind) throw invalid('type', 'org_err_type_parent');
  const unit = await repo.findUnit(db, unitId);
  if (!unit) throw invalid('admin_unit_id', 'org_err_unit');
  if (!isOpenOn(unit, from)) throw invalid('admin_unit_id', 'org_err_unit_date');
  if (parent?.admin_unit_id) {
    const within = await repo.findUnitsWithin(db, parent.admin_unit_id, from);
    if (!within.some((u) => u.id === unitId)) throw invalid('admin_unit_id', 'org_err_unit_outside');
  }
}

export async function createOrganisation(db: Db, actor: Actor, input: CreateInput): Promise<string> {
  requireAction(actor, 'org.write');
  if (kindOfType(input.type) !== input.kind) throw invalid('type', 'org_err_type_kind');
  const parent = await loadParent(db, actor, input.parent_id, input.valid_from);
  await checkPlacement(db, parent, input.type, input.admin_unit_id, input.valid_from);
  const now = nowIso();
  const row: OrganisationTable = {
    id: newId(),
    kind: input.kind,
    type: input.type,
    name: input.name,
    name_search: fold(input.name),
    sort_key: sortKey(input.name),
    parent_id: parent?.id ?? null,
    admin_unit_id: input.admin_unit_id,
    valid_from: input.valid_from,
    valid_to: null,
    successor_id: null,
    phone: input.phone,
    address: input.address,
    created_at: now,
    updated_at: now
  };
  await db.transaction().execute(async (tx) => {
    await repo.insertOrganisation(tx, row);
    await audit(tx, actor, {
      action: 'create',
      entityType: 'organisation',
      entityId: row.id,
      organisationId: row.id,
      after: snapshot(row)
    });
  });
  return row.id;
}

/** Loads an organisation the actor may change, or NOT_FOUND. */
async function loadWritable(db: Db, actor: Actor, id: string): Promise<OrgRow> {
  requireAction(actor, 'org.write');
  await assertInScope(db, actor, 'org.write', id);
  const org = await repo.findOrganisation(db, id);
  if (!org) throw new AppError('NOT_FOUND');
  return org;
}

export async function updateOrganisation(db: Db, actor: Actor, id: string, patch: PatchInput): Promise<void> {
  const current = await loadWritable(db, actor, id);
  const next = {
    type: patch.type ?? (current.type as OrgType),
    name: patch.name ?? current.name,
    admin_unit_id: patch.admin_unit_id ?? current.admin_unit_id ?? '',
    valid_from: patch.valid_from ?? current.valid_from,
    phone: patch.phone === undefined ? current.phone : patch.phone,
    address: patch.address === undefined ? current.address : patch.address
  };
  if (kindOfType(next.type) !== current.kind) throw invalid('type', 'org_err_type_kind');
  if (current.valid_to && next.valid_from >= current.valid_to)
    throw invalid('valid_from', 'org_err_close_before_start');
  // The parent is not re-checked for write scope: moving is not an edit, and the actor already holds this node.
  const parent = current.parent_id ? ((await repo.findOrganisation(db, current.parent_id)) ?? null) : null;
  if (parent && next.valid_from < parent.valid_from) throw invalid('valid_from', 'org_err_parent_closed');
  await checkPlacement(db, parent, next.type, next.admin_unit_id, next.valid_from);
  const changes = { ...next, name_search: fold(next.name), sort_key: sortKey(next.name), updated_at: nowIso() };
  await db.transaction().execute(async (tx) => {
    await repo.updateOrganisation(tx, id, changes);
    await audit(tx, actor, {
      action: 'update',
      entityType: 'organisation',
      entityId: id,
      organisationId: id,
      before: snapshot(current),
      after: snapshot({ ...current, ...changes })
    });
  });
}

/**
 * Closing keeps the row (history stays readable as of earlier dates). The successor must be a
 * body of the same kind the actor can see, open on the closing date. Open children block it,
 * so no branch is left hanging under a closed body.
 */
export async function closeOrganisation(db: Db, actor: Actor, id: string, input: CloseInput): Promise<void> {
  const current = await loadWritable(db, actor, id);
  if (current.valid_to) throw new AppError('CONFLICT', 'org_err_already_closed', { field: 'valid_to' });
  if (input.valid_to <= current.valid_from) throw invalid('valid_to', 'org_err_close_before_start');
  if (input.successor_id) {
    const ok = input.successor_id !== id && (await inScope(db, actor, 'org.read', input.successor_id));
    const successor = ok ? await repo.findOrganisation(db, input.successor_id) : undefined;
    if (!successor || successor.kind !== current.kind || !isOpenOn(successor, input.valid_to))
      throw invalid('successor_id', 'org_err_successor');
  }
  const children = await repo.findChildren(db, id);
  if (children.some((c) => !c.valid_to || c.valid_to > input.valid_to))
    throw invalid('valid_to', 'org_err_open_children');
  const changes = { valid_to: input.valid_to, successor_id: input.successor_id, updated_at: nowIso() };
  await db.transaction().execute(async (tx) => {
    await repo.updateOrganisation(tx, id, changes);
    await audit(tx, actor, {
      action: 'update',
      entityType: 'organisation',
      entityId: id,
      organisationId: id,
      note: 'close',
      before: snapshot(current),
      after: snapshot({ ...current, ...changes })
    });
  });
}
