/**
 * Per-test data. Each call makes its own rows under unique names and creates whatever parent is
 * missing (a member without an association gets one, an association without a province gets
 * one), so a test needs neither the demo seed's names nor its counts and keeps passing as the
 * demo grows. Everything can be given explicitly instead.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/lib/server/db';
import type { AdminUnitTable } from '../../src/lib/server/db/schema';
import { newId, nowIso } from '../../src/lib/server/db/ids';
import { isAppError } from '../../src/lib/server/errors';
import { insertOrganisation } from '../../src/lib/server/org/organisation.repository';
import { insertPerson } from '../../src/lib/server/people/person.repository';
import { seedTaxonomy } from '../../src/lib/server/reports/taxonomy';
import { fold, sortKey } from '../../src/lib/shared/text';
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

/** An administrative unit (province, commune, village…) as the geography import would write it. */
export async function makeUnit(
  db: Db,
  u: Pick<AdminUnitTable, 'level' | 'name' | 'parent_id'> & Partial<AdminUnitTable>
): Promise<string> {
  const id = u.id ?? newId();
  await db
    .insertInto('admin_unit')
    .values({
      id,
      code: u.code ?? null,
      level: u.level,
      type: u.level,
      name: u.name,
      full_name: u.full_name ?? u.name,
      name_search: u.name.toLowerCase(),
      sort_key: u.sort_key ?? sortKey(u.name),
      parent_id: u.parent_id,
      valid_from: u.valid_from ?? '2000-01-01',
      valid_to: u.valid_to ?? null,
      centre_lat: null,
      centre_lon: null,
      households: null,
      source: 'test',
      created_at: nowIso()
    })
    .execute();
  return id;
}

/** Organisation types of the environment side: their rows are agencies, every other an association. */
const AGENCY_TYPES = ['environment_department', 'department_unit', 'forest_rangers', 'commune_committee', 'police'];

/**
 * One organisation row exactly as given (with its closure rows), nothing made around it: the
 * building block of `makeOrg` and of the suites' own tree helpers.
 */
export async function insertOrg(
  db: Db,
  o: { type: string; name: string; parentId: string | null; unitId?: string | null; kind?: 'association' | 'agency' }
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await insertOrganisation(db, {
    id,
    kind: o.kind ?? (AGENCY_TYPES.includes(o.type) ? 'agency' : 'association'),
    type: o.type,
    name: o.name,
    name_search: fold(o.name),
    sort_key: sortKey(o.name),
    parent_id: o.parentId,
    admin_unit_id: o.unitId ?? null,
    valid_from: '2000-01-01',
    valid_to: null,
    successor_id: null,
    phone: null,
    address: null,
    created_at: now,
    updated_at: now
  });
  return id;
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
  const id = await insertOrg(db, { type, name, parentId: parent?.id ?? null, unitId });
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

/** What a service call ended in, for table-driven refusals: "ok" or the AppError's "CODE:message key". */
export async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return `${e.code}:${e.message}`;
    throw e;
  }
  return 'ok';
}
