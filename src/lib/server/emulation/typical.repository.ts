/** SQL for typical examples (điển hình tiên tiến) and the models they are known for. */
import type { Db } from '$lib/server/db';
import type { OrgScope } from '$lib/server/access/access';
import { compareVi } from '$lib/shared/text';

// Models carry no sort key column, so their names are put in Vietnamese order here ("Đ" after
// "D", "Ư" after "U"); the folded name only makes the database's cut at the limit stable.
const byName = <T extends { name: string }>(rows: T[]) => rows.sort((a, b) => compareVi(a.name, b.name));

export async function setTypical(
  db: Db,
  id: string,
  patch: { typical_story: string | null; typical_marked_at: string | null; typical_marked_by: string | null }
) {
  await db.updateTable('emu_registration').set(patch).where('id', '=', id).execute();
}

export async function replaceModels(db: Db, registrationId: string, modelIds: string[]) {
  await db.deleteFrom('emu_typical_model').where('registration_id', '=', registrationId).execute();
  if (modelIds.length)
    await db
      .insertInto('emu_typical_model')
      .values(modelIds.map((model_id) => ({ registration_id: registrationId, model_id })))
      .execute();
}

/** Models in scope that may be linked (the registering branch's commune and below). */
export async function modelsIn(db: Db, scope: OrgScope, ids?: string[]) {
  let q = db.selectFrom('model').select(['id', 'name']).where('organisation_id', 'in', scope);
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['-']);
  return byName(await q.orderBy('name_search').orderBy('id').limit(200).execute());
}

export async function modelsOf(db: Db, registrationIds: string[]) {
  if (!registrationIds.length) return [];
  return db
    .selectFrom('emu_typical_model as t')
    .innerJoin('model as m', 'm.id', 't.model_id')
    .select(['t.registration_id', 'm.id', 'm.name'])
    .where('t.registration_id', 'in', registrationIds)
    .execute()
    .then(byName);
}

const typicalBase = (db: Db) =>
  db
    .selectFrom('emu_registration as r')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .innerJoin('emu_campaign as c', 'c.id', 'r.campaign_id')
    .leftJoin('person as p', 'p.id', 'r.person_id')
    .leftJoin('organisation as so', 'so.id', 'r.subject_org_id')
    .select([
      'r.id',
      'r.campaign_id',
      'c.name as campaign_name',
      'r.subject_kind',
      'r.household_name',
      'r.typical_story',
      'r.typical_marked_at',
      'p.full_name as person_name',
      'so.name as subject_org_name',
      'o.name as organisation_name'
    ])
    .where('r.typical_marked_at', 'is not', null)
    .where('p.anonymised_at', 'is', null);

export async function typicalOfCampaign(db: Db, campaignId: string, scope: OrgScope) {
  return typicalBase(db)
    .where('r.campaign_id', '=', campaignId)
    .where('r.organisation_id', 'in', scope)
    .orderBy('r.typical_marked_at', 'desc')
    .limit(200)
    .execute();
}

/**
 * Typical examples for the public board: collectives, and people or households who consented
 * to publication on one of their awards (in force, consent not withdrawn).
 */
export async function publicTypical(db: Db, underOrgId: string | null) {
  let q = typicalBase(db).where((eb) =>
    eb.or([
      eb('r.subject_kind', '=', 'branch'),
      eb.exists(
        eb
          .selectFrom('emu_award as a')
          .select('a.id')
          .whereRef('a.registration_id', '=', 'r.id')
          .where('a.revoked_at', 'is', null)
          .where('a.public_consent_on', 'is not', null)
          .where('a.consent_withdrawn_at', 'is', null)
      )
    ])
  );
  if (underOrgId)
    q = q.where(
      'r.organisation_id',
      'in',
      db.selectFrom('organisation_closure').select('descendant_id').where('ancestor_id', '=', underOrgId)
    );
  return q.orderBy('r.typical_marked_at', 'desc').limit(200).execute();
}
