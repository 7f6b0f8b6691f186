/**
 * Administrators edit the violation taxonomy: name, group, picture, legal basis, urgent lane
 * and whether the public may choose it. Categories are never deleted (reports keep pointing at
 * them); an unused one is switched off. Every change is audited.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { requireAdmin } from '$lib/server/accounts/admin.policy';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { fold } from '$lib/shared/text';
import * as repo from './reference.repository';
import type { CategoryInput } from './admin.schema';

const invalid = (field: string, key: string) => new AppError('VALIDATION', key, { field });

export async function categoryAdminData(db: Db, actor: Actor) {
  requireAdmin(actor);
  const [groups, categories] = await Promise.all([repo.listGroups(db), repo.listAllCategories(db)]);
  return { groups, categories };
}

export async function getCategoryForEdit(db: Db, actor: Actor, id: string) {
  requireAdmin(actor);
  const row = await repo.findCategoryById(db, id);
  if (!row) throw notFound();
  return row;
}

async function check(db: Db, input: CategoryInput, exceptId: string | null): Promise<void> {
  if (!(await repo.groupExists(db, input.group_id))) throw invalid('group_id', 'ra_err_group');
  if (await repo.codeTaken(db, input.code, exceptId)) throw invalid('code', 'ra_err_code_taken');
}

const columns = (i: CategoryInput) => ({
  code: i.code,
  group_id: i.group_id,
  name_vi: i.name_vi,
  name_en: i.name_en,
  name_search: fold(i.name_vi),
  legal_basis: i.legal_basis,
  icon: i.icon,
  urgent: i.urgent ? 1 : 0,
  active: i.active ? 1 : 0,
  sort_order: i.sort_order
});

/** What the audit trail shows (no search helper column). */
const shown = (c: Omit<ReturnType<typeof columns>, 'icon'> & { icon: string | null }) => {
  const { name_search: _n, ...rest } = c;
  return rest;
};

export async function createCategory(db: Db, actor: Actor, input: CategoryInput): Promise<string> {
  requireAdmin(actor);
  await check(db, input, null);
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    await repo.insertCategory(tx, { id, ...columns(input), created_at: now, updated_at: now });
    await audit(tx, actor, { action: 'create', entityType: 'category', entityId: id, after: shown(columns(input)) });
  });
  return id;
}

export async function updateCategory(db: Db, actor: Actor, id: string, input: CategoryInput): Promise<void> {
  const before = await getCategoryForEdit(db, actor, id);
  await check(db, input, id);
  const after = columns(input);
  await db.transaction().execute(async (tx) => {
    await repo.updateCategory(tx, id, { ...after, updated_at: nowIso() });
    await audit(tx, actor, {
      action: 'update',
      entityType: 'category',
      entityId: id,
      before: shown(pick(before)),
      after: shown(after)
    });
  });
}

/** The stored row in the same shape as columns(), for a field-by-field audit diff. */
function pick(r: NonNullable<Awaited<ReturnType<typeof repo.findCategoryById>>>) {
  return {
    code: r.code,
    group_id: r.group_id,
    name_vi: r.name_vi,
    name_en: r.name_en,
    name_search: r.name_search,
    legal_basis: r.legal_basis,
    icon: r.icon,
    urgent: r.urgent,
    active: r.active,
    sort_order: r.sort_order
  };
}
