/**
 * Writing the chosen rows of a member list: the villages the officer chose to create, then
 * each person with their membership, all in one transaction so nothing half-written is left.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { audit } from '$lib/server/audit/audit.service';
import { newId, nowIso } from '$lib/server/db/ids';
import { fold, sortKey } from '$lib/shared/text';
import { todayVn } from '$lib/shared/format';
import * as repo from '../person.repository';
import * as uploads from '../import.repository';
import { villageKey, type ImportedRow } from './rows';

const villageType = (name: string) => (/^bản\s/i.test(name) ? 'ban' : 'thon');

async function createVillages(tx: Db, actor: Actor, communeId: string, rows: ImportedRow[], note: string) {
  const created = new Map<string, string>();
  for (const r of rows) {
    if (!r.new_village || created.has(villageKey(r.new_village))) continue;
    const id = newId();
    const unit = {
      id,
      code: null,
      level: 'village' as const,
      type: villageType(r.new_village),
      name: r.new_village,
      full_name: r.new_village,
      name_search: fold(r.new_village),
      sort_key: sortKey(r.new_village),
      parent_id: communeId,
      valid_from: todayVn(),
      valid_to: null,
      centre_lat: null,
      centre_lon: null,
      households: null,
      source: 'member-list import',
      created_at: nowIso()
    };
    await uploads.insertVillage(tx, unit);
    await audit(tx, actor, { action: 'unit.create', entityType: 'admin_unit', entityId: id, after: unit, note });
    created.set(villageKey(r.new_village), id);
  }
  return created;
}

export async function writeRows(
  db: Db,
  actor: Actor,
  target: { organisationId: string; communeId: string | null; note: string; uploadId?: string },
  rows: ImportedRow[]
): Promise<void> {
  const { organisationId, note } = target;
  await db.transaction().execute(async (tx) => {
    const villages = target.communeId ? await createVillages(tx, actor, target.communeId, rows, note) : new Map();
    for (const r of rows) {
      const now = nowIso();
      const personId = newId();
      const person = {
        full_name: r.full_name,
        birth_year: r.birth_year,
        sex: r.sex,
        village_unit_id:
          r.village_unit_id ?? (r.new_village ? (villages.get(villageKey(r.new_village)) ?? null) : null),
        phone: r.phone,
        address: r.address
      };
      await repo.insertPerson(tx, {
        id: personId,
        organisation_id: organisationId,
        ...person,
        name_search: fold(r.full_name),
        sort_key: sortKey(r.full_name),
        anonymised_at: null,
        created_at: now,
        updated_at: now
      });
      const membership = {
        id: newId(),
        person_id: personId,
        organisation_id: organisationId,
        card_number: r.card_number,
        joined_on: r.joined_on,
        left_on: null,
        created_at: now
      };
      await repo.insertMembership(tx, membership);
      await audit(tx, actor, {
        action: 'person.create',
        entityType: 'person',
        entityId: personId,
        organisationId,
        after: { ...person, organisation_id: organisationId, membership },
        note: `${note} row ${r.row}`
      });
    }
    if (target.uploadId) await uploads.deleteUpload(tx, target.uploadId);
  });
}
