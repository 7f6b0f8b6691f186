/**
 * The identity custodian's reveal. Decrypts the protected identity of one report for one page
 * view, after a stated reason; the audit row keeps who, when, which report and why, and never
 * the identity itself. Nothing is cached or logged. Only a person at a browser can reveal:
 * never a script's API token (an administrator can mint tokens), and only after typing their
 * own password again, so an unattended or borrowed session is not enough.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { inScope } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError } from '$lib/server/errors';
import { confirmOwnPassword } from '$lib/server/auth/account.service';
import { decryptIdentity, type ReporterIdentity } from '../identity';
import { loadReadable } from './core';
import { findIdentity } from './workflow.repository';
import { closeRevealRequests } from './reveal-request.service';

export async function revealIdentity(
  db: Db,
  actor: Actor,
  reportId: string,
  reason: string,
  password: string
): Promise<ReporterIdentity> {
  const r = await loadReadable(db, actor, reportId);
  if (!(await inScope(db, actor, 'identity.reveal', r.commune_org_id)))
    throw new AppError('FORBIDDEN', 'rw_err_forbidden');
  if (actor.via !== 'session') throw new AppError('FORBIDDEN', 'sec_err_reveal_session');
  if (!(await confirmOwnPassword(db, actor, password))) {
    await audit(db, actor, {
      action: 'reveal.refused',
      entityType: 'report_identity',
      entityId: r.id,
      organisationId: r.commune_org_id
    });
    throw new AppError('VALIDATION', 'sec_err_reveal_password_wrong', { field: 'password' });
  }
  const row = await findIdentity(db, r.id);
  if (!row) throw new AppError('CONFLICT', 'rw_err_no_identity');
  const identity = decryptIdentity(r.id, row);
  // Audit first-class: if this write fails, the identity is not returned.
  await audit(db, actor, {
    action: 'reveal',
    entityType: 'report_identity',
    entityId: r.id,
    organisationId: r.commune_org_id,
    note: reason
  });
  await closeRevealRequests(db, actor, r.id);
  return identity;
}
