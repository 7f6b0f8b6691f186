/**
 * What the commitment pages need around commitment.service: per-village counts with coverage,
 * the scoped list with names, form options, and submissions with the signed sheet's photo.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { inScope, requireAction, scopeSubquery } from '$lib/server/access/access';
import { AppError } from '$lib/server/errors';
import { newId } from '$lib/server/db/ids';
import { formatDate } from '$lib/shared/format';
import * as m from '$lib/paraglide/messages';
import * as commitments from './commitment.service';
import type { CommitmentInput } from './commitment.schema';
import * as q from './commitment-query.repository';
import { activeCodes, personsInScope } from '../activities/activity-query.repository';
import * as media from '../activities/activity-media.repository';
import { mediaUrl, preparePhotos, savePhotos, type Upload } from '../activities/activity-media.service';
import { placeOptions } from '../activities/activity-page.service';
import type { CommitmentQuery } from './commitment-filter';
import { once } from '../submission';
import { inTransaction } from '$lib/server/db/transaction';
import { READ, RECORD } from '../policy';

export const PAGE_SIZE = 20;

const filterOf = (db: Db, actor: Actor, f: CommitmentQuery): q.CommitmentListFilter => ({
  scope: scopeSubquery(db, actor, READ),
  villageId: f.village,
  kindId: f.kind,
  from: f.from,
  to: f.to
});

/** Coverage is only a percentage when the village's household count is known (else null). */
export function coverage(distinctHouseholds: number, households: number | null): number | null {
  if (!households || households <= 0) return null;
  return Math.min(100, Math.round((distinctHouseholds / households) * 1000) / 10);
}

/** Every village of the actor's organisations, with or without commitments yet. */
export async function villageSummary(db: Db, actor: Actor, f: CommitmentQuery) {
  const { units } = await placeOptions(db, actor, READ);
  const villages = units.filter((u) => u.level === 'village' && (!f.village || u.id === f.village));
  const counts = await q.countsByVillage(db, filterOf(db, actor, f));
  return villages.map((v) => {
    const c = counts.find((x) => x.village_unit_id === v.id) ?? {
      total: 0,
      households: 0,
      persons: 0,
      distinct_households: 0
    };
    return {
      id: v.id,
      name: v.name,
      households_known: v.households,
      ...c,
      coverage: coverage(c.distinct_households, v.households)
    };
  });
}

export async function findCommitments(db: Db, actor: Actor, f: CommitmentQuery, limit: number, offset: number) {
  requireAction(actor, READ);
  return q.listCommitmentPage(db, filterOf(db, actor, f), limit, offset);
}

export async function commitmentPage(db: Db, actor: Actor, f: CommitmentQuery) {
  requireAction(actor, READ);
  const total = await q.countCommitments(db, filterOf(db, actor, f));
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(f.page, pages);
  return { rows: await findCommitments(db, actor, f, PAGE_SIZE, (page - 1) * PAGE_SIZE), total, page, pages };
}

/** Kinds of commitment offered by the list's filter. */
export const kindChoices = (db: Db) => activeCodes(db, 'commitment_kind');

export async function commitmentFormOptions(db: Db, actor: Actor) {
  const { organisations, units } = await placeOptions(db, actor);
  const [kinds, persons] = await Promise.all([
    activeCodes(db, 'commitment_kind'),
    personsInScope(db, scopeSubquery(db, actor, READ), 500)
  ]);
  const own =
    actor.grants.map((g) => organisations.find((o) => o.id === g.organisationId)).find((o) => !!o) ?? organisations[0];
  const villages = units.filter((u) => u.level === 'village');
  const village = villages.find((u) => u.id === own?.admin_unit_id) ?? villages[0];
  return {
    organisations,
    villages,
    kinds,
    persons,
    defaults: { organisation_id: own?.id ?? '', village_unit_id: village?.id ?? '' }
  };
}

async function checkVillage(db: Db, actor: Actor, villageId: string): Promise<void> {
  const { units } = await placeOptions(db, actor, RECORD, null);
  if (!units.some((u) => u.id === villageId && u.level === 'village'))
    throw new AppError('VALIDATION', 'pa_err_place', { field: 'village_unit_id' });
}

const MAX_SHEETS = 1;

/**
 * Names for a batch of households recorded by count. The same count on the same day gives the
 * same names, so households signing two kinds of commitment that day are covered once.
 */
export const batchNames = (n: number, signedOn: string): string[] =>
  Array.from({ length: n }, (_, i) => m.pa_c_batch_name({ i: i + 1, n, date: formatDate(signedOn) }, { locale: 'vi' }));

/** One commitment, or `batch` household commitments (the sheet's photo goes with the first). */
export async function submitCommitment(
  db: Db,
  actor: Actor,
  input: CommitmentInput,
  uploads: Upload[],
  key: string | null,
  batch: number | null = null
) {
  requireAction(actor, RECORD);
  const photos = await preparePhotos(uploads, 'photo', MAX_SHEETS);
  return once(db, actor, 'commitment', key, async (tx) => {
    await checkVillage(tx, actor, input.village_unit_id);
    const photoIds = photos.map(() => newId());
    const names = batch && input.party === 'household' ? batchNames(batch, input.signed_on) : [input.household_name];
    const ids = await commitments.createCommitments(
      tx,
      actor,
      names.map((household_name, i) => ({
        ...input,
        household_name,
        photo_path: i === 0 && photoIds[0] ? mediaUrl(photoIds[0]) : null
      }))
    );
    await savePhotos(tx, actor, 'commitment', ids[0], input.organisation_id, photos, photoIds);
    return ids[0];
  });
}

export async function editCommitment(
  db: Db,
  actor: Actor,
  id: string,
  input: CommitmentInput,
  uploads: Upload[],
  removePhoto: boolean
) {
  const before = await commitments.getCommitment(db, actor, id);
  const photos = await preparePhotos(uploads, 'photo', MAX_SHEETS);
  await checkVillage(db, actor, input.village_unit_id);
  const photoIds = photos.map(() => newId());
  const photoPath = photoIds[0] ? mediaUrl(photoIds[0]) : removePhoto ? null : before.photo_path;
  // One transaction: a photo that cannot be stored undoes the edit, and its files go with it.
  await inTransaction(db, async (tx) => {
    await commitments.updateCommitment(tx, actor, id, { ...input, photo_path: photoPath });
    if (photos.length || removePhoto) await media.deleteMediaRows(tx, 'commitment', id);
    await media.setOwnerOrganisation(tx, 'commitment', id, input.organisation_id);
    await savePhotos(tx, actor, 'commitment', id, input.organisation_id, photos, photoIds);
  });
}

export async function removeCommitment(db: Db, actor: Actor, id: string): Promise<void> {
  await commitments.deleteCommitment(db, actor, id);
  await media.deleteMediaRows(db, 'commitment', id);
}

export async function commitmentView(db: Db, actor: Actor, id: string) {
  const c = await commitments.getCommitment(db, actor, id);
  const [[row], photos, canEdit] = await Promise.all([
    q.listCommitmentPage(db, { scope: scopeSubquery(db, actor, READ), id }, 1, 0),
    media.listMedia(db, 'commitment', id),
    inScope(db, actor, RECORD, c.organisation_id)
  ]);
  return {
    ...c,
    village_name: row?.village_name ?? '',
    organisation_name: row?.organisation_name ?? '',
    kind_name: row?.kind_name ?? '',
    kind_name_en: row?.kind_name_en ?? '',
    person_name: row?.person_name ?? null,
    photos: photos.map((p) => ({ id: p.id, url: mediaUrl(p.id) })),
    canEdit
  };
}
