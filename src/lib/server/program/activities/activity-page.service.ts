/**
 * What the activity pages need around activity.service: the scoped list with names and filters,
 * form options, the detail view, and submissions with photos and a one-time key.
 */
import { materialChoices, materialsUsedWithTitles } from '$lib/server/library/usage.service';
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { requireAction, scopeSubquery, inScope } from '$lib/server/access/access';
import { AppError } from '$lib/server/errors';
import { todayVn } from '$lib/shared/format';
import { readJson } from '$lib/server/db/dialect';
import * as activities from './activity.service';
import type { ActivityInput } from './activity.schema';
import * as q from './activity-query.repository';
import * as media from './activity-media.repository';
import { MAX_ACTIVITY_PHOTOS, mediaUrl, preparePhotos, savePhotos, type Upload } from './activity-media.service';
import type { ActivityQuery } from './activity-filter';
import { once } from '../submission';
import { inTransaction } from '$lib/server/db/transaction';
import { READ, RECORD } from '../policy';

export const PAGE_SIZE = 20;

const filterOf = (db: Db, actor: Actor, f: ActivityQuery): q.ActivityListFilter => ({
  scope: scopeSubquery(db, actor, READ),
  kind: f.kind,
  from: f.from,
  to: f.to,
  unitId: f.unit,
  topicId: f.topic
});

/** Rows with their topic names, newest first. */
export async function findActivities(db: Db, actor: Actor, f: ActivityQuery, limit: number, offset: number) {
  requireAction(actor, READ);
  const rows = await q.listActivityPage(db, filterOf(db, actor, f), limit, offset);
  const topics = await q.topicsOf(
    db,
    rows.map((r) => r.id)
  );
  return rows.map((r) => ({
    ...r,
    audiences: readJson<string[]>(r.audiences) ?? [],
    topics: topics.filter((t) => t.activity_id === r.id).map((t) => t.name_vi),
    topics_en: topics.filter((t) => t.activity_id === r.id).map((t) => t.name_en)
  }));
}

export async function activityPage(db: Db, actor: Actor, f: ActivityQuery) {
  requireAction(actor, READ);
  const total = await q.countActivities(db, filterOf(db, actor, f));
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const rows = await findActivities(db, actor, f, PAGE_SIZE, (Math.min(f.page, pages) - 1) * PAGE_SIZE);
  return { rows, total, page: Math.min(f.page, pages), pages };
}

/** Organisations and places the actor may use; `action` READ for filters, RECORD for forms. */
export async function placeOptions(db: Db, actor: Actor, action = RECORD, date: string | null = todayVn()) {
  requireAction(actor, action);
  const organisations = await q.recordingOrganisations(db, scopeSubquery(db, actor, action));
  const unitIds = organisations.map((o) => o.admin_unit_id).filter((u): u is string => !!u);
  return { organisations, units: await q.unitsAround(db, unitIds, date) };
}

/** Topics offered by the list's filter. */
export const topicChoices = (db: Db) => q.activeCodes(db, 'topic');

/** Everything the forms offer, with the defaults of the quick form: own branch, its village, today. */
export async function activityFormOptions(db: Db, actor: Actor) {
  const { organisations, units } = await placeOptions(db, actor);
  const [topics, persons, materials] = await Promise.all([
    q.activeCodes(db, 'topic'),
    q.personsInScope(db, scopeSubquery(db, actor, READ), 500),
    materialChoices(db)
  ]);
  const own =
    actor.grants.map((g) => organisations.find((o) => o.id === g.organisationId)).find((o) => !!o) ?? organisations[0];
  const place = units.find((u) => u.id === own?.admin_unit_id);
  return {
    organisations,
    units,
    topics,
    persons,
    materials,
    defaults: { organisation_id: own?.id ?? '', admin_unit_id: place?.id ?? '', started_on: todayVn() }
  };
}

/** The place must be one of the actor's (their organisations' unit or its villages). */
async function checkPlace(db: Db, actor: Actor, unitId: string): Promise<void> {
  const { units } = await placeOptions(db, actor, RECORD, null);
  if (!units.some((u) => u.id === unitId)) throw new AppError('VALIDATION', 'pa_err_place', { field: 'admin_unit_id' });
}

export async function submitActivity(
  db: Db,
  actor: Actor,
  input: ActivityInput,
  uploads: Upload[],
  key: string | null
) {
  requireAction(actor, RECORD);
  const photos = await preparePhotos(uploads, 'photos', MAX_ACTIVITY_PHOTOS);
  return once(db, actor, 'activity', key, async (tx) => {
    await checkPlace(tx, actor, input.admin_unit_id);
    const id = await activities.createActivity(tx, actor, input);
    await savePhotos(tx, actor, 'activity', id, input.organisation_id, photos);
    return id;
  });
}

export async function editActivity(
  db: Db,
  actor: Actor,
  id: string,
  input: ActivityInput,
  uploads: Upload[],
  removeIds: string[]
) {
  await activities.getActivity(db, actor, id); // 404 before anything else
  const kept = (await media.listMedia(db, 'activity', id)).filter((p) => !removeIds.includes(p.id)).length;
  const photos = await preparePhotos(uploads, 'photos', MAX_ACTIVITY_PHOTOS - kept);
  await checkPlace(db, actor, input.admin_unit_id);
  // One transaction: a photo that cannot be stored undoes the edit, and its files go with it.
  await inTransaction(db, async (tx) => {
    await activities.updateActivity(tx, actor, id, input);
    await media.deleteMediaRows(tx, 'activity', id, removeIds);
    await media.setOwnerOrganisation(tx, 'activity', id, input.organisation_id);
    await savePhotos(tx, actor, 'activity', id, input.organisation_id, photos);
  });
}

export async function removeActivity(db: Db, actor: Actor, id: string): Promise<void> {
  await activities.deleteActivity(db, actor, id);
  await media.deleteMediaRows(db, 'activity', id);
}

/** The detail page: the record, names for its codes, its photos, and whether it can be changed. */
export async function activityView(db: Db, actor: Actor, id: string) {
  const a = await activities.getActivity(db, actor, id);
  const [names, topics, attendees, photos, canEdit, materialsUsed] = await Promise.all([
    q.namesOf(db, a.organisation_id, a.admin_unit_id),
    q.topicsOf(db, [id]),
    q.attendeeNames(db, id),
    media.listMedia(db, 'activity', id),
    inScope(db, actor, RECORD, a.organisation_id),
    materialsUsedWithTitles(db, id)
  ]);
  return {
    ...a,
    audiences: readJson<string[]>(a.audiences) ?? [],
    ...names,
    topic_names: topics.map((t) => ({ name_vi: t.name_vi, name_en: t.name_en })),
    attendee_names: attendees,
    materials_used: materialsUsed,
    photos: photos.map((p) => ({ id: p.id, url: mediaUrl(p.id) })),
    canEdit
  };
}
