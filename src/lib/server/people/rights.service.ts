/** Data-subject rights: access (export) and erasure by anonymisation. */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { AppError } from '$lib/server/errors';
import { audit } from '$lib/server/audit/audit.service';
import { nowIso } from '$lib/server/db/ids';
import { fold, sortKey } from '$lib/shared/text';
import * as repo from './person.repository';
import { getPerson, toPersonOut } from './person.service';
import { SENSITIVE_PURPOSE } from './consent.service';

/** Stored in place of the name; pages show the localised label when anonymised_at is set. */
export const ANONYMISED_NAME = 'Người đã ẩn danh';

/** Everything held about a person, for a subject access request. */
export async function exportPerson(db: Db, actor: Actor, personId: string) {
  const person = await getPerson(db, actor, personId, 'person.export');
  const [memberships, consents, sensitive] = await Promise.all([
    repo.listMemberships(db, personId),
    repo.listConsents(db, personId),
    repo.findSensitive(db, personId)
  ]);
  const active = consents.some((c) => c.purpose === SENSITIVE_PURPOSE && !c.withdrawn_at);
  await audit(db, actor, {
    action: 'person.export',
    entityType: 'person',
    entityId: personId,
    organisationId: person.organisation_id
  });
  return {
    exported_at: nowIso(),
    person: { ...toPersonOut(person), organisation_name: person.organisation_name, village_name: person.village_name },
    // The subject is entitled to their own sensitive data; it is only present under consent.
    sensitive: active && sensitive ? { ethnicity: sensitive.ethnicity, health_note: sensitive.health_note } : null,
    memberships: memberships.map((m) => ({
      organisation_name: m.organisation_name,
      card_number: m.card_number,
      joined_on: m.joined_on,
      left_on: m.left_on
    })),
    consents: consents.map((c) => ({
      purpose: c.purpose,
      version: c.version,
      method: c.method,
      witness_name: c.witness_name,
      given_on: c.given_on,
      withdrawn_at: c.withdrawn_at
    }))
  };
}
export type PersonExport = Awaited<ReturnType<typeof exportPerson>>;

/**
 * Erasure that keeps statistics: the name, phone, address, card numbers and sensitive data go;
 * birth decade, sex, village and the membership rows stay, so member counts do not change.
 */
export async function anonymisePerson(db: Db, actor: Actor, personId: string): Promise<void> {
  const person = await getPerson(db, actor, personId, 'person.export');
  if (person.anonymised_at) throw new AppError('CONFLICT', 'people_err_anonymised');
  const at = nowIso();
  await db.transaction().execute(async (tx) => {
    await repo.updatePerson(tx, personId, {
      full_name: ANONYMISED_NAME,
      name_search: fold(ANONYMISED_NAME),
      sort_key: sortKey(ANONYMISED_NAME),
      birth_year: person.birth_year === null ? null : Math.floor(person.birth_year / 10) * 10,
      phone: null,
      address: null,
      anonymised_at: at,
      updated_at: at
    });
    for (const m of await repo.listMemberships(tx, personId)) {
      if (m.card_number) await repo.updateMembership(tx, m.id, { card_number: null });
    }
    await repo.withdrawConsents(tx, personId, SENSITIVE_PURPOSE, at);
    await repo.deleteSensitive(tx, personId);
    // Only the fact is recorded: copying the erased values into the audit would defeat erasure.
    await audit(tx, actor, {
      action: 'person.anonymise',
      entityType: 'person',
      entityId: personId,
      organisationId: person.organisation_id,
      after: { anonymised_at: at }
    });
  });
}
