/**
 * Protected reports keep no plaintext link to their reporter (intake no longer writes one):
 * this clears the links earlier intake left on existing rows — the member an officer entered
 * a confidential report for, and the account of a member who filed their own confidential
 * report on its intake event and on the photos they sent. `reporter_account_id` stays: the
 * member's own "my reports" needs it. Officers' events and documents are untouched (their
 * account differs from the reporter's). Nothing to restore on the way down.
 * Frozen in time: takes Kysely<any> and never imports application types.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`update report set observer_person_id = null
    where protection <> 'named' and observer_person_id is not null`.execute(db);
  await sql`update report_event set actor_account_id = null
    where actor_org_id is null and actor_account_id is not null and exists (
      select 1 from report r where r.id = report_event.report_id and r.protection <> 'named'
        and r.reporter_account_id = report_event.actor_account_id)`.execute(db);
  await sql`update attachment set uploaded_by_account_id = null
    where uploaded_by_account_id is not null and exists (
      select 1 from report r where r.id = attachment.report_id and r.protection <> 'named'
        and r.reporter_account_id = attachment.uploaded_by_account_id)`.execute(db);
}

export async function down(): Promise<void> {
  // The links are gone on purpose; there is nothing to put back.
}
