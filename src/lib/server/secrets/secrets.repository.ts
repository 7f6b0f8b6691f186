/** SQL for key rotation: every encrypted identity, rewritten in place. */
import type { Db } from '$lib/server/db';
import type { EncryptedIdentity } from '$lib/server/reports/identity';

export async function listIdentities(db: Db) {
  return db
    .selectFrom('report_identity')
    .select(['report_id', 'ciphertext', 'iv', 'tag', 'key_version'])
    .orderBy('report_id')
    .execute();
}

export async function replaceIdentity(db: Db, reportId: string, row: EncryptedIdentity): Promise<void> {
  await db.updateTable('report_identity').set(row).where('report_id', '=', reportId).execute();
}
