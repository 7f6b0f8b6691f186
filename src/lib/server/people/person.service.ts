/** People: scoped list/search, read, create and edit, memberships. Every change is audited. */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { inScope, requireAction, scopeSubquery } from '$lib/server/access/access';
import type { Action } from '$lib/shared/roles';
import { AppError, notFound } from '$lib/server/errors';
import { audit } from '$lib/server/audit/audit.service';
import { newId, nowIso } from '$lib/server/db/ids';
import { fold, sortKey } from '$lib/shared/text';
import { todayVn } from '$lib/shared/format';
import * as repo from './person.repository';
import type { MembershipInput, PersonInput, PersonOut, PersonPatch, PersonQuery } from './person.schema';

export type PersonRow = NonNullable<Awaited<ReturnType<typeof repo.findPerson>>>;

/** The API/export view of a person: never sensitive fields. */
export function toPersonOut(p: PersonRow): PersonOut {
  return {
    id: p.id,
    organisation_id: p.organisation_id,
    full_name: p.full_name,
    birth_year: p.birth_year,
    sex: p.sex,
    village_unit_id: p.village_unit_id,
    phone: p.phone,
    address: p.address,
    is_member: Boolean(p.is_member),
    anonymised_at: p.anonymised_at,
    created_at: p.created_at,
    updated_at: p.updated_at
  };
}

/** Audited fields: everything except sensitive data (which lives elsewhere anyway). */
const auditView = (p: Partial<PersonRow> | PersonInput) => ({
  full_name: p.full_name,
  birth_year: p.birth_year,
  sex: p.sex,
  organisation_id: p.organisation_id,
  village_unit_id: p.village_unit_id,
  phone: p.phone,
  address: p.address
});

export async function listPeople(db: Db, actor: Actor, query: PersonQuery) {
  requireAction(actor, 'person.read');
  const limit = query.per_page;
  const { rows, total } = await repo.listPeople(
    db,
    {
      scope: scopeSubquery(db, actor, 'person.read'),
      q: fold(query.q),
      organisationId: query.organisation_id,
      villageUnitId: query.village_unit_id,
      member: query.member as '' | 'yes' | 'no'
    },
    (query.page - 1) * limit,
    limit
  );
  return {
    rows: rows.map((r) => ({ ...r, is_member: Boolean(r.is_member) })),
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / limit))
  };
}

/** A person in scope for `action`, or NOT_FOUND (missing and out-of-scope look the same). */
export async function getPerson(db: Db, actor: Actor, id: string, action: Action = 'person.read'): Promise<PersonRow> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const person = await repo.findPerson(db, id);
  if (!person || !(await inScope(db, actor, action, person.organisation_id))) throw notFound();
  return { ...person, is_member: Boolean(person.is_member) };
}

/** The commune whose villages a keeping organisation may choose from. */
export async function communeOf(db: Db, organisationId: string): Promise<string | null> {
  const org = await repo.findOrganisation(db, organisationId);
  if (!org?.admin_unit_id) return null;
  const unit = await repo.findUnit(db, org.admin_unit_id);
  if (!unit) return null;
  if (unit.level === 'commune') return unit.id;
  return unit.level === 'village' ? unit.parent_id : null;
}

export async function villagesFor(db: Db, organisationId: string) {
  const commune = await communeOf(db, organisationId);
  return commune ? repo.listVillages(db, commune, todayVn()) : [];
}

/** Keeping organisations and their villages, for the person form and the list filters. */
export async function formOptions(db: Db, actor: Actor, action: 'person.read' | 'person.write' = 'person.write') {
  requireAction(actor, action);
  const organisations = await repo.listKeeperOrganisations(db, scopeSubquery(db, actor, action));
  const villages: { id: string; name: string; organisation_ids: string[] }[] = [];
  for (const o of organisations) {
    for (const v of await villagesFor(db, o.id)) {
      const seen = villages.find((x) => x.id === v.id);
      if (seen) seen.organisation_ids.push(o.id);
      else villages.push({ id: v.id, name: v.name, organisation_ids: [o.id] });
    }
  }
  return { organisations, villages };
}

async function checkKeeperAndVillage(db: Db, actor: Actor, organisationId: string, villageId: string | null) {
  if (!(await inScope(db, actor, 'person.write', organisationId))) {
    throw new AppError('VALIDATION', 'people_err_organisation', { field: 'organisation_id' });
  }
  if (villageId && !(await villagesFor(db, organisationId)).some((v) => v.id === villageId)) {
    throw new AppError('VALIDATION', 'people_err_village', { field: 'village_unit_id' });
  }
}

