/** SQL for draining the `notification` outbox. */
import type { Db } from '$lib/server/db';

/** Pending rows due for a try, oldest first. */
export async function duePending(db: Db, nowIso: string, limit: number) {
  return db
    .selectFrom('notification')
    .select(['id', 'kind', 'organisation_id', 'account_id', 'report_id', 'day', 'body_json', 'attempts'])
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', nowIso)]))
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

export interface Contact {
  email: string | null;
  phone: string | null;
}

export async function accountContact(db: Db, accountId: string): Promise<Contact | undefined> {
  return db
    .selectFrom('account')
    .select(['email', 'phone'])
    .where('id', '=', accountId)
    .where('disabled', '=', 0)
    .executeTakeFirst();
}

/** Everyone holding a live role at the organisation itself (the office's staff). */
export async function officeContacts(db: Db, orgId: string): Promise<Contact[]> {
  return db
    .selectFrom('role_grant as g')
    .innerJoin('account as a', 'a.id', 'g.account_id')
    .select(['a.email', 'a.phone'])
    .distinct()
    .where('g.organisation_id', '=', orgId)
    .where('g.revoked_at', 'is', null)
    .where('a.disabled', '=', 0)
    .execute();
}

export async function organisationPhone(db: Db, orgId: string): Promise<string | null> {
  const row = await db.selectFrom('organisation').select('phone').where('id', '=', orgId).executeTakeFirst();
  return row?.phone ?? null;
}

export async function categoryNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('category').select(['id', 'name_vi']).execute();
  return new Map(rows.map((r) => [r.id, r.name_vi]));
}

export async function markSent(db: Db, id: string, attempts: number, at: string): Promise<void> {
  await db
    .updateTable('notification')
    .set({ status: 'sent', sent_at: at, attempts, last_error: null, next_attempt_at: null })
    .where('id', '=', id)
    .execute();
}

/** Told on the notifications page only (the account has no e-mail or phone): delivered, not failed. */
export async function markInAppOnly(db: Db, id: string, attempts: number, at: string): Promise<void> {
  await db
    .updateTable('notification')
    .set({ status: 'sent', sent_at: at, attempts, last_error: 'in_app_only', next_attempt_at: null })
    .where('id', '=', id)
    .execute();
}

export async function markAttemptFailed(
  db: Db,
  id: string,
  attempts: number,
  error: string,
  next: string | null
): Promise<void> {
  await db
    .updateTable('notification')
    .set({ status: next ? 'pending' : 'failed', attempts, last_error: error, next_attempt_at: next })
    .where('id', '=', id)
    .execute();
}

export async function findAccountEmail(db: Db, username: string) {
  return db.selectFrom('account').select(['id', 'email']).where('username', '=', username).executeTakeFirst();
}

export async function updateAccountEmail(db: Db, id: string, email: string | null): Promise<void> {
  await db.updateTable('account').set({ email, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
}

/** The encrypted identity row of a report (decrypted by the caller, only to address a message). */
export async function reportIdentity(db: Db, reportId: string) {
  return db
    .selectFrom('report_identity')
    .select(['ciphertext', 'iv', 'tag', 'key_version'])
    .where('report_id', '=', reportId)
    .executeTakeFirst();
}
