/**
 * "Sửa xã/phường": a report filed under the wrong commune (or village) is moved to the right
 * one by an officer of the receiving commune Hội or of the province above it, with a reason.
 * The report then belongs to the new commune's Hội: its queue, its officers (told as of a new
 * report); the old commune's officers no longer see it (NOT_FOUND, like any report out of
 * scope) and their notices of it are withdrawn. While the Hội still has to verify it, the new
 * Hội gets the full verification period from today (the days spent in the wrong queue were not
 * its own); once forwarded, the agency keeps the case, its letter and its deadline. Refused
 * once the report is closed (closed, rejected, duplicate). Audited with the old and new place.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { inScope } from '$lib/server/access/access';
import { takeWriteLock } from '$lib/server/db/dialect';
import { AppError } from '$lib/server/errors';
import { todayVn } from '$lib/shared/format';
import { TERMINAL, track, type ReportStatus } from '$lib/shared/reports/status';
import { noticeNewReport, withdrawNotices } from '$lib/server/notify/notices';
import { associationForCommune } from '../intake/intake.service';
import { resolveLocation } from '../intake/location';
import { applyStep, canRead, due, loadReadable } from './core';
import { communeChoices } from './commune-choices';
import { atomically } from './transition';
import { findReport, lockReport, unitNames, type ReportRow } from './workflow.repository';
import type { MoveInput } from './move.schema';

const invalid = (field: string, key: string) => new AppError('VALIDATION', key, { fields: { [field]: key } });

const isOpen = (r: ReportRow) => !TERMINAL.includes(r.status as ReportStatus);

/** Placed, not closed, and the actor verifies for its commune Hội (directly or from the province). */
export async function mayMove(db: Db, actor: Actor, r: ReportRow): Promise<boolean> {
  return !!r.commune_unit_id && isOpen(r) && inScope(db, actor, 'report.verify', r.commune_org_id);
}

async function target(db: Db, r: ReportRow, input: MoveInput, today: string) {
  const loc = await resolveLocation(
    db,
    { lat: '', lon: '', source: '', communeId: input.commune_id, villageId: input.village_id, photoGps: null },
    today
  );
  if ('error' in loc) throw invalid(loc.field, loc.error === 'err_invalid' ? 'o311_err_commune' : loc.error);
  if (loc.communeId === r.commune_unit_id && loc.villageId === r.village_unit_id)
    throw invalid('commune_id', 'desk_move_err_same');
  const orgId = await associationForCommune(db, loc.communeId, today);
  if (!orgId) throw invalid('commune_id', 'o311_err_no_association');
  return { loc, orgId };
}

/** Returns whether the actor can still open the report (a commune officer moving it away cannot). */
export async function moveReport(
  db: Db,
  actor: Actor,
  id: string,
  input: MoveInput,
  now = new Date()
): Promise<{ stillReadable: boolean }> {
  const r = await loadReadable(db, actor, id);
  if (!isOpen(r)) throw new AppError('CONFLICT', 'desk_move_err_closed');
  if (!(await mayMove(db, actor, r))) throw new AppError('FORBIDDEN', 'rw_err_forbidden');
  const today = todayVn(now);
  const { loc, orgId } = await target(db, r, input, today);
  // The association still has to verify: the receiving Hội's own period, from today.
  const restart = track(r.status as ReportStatus) === 'association' && r.deadline_kind === 'verify';
  const deadline = restart ? await due(db, r, 'verify', today) : r.deadline_on;
  const names = await unitNames(db, [r.commune_unit_id, r.village_unit_id, loc.communeId, loc.villageId]);
  const name = (u: string | null) => (u ? (names[u] ?? null) : null);
  // A point, when there is one, stays: it is evidence; the officer's commune decides the queue.
  const precision = r.lat !== null && r.lon !== null ? r.location_precision : loc.precision;
  await atomically(db, async (tx) => {
    await takeWriteLock(tx);
    const current = await lockReport(tx, id);
    // Someone moved or closed it meanwhile: refuse rather than move it twice.
    if (!current || current.commune_unit_id !== r.commune_unit_id || current.village_unit_id !== r.village_unit_id)
      throw new AppError('CONFLICT', 'desk_move_err_changed');
    await applyStep(tx, actor, {
      r: current,
      side: 'association',
      action: 'report.move',
      event: {
        kind: 'move',
        body: input.reason,
        data: {
          from_commune: name(r.commune_unit_id),
          from_village: name(r.village_unit_id),
          to_commune: name(loc.communeId),
          to_village: name(loc.villageId),
          deadline_on: deadline
        }
      },
      before: {
        commune_unit_id: r.commune_unit_id,
        village_unit_id: r.village_unit_id,
        commune_org_id: r.commune_org_id
      },
      patch: {
        commune_unit_id: loc.communeId,
        village_unit_id: loc.villageId,
        commune_org_id: orgId,
        location_precision: precision,
        deadline_on: deadline
      }
    });
    if (orgId !== r.commune_org_id) {
      await withdrawNotices(tx, id, r.commune_org_id);
      await noticeNewReport(tx, id);
    }
  });
  const after = await findReport(db, id);
  return { stillReadable: !!after && (await canRead(db, actor, after)) };
}

/**
 * The choices for the correction form (see communeChoices), only when this officer may move
 * this report.
 */
export async function moveOptions(db: Db, actor: Actor, id: string, communeId: string | null) {
  const r = await loadReadable(db, actor, id);
  if (!(await mayMove(db, actor, r))) return null;
  return communeChoices(db, communeId);
}