export async function assertCardFree(db: Db, cardNumber: string | null, personId: string | null = null) {
  if (cardNumber && (await repo.findCardHolders(db, cardNumber, personId)).length) {
    throw new AppError('CONFLICT', 'people_err_card_taken', { field: 'card_number' });
  }
}

export async function createPerson(
  db: Db,
  actor: Actor,
  input: PersonInput,
  membership: MembershipInput | null = null
): Promise<string> {
  requireAction(actor, 'person.write');
  await checkKeeperAndVillage(db, actor, input.organisation_id, input.village_unit_id);
  if (membership) await assertCardFree(db, membership.card_number);
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    await repo.insertPerson(tx, {
      id,
      ...input,
      name_search: fold(input.full_name),
      sort_key: sortKey(input.full_name),
      anonymised_at: null,
      created_at: now,
      updated_at: now
    });
    await audit(tx, actor, {
      action: 'person.create',
      entityType: 'person',
      entityId: id,
      organisationId: input.organisation_id,
      after: auditView(input)
    });
    if (membership) await insertMembershipAudited(tx, actor, id, input.organisation_id, membership);
  });
  return id;
}

export async function updatePerson(db: Db, actor: Actor, id: string, patch: PersonPatch): Promise<void> {
  const before = await getPerson(db, actor, id, 'person.write');
  if (before.anonymised_at) throw new AppError('CONFLICT', 'people_err_anonymised');
  const next = {
    ...auditView(before),
    ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
  } as PersonInput;
  await checkKeeperAndVillage(db, actor, next.organisation_id, next.village_unit_id);
  await db.transaction().execute(async (tx) => {
    await repo.updatePerson(tx, id, {
      ...next,
      name_search: fold(next.full_name),
      sort_key: sortKey(next.full_name),
      updated_at: nowIso()
    });
    await audit(tx, actor, {
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      organisationId: next.organisation_id,
      before: auditView(before),
      after: auditView(next)
    });
  });
}

export async function insertMembershipAudited(
  db: Db,
  actor: Actor,
  personId: string,
  organisationId: string,
  m: MembershipInput
): Promise<string> {
  const row = {
    id: newId(),
    person_id: personId,
    organisation_id: organisationId,
    card_number: m.card_number,
    joined_on: m.joined_on,
    left_on: null,
    created_at: nowIso()
  };
  await repo.insertMembership(db, row);
  await audit(db, actor, {
    action: 'membership.create',
    entityType: 'membership',
    entityId: row.id,
    organisationId,
    after: row
  });
  return row.id;
}

/** Membership in the person's keeping organisation. */
export async function addMembership(db: Db, actor: Actor, personId: string, m: MembershipInput): Promise<string> {
  const person = await getPerson(db, actor, personId, 'person.write');
  if (person.anonymised_at) throw new AppError('CONFLICT', 'people_err_anonymised');
  await assertCardFree(db, m.card_number);
  return db.transaction().execute((tx) => insertMembershipAudited(tx, actor, personId, person.organisation_id, m));
}

export async function endMembership(
  db: Db,
  actor: Actor,
  personId: string,
  membershipId: string,
  leftOn: string
): Promise<void> {
  await getPerson(db, actor, personId, 'person.write');
  const m = (await repo.listMemberships(db, personId)).find((x) => x.id === membershipId);
  if (!m) throw notFound();
  if (leftOn < m.joined_on) throw new AppError('VALIDATION', 'people_err_left_before_joined', { field: 'left_on' });
  await db.transaction().execute(async (tx) => {
    await repo.updateMembership(tx, membershipId, { left_on: leftOn });
    await audit(tx, actor, {
      action: 'membership.update',
      entityType: 'membership',
      entityId: membershipId,
      organisationId: m.organisation_id,
      before: { left_on: m.left_on },
      after: { left_on: leftOn }
    });
  });
}

/** What the actor may do with a person kept by `organisationId` (to show or hide forms). */
export async function personPermissions(db: Db, actor: Actor, organisationId: string) {
  const [write, sensitive, exportable] = await Promise.all([
    inScope(db, actor, 'person.write', organisationId),
    inScope(db, actor, 'person.sensitive', organisationId),
    inScope(db, actor, 'person.export', organisationId)
  ]);
  return { write, sensitive, export: exportable };
}

export async function memberships(db: Db, actor: Actor, personId: string) {
  await getPerson(db, actor, personId);
  return repo.listMemberships(db, personId);
}
