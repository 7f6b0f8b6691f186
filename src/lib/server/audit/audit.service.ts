/**
 * Append-only audit trail. Call `audit()` in the same transaction as the change it records.
 * Pass only fields that may be shown to administrators: never protected identities.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { insertAuditEvent } from './audit.repository';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  organisationId?: string | null;
  before?: unknown;
  after?: unknown;
  note?: string | null;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export async function audit(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await insertAuditEvent(db, {
    id: randomUUID(),
    at: new Date().toISOString(),
    actor_account_id: actor.accountId,
    actor_name: actor.name,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    organisation_id: entry.organisationId ?? null,
    before_json: json(entry.before),
    after_json: json(entry.after),
    note: entry.note ?? null
  });
}
