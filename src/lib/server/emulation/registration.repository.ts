/** SQL for registrations, manual evidence, councils and votes. */
import type { Db } from '$lib/server/db';
import { collate } from '$lib/server/db/dialect';
import { containsFolded } from '$lib/server/db/predicates';
import type { OrgScope } from '$lib/server/access/access';
import type { EmuCouncilTable, EmuEvidenceTable, EmuRegistrationTable, EmuVoteTable } from '$lib/server/db/schema';

/**
 * Organisations whose name, or the name of one above them, contains `q` (diacritics ignored):
 * looking for a commune finds the commune Hội and its branches.
 */
export function placesNamed(db: Db, q: string) {
  return db
    .selectFrom('organisation_closure as pc')
    .innerJoin('organisation as pa', 'pa.id', 'pc.ancestor_id')
    .select('pc.descendant_id')
    .where(containsFolded('pa.name_search', q));
}

export async function insertRegistration(db: Db, row: EmuRegistrationTable): Promise<void> {
  await db.insertInto('emu_registration').values(row).execute();
}

export async function findBySubject(db: Db, campaignId: string, subjectKey: string) {
  return db
    .selectFrom('emu_registration')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .where('subject_key', '=', subjectKey)
    .executeTakeFirst();
}

export async function updateRegistration(db: Db, id: string, patch: Partial<EmuRegistrationTable>): Promise<void> {
  await db.updateTable('emu_registration').set(patch).where('id', '=', id).execute();
}

/** Registrations with the name of who registered: a member, a household or a branch. */
function withNames(db: Db) {
  return db
    .selectFrom('emu_registration as r')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .leftJoin('person as p', 'p.id', 'r.person_id')
    .leftJoin('organisation as so', 'so.id', 'r.subject_org_id')
    .selectAll('r')
    .select(['o.name as organisation_name', 'p.full_name as person_name', 'so.name as subject_org_name']);
}

export async function findRegistration(db: Db, id: string, scope: OrgScope) {
  return withNames(db).where('r.id', '=', id).where('r.organisation_id', 'in', scope).executeTakeFirst();
}

export async function listRegistrationRows(
  db: Db,
  scope: OrgScope,
  f: { campaignId?: string; organisationId?: string; personId?: string; q?: string }
) {
  let q = withNames(db).where('r.organisation_id', 'in', scope);
  // A search names a commune or branch: the registering level or the registered collective.
  if (f.q?.trim()) {
    const named = placesNamed(db, f.q);
    q = q.where((eb) => eb.or([eb('r.organisation_id', 'in', named), eb('r.subject_org_id', 'in', named)]));
  }
  if (f.campaignId) q = q.where('r.campaign_id', '=', f.campaignId);
  if (f.personId) q = q.where('r.person_id', '=', f.personId);
  if (f.organisationId)
    q = q.where(
      'r.organisation_id',
      'in',
      db.selectFrom('organisation_closure').select('descendant_id').where('ancestor_id', '=', f.organisationId)
    );
  return q.orderBy('r.created_at').orderBy('r.id').limit(1000).execute();
}

/** One registration, only if it is about this person (a member opening her own). */
export async function findOwnRegistration(db: Db, id: string, personId: string) {
  return withNames(db).where('r.id', '=', id).where('r.person_id', '=', personId).executeTakeFirst();
}

/**
 * A registration nominated (pending or decided, not returned) to an organisation in `scope`:
 * the level that decides the award reads the nominee's dossier.
 */
export async function findNominatedRegistration(db: Db, id: string, scope: OrgScope) {
  return withNames(db).where('r.id', '=', id).where('r.id', 'in', nominatedIn(db, scope)).executeTakeFirst();
}

/** Whether the registration stands nominated to an organisation in `scope`. */
export const nominatedTo = async (db: Db, scope: OrgScope, registrationId: string) =>
  !!(await nominatedIn(db, scope).where('n.registration_id', '=', registrationId).executeTakeFirst());

/** The nominations standing before an organisation in `scope` (a returned one is no longer its to decide). */
export const nominatedIn = (db: Db, scope: OrgScope) =>
  db
    .selectFrom('emu_nomination as n')
    .select('n.registration_id')
    .where('n.to_org_id', 'in', scope)
    .where('n.status', 'in', ['pending', 'decided']);

