/**
 * Per-test data. Each call makes its own rows under unique names and creates whatever parent is
 * missing (a member without an association gets one, an association without a province gets
 * one), so a test needs neither the demo seed's names nor its counts and keeps passing as the
 * demo grows. Everything can be given explicitly instead.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/lib/server/db';
import { newId, nowIso } from '../../src/lib/server/db/ids';
import { insertOrganisation } from '../../src/lib/server/org/organisation.repository';
import { insertPerson } from '../../src/lib/server/people/person.repository';
import { seedTaxonomy } from '../../src/lib/server/reports/taxonomy';
import { fold } from '../../src/lib/shared/text';
import { makeUnit } from '../unit/program-support';
import { createTestReport, type FactoryOptions } from './reports-factory';

/** A name no other test (or demo row) has: "Xã thử 7f3a2c". */
export const unique = (label: string) => `${label} ${randomUUID().slice(0, 6)}`;

export type OrgType = 'province_association' | 'commune_association' | 'branch';
const UNIT_LEVEL = { province_association: 'province', commune_association: 'commune', branch: 'village' } as const;
const PARENT_TYPE = { commune_association: 'province_association', branch: 'commune_association' } as const;

export interface MadeOrg {
  id: string;
  unitId: string;
}

export interface OrgOptions {
  type?: OrgType;
  name?: string;
  /** The parent association; made (with its own parents) when omitted. null: a top-level body. */
  parent?: MadeOrg | null;
  unitId?: string;
}

/** An association (a commune association by default) with its administrative unit. */
export async function makeOrg(db: Db, o: OrgOptions = {}): Promise<MadeOrg> {
  const type = o.type ?? 'commune_association';
  const parent =
    o.parent !== undefined || type === 'province_association'
      ? (o.parent ?? null)
      : await makeOrg(db, { type: PARENT_TYPE[type] });
  const name = o.name ?? unique(`Hội ${UNIT_LEVEL[type]}`);
  const unitId =
    o.unitId ??
    (await makeUnit(db, { level: UNIT_LEVEL[type], name: unique(name), parent_id: parent?.unitId ?? null }));
  const id = newId();
  const now = nowIso();
  await insertOrganisation(db, {
    id,
    kind: 'association',
    type,
    name,
    name_search: fold(name),
    sort_key: name,
    parent_id: parent?.id ?? null,
    admin_unit_id: unitId,
    valid_from: '2000-01-01',
    valid_to: null,
    successor_id: null,
    phone: null,
    address: null,
    created_at: now,
    updated_at: now
  });
  return { id, unitId };
}

export interface PersonOptions {
  name?: string;
  /** The association the person belongs to; a new commune association when omitted. */
  organisationId?: string;
  birthYear?: number;
  villageUnitId?: string | null;
}

export async function makePerson(db: Db, o: PersonOptions = {}): Promise<{ id: string; organisationId: string }> {
  const organisationId = o.organisationId ?? (await makeOrg(db)).id;
  const name = o.name ?? unique('Lò Thị');
  const id = newId();
  const now = nowIso();
  await insertPerson(db, {
    id,
    organisation_id: organisationId,
    full_name: name,
    name_search: fold(name),
    sort_key: name,
    birth_year: o.birthYear ?? 1955,
    sex: 'female',
    village_unit_id: o.villageUnitId ?? null,
    phone: null,
    address: null,
    anonymised_at: null,
    created_at: now,
    updated_at: now
  });
  return { id, organisationId };
}

export interface ReportOptions extends FactoryOptions {
  /** The commune association the report belongs to; a new one (with its commune) when omitted. */
  commune?: MadeOrg;
}

/** A report in a commune of its own (the violation categories are reference data, added if missing). */
export async function makeReport(
  db: Db,
  o: ReportOptions = {}
): Promise<{ id: string; receipt: string; commune: MadeOrg }> {
  const { commune: given, ...rest } = o;
  const commune = given ?? (await makeOrg(db));
  await seedTaxonomy(db);
  const made = await createTestReport(db, { commune_org_id: commune.id, commune_unit_id: commune.unitId, ...rest });
  return { ...made, commune };
}
