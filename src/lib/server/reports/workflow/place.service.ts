/**
 * "Xác định địa điểm": a report that came with only a free-text address (no commune could be
 * derived) waits in the province Hội's queue; an officer there reads the address, picks the
 * commune (and village, and a point if known), and the report moves to that commune's Hội,
 * whose officers are told as of a new report. Audited; the reporter's status is unchanged.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { takeWriteLock } from '$lib/server/db/dialect';
import { AppError } from '$lib/server/errors';
import { todayVn } from '$lib/shared/format';
import { noticeNewReport } from '$lib/server/notify/notices';
import { associationForCommune } from '../intake/intake.service';
import { communeForPoint, resolveLocation } from '../intake/location';
import { applyStep, loadForAction, loadReadable, mayAct } from './core';
import { communeChoices } from './commune-choices';
import { atomically } from './transition';
import { lockReport, type ReportRow } from './workflow.repository';
import type { PlaceInput } from './place.schema';

const invalid = (field: string, key: string) => new AppError('VALIDATION', key, { fields: { [field]: key } });

export const isUnplaced = (r: Pick<ReportRow, 'commune_unit_id'>) => !r.commune_unit_id;

async function placeOf(db: Db, input: PlaceInput, today: string) {
  const loc = await resolveLocation(
    db,
    {
      lat: input.lat,
      lon: input.lon,
      source: input.lat ? 'pin' : '',
      communeId: input.commune_id,
      villageId: input.village_id,
      photoGps: null
    },
    today
  );
  if ('error' in loc) throw invalid(loc.field, loc.error === 'err_invalid' ? 'o311_err_commune' : loc.error);
  // The officer's commune decides; a point is only checked to lie in the province at all.
  if (loc.lat !== null && loc.lon !== null && !(await communeForPoint(db, loc.lat, loc.lon, today)))
    throw invalid('lat', 'o311_err_outside');
  const orgId = await associationForCommune(db, loc.communeId, today);
  if (!orgId) throw invalid('commune_id', 'o311_err_no_association');
  return { loc, orgId };
}

export async function placeReport(db: Db, actor: Actor, id: string, input: PlaceInput): Promise<void> {
  const r = await loadForAction(db, actor, id, 'association');
  if (!isUnplaced(r)) throw new AppError('CONFLICT', 'o311_err_placed');
  const { loc, orgId } = await placeOf(db, input, todayVn());
  await atomically(db, async (tx) => {
    // Two officers placing the same report at once: the second is told it is already placed.
    await takeWriteLock(tx);
    const now = await lockReport(tx, id);
    if (!now || !isUnplaced(now)) throw new AppError('CONFLICT', 'o311_err_placed');
    await applyStep(tx, actor, {
      r: now,
      side: 'association',
      action: 'report.place',
      event: {
        kind: 'place',
        data: { commune_unit_id: loc.communeId, village_unit_id: loc.villageId, lat: loc.lat, lon: loc.lon }
      },
      patch: {
        commune_unit_id: loc.communeId,
        village_unit_id: loc.villageId,
        commune_org_id: orgId,
        lat: loc.lat,
        lon: loc.lon,
        location_precision: loc.precision
      }
    });
    await noticeNewReport(tx, id);
  });
}

/**
 * The choices for the place form (see communeChoices), only for an unplaced report this
 * officer may act on.
 */
export async function placeOptions(db: Db, actor: Actor, id: string, communeId: string | null) {
  const r = await loadReadable(db, actor, id);
  if (!isUnplaced(r) || !(await mayAct(db, actor, r, 'association'))) return null;
  return communeChoices(db, communeId);
}