/** A member's own registrations, through the person linked to their account, each with its campaign's name. */
export async function registrationsOfPerson(db: Db, personId: string) {
  return withNames(db)
    .innerJoin('emu_campaign as c', 'c.id', 'r.campaign_id')
    .select('c.name as campaign_name')
    .where('r.person_id', '=', personId)
    .orderBy('r.created_at', 'desc')
    .execute();
}

export async function personsOf(db: Db, organisationId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('person')
    .select(['id', 'organisation_id'])
    .where('id', 'in', ids)
    .where('organisation_id', '=', organisationId)
    .where('anonymised_at', 'is', null)
    .execute();
}

export async function childOrgs(db: Db, parentId: string, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('organisation').select('id').where('id', 'in', ids).where('parent_id', '=', parentId).execute();
}

/** Commune associations below the registering level (the province Hội registers its communes). */
export async function communesUnder(db: Db, registrarId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('organisation as o')
    .innerJoin('organisation_closure as c', 'c.descendant_id', 'o.id')
    .select('o.id')
    .where('o.id', 'in', ids)
    .where('o.type', '=', 'commune_association')
    .where('o.valid_to', 'is', null)
    .where('c.ancestor_id', '=', registrarId)
    .where('c.depth', '>', 0)
    .execute();
}

/** Organisations of the environment side: an environment department and the units under it. */
const envSector = (db: Db) =>
  db
    .selectFrom('organisation_closure as ec')
    .innerJoin('organisation as ed', 'ed.id', 'ec.ancestor_id')
    .select('ec.descendant_id')
    .where('ed.type', '=', 'environment_department');

/**
 * The administrative area of some organisations: their units and every unit up to three levels
 * below (province → district → commune → village), without a recursive query.
 */
const areaOf = (db: Db, orgIds: string[]) => {
  const roots = db.selectFrom('organisation').select('admin_unit_id').where('id', 'in', orgIds);
  return db
    .selectFrom('admin_unit as u0')
    .leftJoin('admin_unit as u1', 'u1.id', 'u0.parent_id')
    .leftJoin('admin_unit as u2', 'u2.id', 'u1.parent_id')
    .leftJoin('admin_unit as u3', 'u3.id', 'u2.parent_id')
    .select('u0.id')
    .where((eb) =>
      eb.or([eb('u0.id', 'in', roots), eb('u1.id', 'in', roots), eb('u2.id', 'in', roots), eb('u3.id', 'in', roots)])
    );
};

/**
 * Environment-sector collectives an association level may register: open organisations of the
 * environment side whose unit lies in the registering Hội's area (a province Hội: the Sở and its
 * units; a commune Hội: those of its commune). `ids` narrows to the posted choice.
 */
export async function envCollectivesFor(db: Db, registrarIds: string[], ids?: string[]) {
  if (!registrarIds.length || (ids && !ids.length)) return [];
  let q = db
    .selectFrom('organisation as o')
    .select(['o.id', 'o.name', 'o.type'])
    .where('o.kind', '=', 'agency')
    .where('o.valid_to', 'is', null)
    .where('o.id', 'in', envSector(db))
    .where('o.admin_unit_id', 'in', areaOf(db, registrarIds));
  if (ids) q = q.where('o.id', 'in', ids);
  return q.orderBy(collate(db, 'o.sort_key')).limit(500).execute();
}

