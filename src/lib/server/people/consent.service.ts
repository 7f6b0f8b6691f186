/**
 * Sensitive data (ethnicity, health) under Law 91/2025: readable and writable only while an
 * explicit consent for 'sensitive_data' is active; withdrawing it deletes the data at once.
 * Audit records that sensitive fields changed, never their values.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { AppError } from '$lib/server/errors';
import { audit } from '$lib/server/audit/audit.service';
import { newId, nowIso } from '$lib/server/db/ids';
import * as repo from './person.repository';
import { getPerson } from './person.service';
import type { ConsentInput, SensitiveInput } from './person.schema';

export const SENSITIVE_PURPOSE = 'sensitive_data';

export async function recordConsent(db: Db, actor: Actor, personId: string, input: ConsentInput): Promise<string> {
  const person = await getPerson(db, actor, personId, 'person.sensitive');
  if (person.anonymised_at) throw new AppError('CONFLICT', 'people_err_anonymised');
  if (await repo.findActiveConsent(db, personId, SENSITIVE_PURPOSE))
    throw new AppError('CONFLICT', 'people_err_consent_exists');
  const row = {
    id: newId(),
    person_id: personId,
    purpose: SENSITIVE_PURPOSE,
    version: input.version,
    method: input.method,
    witness_name: input.method === 'oral_witness' ? input.witness_name : null,
    given_on: input.given_on,
    recorded_by: actor.accountId,
    withdrawn_at: null,
    created_at: nowIso()
  };
  await db.transaction().execute(async (tx) => {
    await repo.insertConsent(tx, row);
    await audit(tx, actor, {
      action: 'consent.give',
      entityType: 'consent',
      entityId: row.id,
      organisationId: person.organisation_id,
      after: {
        person_id: personId,
        purpose: row.purpose,
        version: row.version,
        method: row.method,
        given_on: row.given_on
      }
    });
  });
  return row.id;
}

/** Withdraws the active consent and deletes the sensitive data in the same transaction. */
export async function withdrawConsent(db: Db, actor: Actor, personId: string): Promise<void> {
  const person = await getPerson(db, actor, personId, 'person.sensitive');
  const active = await repo.findActiveConsent(db, personId, SENSITIVE_PURPOSE);
  if (!active) throw new AppError('CONFLICT', 'people_err_no_consent');
  await db.transaction().execute(async (tx) => {
    const at = nowIso();
    await repo.withdrawConsents(tx, personId, SENSITIVE_PURPOSE, at);
    await repo.deleteSensitive(tx, personId);
    await audit(tx, actor, {
      action: 'consent.withdraw',
      entityType: 'consent',
      entityId: active.id,
      organisationId: person.organisation_id,
      after: { withdrawn_at: at, sensitive_data_deleted: true }
    });
  });
}

export async function saveSensitive(db: Db, actor: Actor, personId: string, input: SensitiveInput): Promise<void> {
  const person = await getPerson(db, actor, personId, 'person.sensitive');
  if (!(await repo.findActiveConsent(db, personId, SENSITIVE_PURPOSE))) {
    throw new AppError('FORBIDDEN', 'people_err_no_consent', { field: 'ethnicity' });
  }
  const before = await repo.findSensitive(db, personId);
  const changed = (['ethnicity', 'health_note'] as const).filter((k) => (before?.[k] ?? null) !== input[k]);
  await db.transaction().execute(async (tx) => {
    await repo.upsertSensitive(tx, {
      person_id: personId,
      ethnicity: input.ethnicity,
      health_note: input.health_note,
      updated_at: nowIso()
    });
    await audit(tx, actor, {
      action: 'person.sensitive.update',
      entityType: 'person',
      entityId: personId,
      organisationId: person.organisation_id,
      after: { changed }
    });
  });
}

/** Consent status and, only while consent is active, the sensitive values. */
export async function sensitiveView(db: Db, actor: Actor, personId: string) {
  await getPerson(db, actor, personId, 'person.sensitive');
  const consent = await repo.findActiveConsent(db, personId, SENSITIVE_PURPOSE);
  const data = consent ? await repo.findSensitive(db, personId) : undefined;
  return { consent: consent ?? null, ethnicity: data?.ethnicity ?? null, health_note: data?.health_note ?? null };
}

export async function consentHistory(db: Db, actor: Actor, personId: string) {
  await getPerson(db, actor, personId);
  return repo.listConsents(db, personId);
}
