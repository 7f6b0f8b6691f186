/**
 * Test factory for reports. Inserts a report directly, as intake would, with its verification
 * deadline and an optional protected identity, so workflow tests need not go through intake.
 */
import { newId, nowIso } from '../../src/lib/server/db/ids';
import { fold } from '../../src/lib/shared/text';
import { newReceipt } from '../../src/lib/server/reports/receipt';
import { encryptIdentity, type ReporterIdentity } from '../../src/lib/server/reports/identity';
import { deadlineFor } from '../../src/lib/server/reports/deadline.service';
import { roundToGrid } from '../../src/lib/shared/reports/geo';
import { todayVn } from '../../src/lib/shared/format';
import type { Insertable } from 'kysely';
import { applyDeltas } from '../../src/lib/server/program/rollup/aggregate.repository';
import { reportContributions } from '../../src/lib/server/program/rollup/report-contributions';
import type { Db } from '../../src/lib/server/db';
import type { ReportTable } from '../../src/lib/server/db/schema';

export interface FactoryOptions extends Partial<Insertable<ReportTable>> {
  categoryCode?: string;
  communeCode?: string; // '03388' Đoàn Kết (default) or '03390' Bình Lư
  identity?: ReporterIdentity | null;
  today?: string;
}

/** The commune given (commune_unit_id + commune_org_id), or the demo commune with `communeCode`. */
async function communeOf(db: Db, o: FactoryOptions): Promise<{ unit: { id: string }; org: { id: string } }> {
  if (o.commune_unit_id && o.commune_org_id) return { unit: { id: o.commune_unit_id }, org: { id: o.commune_org_id } };
  const unit = await db
    .selectFrom('admin_unit')
    .select('id')
    .where('code', '=', o.communeCode ?? '03388')
    .executeTakeFirstOrThrow();
  const org = await db
    .selectFrom('organisation')
    .select('id')
    .where('kind', '=', 'association')
    .where('admin_unit_id', '=', unit.id)
    .executeTakeFirstOrThrow();
  return { unit, org };
}

export async function createTestReport(db: Db, o: FactoryOptions = {}): Promise<{ id: string; receipt: string }> {
  const id = newId();
  const now = nowIso();
  const category = await db
    .selectFrom('category')
    .select(['id', 'urgent'])
    .where('code', '=', o.categoryCode ?? 'khai_thac_go')
    .executeTakeFirstOrThrow();
  const { unit, org } = await communeOf(db, o);
  const receipt = newReceipt();
  const lat = o.lat === undefined ? 22.39 : o.lat;
  const lon = o.lon === undefined ? 103.46 : o.lon;
  const pub = lat !== null && lon !== null ? roundToGrid(lat, lon) : { lat: null, lon: null };
  const channel = o.channel ?? 'phan_anh';
  const today = o.today ?? todayVn();
  const verify = await deadlineFor(db, 'verify', channel, category.id, today);
  const description = o.description ?? 'Có người chặt gỗ trong rừng phòng hộ';
  const { categoryCode: _c, communeCode: _u, identity, today: _t, ...over } = o;
  await db
    .insertInto('report')
    .values({
      id,
      receipt_hash: receipt.hash,
      idempotency_key: newId(),
      channel,
      category_id: category.id,
      description,
      description_search: fold(description),
      observed_on: today,
      lat,
      lon,
      location_precision: 'gps',
      location_text: null,
      commune_unit_id: unit.id,
      village_unit_id: null,
      commune_org_id: org.id,
      agency_org_id: null,
      assigned_account_id: null,
      status: 'new',
      urgent: category.urgent,
      protection: identity === null ? 'anonymous' : 'confidential',
      reporter_account_id: null,
      entered_by_account_id: null,
      observer_person_id: null,
      consent_method: null,
      public_lat: pub.lat,
      public_lon: pub.lon,
      duplicate_of_id: null,
      deadline_kind: 'verify',
      deadline_on: verify.dueOn,
      accepted_on: null,
      outcome_kind: null,
      outcome_json: null,
      resolved_at: null,
      closed_at: null,
      rating: null,
      created_at: now,
      updated_at: now,
      ...over
    })
    .execute();
  // counted in the report figures' pre-aggregates, as intake and the workflow steps count it
  const row = await db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await applyDeltas(db, reportContributions(row));
  await db
    .insertInto('report_event')
    .values({
      id: newId(),
      report_id: id,
      kind: 'status',
      from_status: null,
      to_status: 'new',
      actor_account_id: null,
      actor_org_id: null,
      visible_to_reporter: 1,
      body: null,
      data: null,
      created_at: now
    })
    .execute();
  if (identity)
    await db
      .insertInto('report_identity')
      .values({ report_id: id, ...encryptIdentity(id, identity), created_at: now })
      .execute();
  return { id, receipt: receipt.code };
}
