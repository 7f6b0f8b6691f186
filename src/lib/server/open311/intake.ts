/**
 * Minimal intake for reports arriving through Open311. Engineer A's createReport
 * (reports/intake) did not exist when this was written; this does the same essentials:
 * receipt hash, commune routing by nearest commune centre, verification deadline, protected
 * identity (encrypted, apart from the report), a first status event and the audit entry.
 */
import type { Insertable } from 'kysely';
import type { Db } from '$lib/server/db';
import type { ReportEventTable } from '$lib/server/db/schema';
import type { Actor } from '$lib/server/access/actor';
import { audit } from '$lib/server/audit/audit.service';
import { newId, nowIso } from '$lib/server/db/ids';
import { deadlineFor } from '$lib/server/reports/deadline.service';
import { encryptIdentity, type ReporterIdentity } from '$lib/server/reports/identity';
import { newReceipt } from '$lib/server/reports/receipt';
import { todayVn } from '$lib/shared/format';
import { fold } from '$lib/shared/text';
import { haversineMeters } from '$lib/shared/reports/geo';
import type { Channel } from '$lib/shared/reports/constants';
import * as repo from './open311.repository';

export interface IntakeInput {
  categoryId: string;
  urgent: boolean;
  channel: Channel;
  description: string;
  lat: number | null;
  lon: number | null;
  addressString: string | null;
  identity: ReporterIdentity | null; // null = anonymous
  mediaUrl: string | null;
}

/** The commune whose centre is nearest, within 30 km (else the point is outside the province). */
async function nearestCommune(db: Db, lat: number, lon: number): Promise<string | null> {
  let best: { id: string; d: number } | null = null;
  for (const c of await repo.communeCentres(db)) {
    const d = haversineMeters(lat, lon, c.centre_lat!, c.centre_lon!);
    if (d < 30_000 && (!best || d < best.d)) best = { id: c.id, d };
  }
  return best?.id ?? null;
}

export async function intakeReport(db: Db, actor: Actor, input: IntakeInput): Promise<{ id: string }> {
  const id = newId();
  const now = nowIso();
  const today = todayVn();
  const communeUnitId = input.lat !== null && input.lon !== null ? await nearestCommune(db, input.lat, input.lon) : null;
  const communeOrgId = communeUnitId ? ((await repo.communeAssociation(db, communeUnitId))?.id ?? null) : null;
  const deadline = await deadlineFor(db, 'verify', input.channel, input.categoryId, today);
  const protection = input.identity ? 'confidential' : 'anonymous';
  const report = {
    id, receipt_hash: newReceipt().hash, idempotency_key: null, channel: input.channel, category_id: input.categoryId,
    description: input.description, description_search: fold(input.description), observed_on: today,
    lat: input.lat, lon: input.lon, location_precision: input.lat !== null ? ('gps' as const) : ('commune' as const),
    location_text: input.addressString, commune_unit_id: communeUnitId, village_unit_id: null, commune_org_id: communeOrgId,
    agency_org_id: null, assigned_account_id: null, status: 'new', urgent: input.urgent ? 1 : 0, protection,
    reporter_account_id: null, entered_by_account_id: null, observer_person_id: null, consent_method: null,
    deadline_kind: 'verify' as const, deadline_on: deadline.dueOn, created_at: now, updated_at: now
  } as const;
  const identity = input.identity ? { report_id: id, ...encryptIdentity(id, input.identity), created_at: now } : null;
  const events: Insertable<ReportEventTable>[] = [{ id: newId(), report_id: id, kind: 'status', from_status: null, to_status: 'new', actor_account_id: null, actor_org_id: null, visible_to_reporter: 1, body: null, data: null, created_at: now }];
  if (input.mediaUrl) {
    // Linked, not fetched: the server never downloads from addresses a client supplies.
    events.push({ id: newId(), report_id: id, kind: 'attachment', from_status: null, to_status: null, actor_account_id: null, actor_org_id: null, visible_to_reporter: 0, body: null, data: JSON.stringify({ media_url: input.mediaUrl }), created_at: now });
  }
  await db.transaction().execute(async (tx) => {
    await repo.insertReport(tx, report, identity, events);
    await audit(tx, actor, { action: 'create', entityType: 'report', entityId: id, organisationId: communeOrgId, after: { channel: input.channel, category_id: input.categoryId, protection, source: 'open311' } });
  });
  return { id };
}
