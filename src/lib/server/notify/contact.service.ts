/**
 * Where an officer's notifications are e-mailed. Set from the CLI (the accounts screens belong
 * to the account administration work); audited like any account change.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { requireAdmin } from '$lib/server/accounts/admin.policy';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { findAccountEmail, updateAccountEmail } from './delivery.repository';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function setNotifyEmail(db: Db, actor: Actor, username: string, email: string | null): Promise<void> {
  requireAdmin(actor);
  if (email !== null && (email.length > 200 || !EMAIL.test(email)))
    throw new AppError('VALIDATION', 'err_invalid', { field: 'email' });
  const before = await findAccountEmail(db, username);
  if (!before) throw notFound();
  await db.transaction().execute(async (tx) => {
    await updateAccountEmail(tx, before.id, email);
    await audit(tx, actor, {
      action: 'update',
      entityType: 'account',
      entityId: before.id,
      before: { email: before.email },
      after: { email }
    });
  });
}
