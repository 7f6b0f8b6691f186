/** SQL for nominations, awards and the public honour board. */
import type { Db } from '$lib/server/db';
import { collate } from '$lib/server/db/dialect';
import { placesNamed } from './registration.repository';
import type { OrgScope } from '$lib/server/access/access';
import type { EmuAwardTable, EmuNominationTable } from '$lib/server/db/schema';

export async function insertNomination(db: Db, row: EmuNominationTable): Promise<void> {
  await db.insertInto('emu_nomination').values(row).execute();
}

export async function pendingNomination(db: Db, registrationId: string, awardForm: string, toOrgId?: string) {
  let q = db
    .selectFrom('emu_nomination')
    .selectAll()
    .where('registration_id', '=', registrationId)
    .where('award_form', '=', awardForm)
    .where('status', '=', 'pending');
  if (toOrgId) q = q.where('to_org_id', '=', toOrgId);
  return q.executeTakeFirst();
}

export async function setNominationStatus(db: Db, id: string, status: EmuNominationTable['status']): Promise<void> {
  await db.updateTable('emu_nomination').set({ status }).where('id', '=', id).execute();
}

/**
 * Nominations waiting at the organisations in scope, with the candidate's name; `q` keeps those
 * sent by, or for a collective in, a place with it in its name (see placesNamed).
 */
export async function nominationsTo(db: Db, scope: OrgScope, campaignId?: string, q = '') {
  let query = db
    .selectFrom('emu_nomination as n')
    .innerJoin('emu_registration as r', 'r.id', 'n.registration_id')
    .innerJoin('organisation as f', 'f.id', 'n.from_org_id')
    .leftJoin('person as p', 'p.id', 'r.person_id')
    .leftJoin('organisation as so', 'so.id', 'r.subject_org_id')
    .selectAll('n')
    .select([
      'r.campaign_id',
      'r.household_name',
      'p.full_name as person_name',
      'so.name as subject_org_name',
      'f.name as from_name'
    ])
    .where('n.to_org_id', 'in', scope)
    .where('n.status', '=', 'pending')
    // An achievement rewarded meanwhile (by another form or level) has nothing left to decide.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('emu_award as a')
            .select('a.id')
            .whereRef('a.registration_id', '=', 'r.id')
            .where('a.revoked_at', 'is', null)
        )
      )
    );
  if (campaignId) query = query.where('r.campaign_id', '=', campaignId);
  if (q.trim()) {
    const named = placesNamed(db, q);
    query = query.where((eb) => eb.or([eb('n.from_org_id', 'in', named), eb('r.subject_org_id', 'in', named)]));
  }
  return query.orderBy('n.created_at').execute();
}

/** The levels a council sent nominations to in a campaign (the addressees of its proposal), by name. */
export async function nominationTargets(db: Db, fromOrgId: string, campaignId: string) {
  return db
    .selectFrom('emu_nomination as n')
    .innerJoin('emu_registration as r', 'r.id', 'n.registration_id')
    .innerJoin('organisation as t', 't.id', 'n.to_org_id')
    .select(['t.id', 't.name'])
    .where('n.from_org_id', '=', fromOrgId)
    .where('r.campaign_id', '=', campaignId)
    .where('n.status', 'in', ['pending', 'decided'])
    .groupBy(['t.id', 't.name', 't.sort_key'])
    .orderBy(collate(db, 't.sort_key'))
    .execute();
}

/**
 * The registrations of a campaign a council nominated to an organisation in `scope` that still
 * stand there (pending or decided; a returned one is no longer that level's to read).
 */
export async function nominatedFrom(db: Db, fromOrgId: string, campaignId: string, scope: OrgScope) {
  const rows = await db
    .selectFrom('emu_nomination as n')
    .innerJoin('emu_registration as r', 'r.id', 'n.registration_id')
    .select('n.registration_id')
    .distinct()
    .where('n.from_org_id', '=', fromOrgId)
    .where('r.campaign_id', '=', campaignId)
    .where('n.to_org_id', 'in', scope)
    .where('n.status', 'in', ['pending', 'decided'])
    .execute();
  return rows.map((r) => r.registration_id);
}

/** The councils that sent nominations of a campaign, still standing, to an organisation in `scope`. */
export async function councilsNominatingTo(db: Db, campaignId: string, scope: OrgScope) {
  return db
    .selectFrom('emu_nomination as n')
    .innerJoin('emu_registration as r', 'r.id', 'n.registration_id')
    .innerJoin('organisation as o', 'o.id', 'n.from_org_id')
    .select(['o.id', 'o.name'])
    .where('r.campaign_id', '=', campaignId)
    .where('n.to_org_id', 'in', scope)
    .where('n.status', 'in', ['pending', 'decided'])
    .groupBy(['o.id', 'o.name', 'o.sort_key'])
    .orderBy(collate(db, 'o.sort_key'))
    .execute();
}