export async function orgFacts(db: Db, id: string) {
  return db
    .selectFrom('organisation')
    .select(['id', 'type', 'name', 'parent_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The open environment departments an organisation belongs to (itself, or the Sở above its
 * unit): the competent authority for the forms the Sở grants to a collective of its sector.
 */
export async function departmentsOver(db: Db, orgId: string) {
  return db
    .selectFrom('organisation_closure as c')
    .innerJoin('organisation as o', 'o.id', 'c.ancestor_id')
    .select(['o.id', 'o.name', 'o.type'])
    .where('c.descendant_id', '=', orgId)
    .where('o.type', '=', 'environment_department')
    .where('o.valid_to', 'is', null)
    .orderBy('c.depth')
    .execute();
}

export async function isAncestor(db: Db, ancestorId: string, descendantId: string): Promise<boolean> {
  const row = await db
    .selectFrom('organisation_closure')
    .select('depth')
    .where('ancestor_id', '=', ancestorId)
    .where('descendant_id', '=', descendantId)
    .executeTakeFirst();
  return !!row;
}

export async function insertEvidence(db: Db, row: EmuEvidenceTable): Promise<void> {
  await db.insertInto('emu_evidence').values(row).execute();
}

export async function evidenceOf(db: Db, registrationId: string) {
  return db
    .selectFrom('emu_evidence')
    .selectAll()
    .where('registration_id', '=', registrationId)
    .orderBy('created_at')
    .execute();
}

export async function insertCouncil(db: Db, row: EmuCouncilTable, votes: EmuVoteTable[]): Promise<void> {
  await db.insertInto('emu_council').values(row).execute();
  if (votes.length) await db.insertInto('emu_vote').values(votes).execute();
}

export async function passRule(db: Db, organisationId: string, awardForm: string) {
  const row = await db
    .selectFrom('emu_pass_rule')
    .select('rule')
    .where('organisation_id', '=', organisationId)
    .where('award_form', '=', awardForm)
    .executeTakeFirst();
  return row?.rule ?? null;
}

export async function upsertPassRule(db: Db, organisationId: string, awardForm: string, rule: string, now: string) {
  await db
    .insertInto('emu_pass_rule')
    .values({ organisation_id: organisationId, award_form: awardForm, rule, updated_at: now })
    .onConflict((oc) => oc.columns(['organisation_id', 'award_form']).doUpdateSet({ rule, updated_at: now }))
    .execute();
}

/** Votes already recorded by the level's council meetings of that day in the campaign. */
export async function votesOfDay(db: Db, organisationId: string, campaignId: string, meetingOn: string) {
  return db
    .selectFrom('emu_vote as v')
    .innerJoin('emu_council as c', 'c.id', 'v.council_id')
    .selectAll('v')
    .select(['c.members_present', 'c.members_total'])
    .where('c.organisation_id', '=', organisationId)
    .where('c.campaign_id', '=', campaignId)
    .where('c.meeting_on', '=', meetingOn)
    .execute();
}

/** The latest vote on a registration, with its council meeting. */
export async function votesOf(db: Db, registrationIds: string[]) {
  if (!registrationIds.length) return [];
  return db
    .selectFrom('emu_vote as v')
    .innerJoin('emu_council as c', 'c.id', 'v.council_id')
    .selectAll('v')
    .select(['c.organisation_id', 'c.meeting_on', 'c.members_total', 'c.members_present', 'c.members'])
    .where('v.registration_id', 'in', registrationIds)
    .orderBy('c.meeting_on')
    .orderBy('c.created_at')
    .execute();
}

export async function findCandidate(db: Db, id: string) {
  return db
    .selectFrom('emu_registration')
    .select([
      'id',
      'campaign_id',
      'organisation_id',
      'status',
      'result',
      'appeal_until',
      'subject_key',
      'subject_kind',
      'subject_org_id'
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Publishes the decided results of a campaign in an organisation's subtree; returns how many. */
export async function publishInSubtree(
  db: Db,
  orgId: string,
  campaignId: string,
  patch: Pick<EmuRegistrationTable, 'published_on' | 'appeal_until' | 'updated_at'>
): Promise<number> {
  const res = await db
    .updateTable('emu_registration')
    .set({ ...patch, status: 'published' })
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'council_done')
    .where(
      'organisation_id',
      'in',
      db.selectFrom('organisation_closure').select('descendant_id').where('ancestor_id', '=', orgId)
    )
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Names and places of candidates, for documents (callers checked access to them). */
export async function namesOf(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return withNames(db).where('r.id', 'in', ids).orderBy('r.created_at').orderBy('r.id').execute();
}

/** The subtree of one organisation, as a scope for the listing queries. */
export function subtreeOf(db: Db, orgId: string): OrgScope {
  return db.selectFrom('organisation_closure').select('descendant_id').where('ancestor_id', '=', orgId);
}