export async function activeAwardFor(db: Db, achievementKey: string) {
  return db
    .selectFrom('emu_award')
    .select(['id', 'award_form', 'decision_number', 'decided_on'])
    .where('achievement_key', '=', achievementKey)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function insertAward(db: Db, row: EmuAwardTable): Promise<void> {
  await db.insertInto('emu_award').values(row).execute();
}

export async function findAward(db: Db, id: string) {
  return db
    .selectFrom('emu_award as a')
    .innerJoin('emu_registration as r', 'r.id', 'a.registration_id')
    .innerJoin('organisation as g', 'g.id', 'a.granted_by_org_id')
    .selectAll('a')
    .select(['r.organisation_id as registration_org_id', 'r.campaign_id', 'g.name as granted_by_name'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export async function updateAward(db: Db, id: string, patch: Partial<EmuAwardTable>): Promise<void> {
  await db.updateTable('emu_award').set(patch).where('id', '=', id).execute();
}

/**
 * Awards (revoked ones too: the history stays) of registrations in scope, and those a level in
 * scope granted (a Sở sees the Giấy khen it gave to a collective the province Hội registered).
 */
export async function awardsIn(db: Db, scope: OrgScope, f: { campaignId?: string; registrationId?: string }) {
  let q = db
    .selectFrom('emu_award as a')
    .innerJoin('emu_registration as r', 'r.id', 'a.registration_id')
    .innerJoin('organisation as g', 'g.id', 'a.granted_by_org_id')
    .leftJoin('person as p', 'p.id', 'r.person_id')
    .leftJoin('organisation as so', 'so.id', 'r.subject_org_id')
    .selectAll('a')
    .select([
      'r.campaign_id',
      'r.organisation_id as registration_org_id',
      'r.household_name',
      'p.full_name as person_name',
      'so.name as subject_org_name',
      'g.name as granted_by_name'
    ])
    .where((eb) => eb.or([eb('r.organisation_id', 'in', scope), eb('a.granted_by_org_id', 'in', scope)]));
  if (f.campaignId) q = q.where('r.campaign_id', '=', f.campaignId);
  if (f.registrationId) q = q.where('a.registration_id', '=', f.registrationId);
  return q.orderBy('a.decided_on', 'desc').orderBy('a.id').execute();
}

/**
 * Awards that may be shown in public: in force, the awardee consented to publication and has
 * not withdrawn it, and the person (if one) is not anonymised. The honour board and news items
 * both start here, so neither can show an award the other would hide.
 */
export function publishedAwards(db: Db) {
  return db
    .selectFrom('emu_award as a')
    .innerJoin('emu_registration as r', 'r.id', 'a.registration_id')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .leftJoin('person as p', 'p.id', 'r.person_id')
    .leftJoin('organisation as so', 'so.id', 'r.subject_org_id')
    .leftJoin('emu_file as ph', 'ph.id', 'a.photo_file_id')
    .select([
      'a.id',
      'a.photo_consent_on',
      'ph.id as photo_id',
      'ph.alt as photo_alt',
      'a.award_form',
      'a.decision_number',
      'a.decided_on',
      'a.story',
      'r.subject_kind',
      'r.household_name',
      'p.full_name as person_name',
      'so.name as subject_org_name'
    ])
    .where('a.revoked_at', 'is', null)
    .where('a.public_consent_on', 'is not', null)
    .where('a.consent_withdrawn_at', 'is', null)
    .where('p.anonymised_at', 'is', null);
}

/** The public honour board under one organisation (a province or a commune association). */
export async function boardRows(db: Db, underOrgId: string | null) {
  // Who granted it: a Sở's Giấy khen is not the association's, and the board says so.
  let q = publishedAwards(db)
    .innerJoin('organisation as g', 'g.id', 'a.granted_by_org_id')
    .select(['o.name as organisation_name', 'g.name as granted_by_name']);
  if (underOrgId)
    q = q.where(
      'r.organisation_id',
      'in',
      db.selectFrom('organisation_closure').select('descendant_id').where('ancestor_id', '=', underOrgId)
    );
  return q.orderBy('a.decided_on', 'desc').orderBy('a.id').limit(500).execute();
}

/** Commune associations with someone on the board, for the board's commune filter. */
export async function boardCommunes(db: Db) {
  return db
    .selectFrom('organisation as c')
    .select(['c.id', 'c.name', 'c.sort_key'])
    .where('c.type', '=', 'commune_association')
    .where('c.id', 'in', (eb) =>
      eb
        .selectFrom('organisation_closure as oc')
        .innerJoin('emu_registration as r', 'r.organisation_id', 'oc.descendant_id')
        .innerJoin('emu_award as a', 'a.registration_id', 'r.id')
        .select('oc.ancestor_id')
        .where('a.revoked_at', 'is', null)
        .where('a.public_consent_on', 'is not', null)
        .where('a.consent_withdrawn_at', 'is', null)
    )
    .orderBy(collate(db, 'c.sort_key'))
    .execute();
}

/** The decision already made for some of these registrations by an issuer (award in force). */
export async function decisionFor(db: Db, grantedBy: string, registrationIds: string[]) {
  if (!registrationIds.length) return undefined;
  return db
    .selectFrom('emu_award')
    .select(['decision_number', 'decided_on', 'signer_name'])
    .where('granted_by_org_id', '=', grantedBy)
    .where('registration_id', 'in', registrationIds)
    .where('revoked_at', 'is', null)
    .orderBy('decided_on', 'desc')
    .executeTakeFirst();
}
