/**
 * Row types as the application sees them (after dialect.ts normalises values):
 * dates are 'YYYY-MM-DD' strings, timestamps ISO strings, flags 0/1, JSON as text.
 */
import type { Generated } from 'kysely';

export interface AdminUnitTable {
  id: string;
  code: string | null;
  level: 'province' | 'district' | 'commune' | 'village';
  type: string;
  name: string;
  full_name: string;
  name_search: string;
  sort_key: string;
  parent_id: string | null;
  valid_from: string;
  valid_to: string | null;
  centre_lat: number | null;
  centre_lon: number | null;
  households: number | null;
  source: string | null;
  created_at: string;
}

export interface UnitChangeTable {
  id: string;
  kind: 'merge' | 'split' | 'rename' | 'retype' | 'reparent' | 'establish' | 'abolish';
  effective_date: string;
  legal_basis: string | null;
  note: string | null;
  created_at: string;
}

export interface UnitChangeLinkTable {
  change_id: string;
  predecessor_id: string | null;
  successor_id: string | null;
  share: Generated<'full' | 'partial'>;
}

export interface UnitGeometryTable {
  unit_id: string;
  geojson: string;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  source: string | null;
}

export interface OrganisationTable {
  id: string;
  kind: 'association' | 'agency';
  type: string;
  name: string;
  name_search: string;
  sort_key: string;
  parent_id: string | null;
  admin_unit_id: string | null;
  valid_from: string;
  valid_to: string | null;
  successor_id: string | null;
  phone: string | null;
  address: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrganisationClosureTable {
  ancestor_id: string;
  descendant_id: string;
  depth: number;
}

export interface PersonTable {
  id: string;
  organisation_id: string;
  full_name: string;
  name_search: string;
  sort_key: string;
  birth_year: number | null;
  sex: 'female' | 'male' | 'other' | null;
  village_unit_id: string | null;
  phone: string | null;
  address: string | null;
  anonymised_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PersonSensitiveTable {
  person_id: string;
  ethnicity: string | null;
  health_note: string | null;
  updated_at: string;
}

export interface ConsentTable {
  id: string;
  person_id: string;
  purpose: string;
  version: string;
  method: 'signature' | 'fingerprint' | 'oral_witness';
  witness_name: string | null;
  given_on: string;
  recorded_by: string | null;
  withdrawn_at: string | null;
  created_at: string;
}

export interface MembershipTable {
  id: string;
  person_id: string;
  organisation_id: string;
  card_number: string | null;
  joined_on: string;
  left_on: string | null;
  created_at: string;
}

export interface AccountTable {
  id: string;
  username: string;
  phone: string | null;
  display_name: string;
  password_hash: string;
  person_id: string | null;
  must_change_password: Generated<number>;
  disabled: Generated<number>;
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string;
  account_id: string;
  expires_at: string;
  created_at: string;
}

export interface RateLimitTable {
  key: string;
  count: number;
  reset_at: string;
}

export interface RoleGrantTable {
  id: string;
  account_id: string;
  role: string;
  organisation_id: string;
  granted_by: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface ApiTokenTable {
  id: string;
  account_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface IdempotencyKeyTable {
  key: string;
  entity_type: string;
  entity_id: string;
  created_at: string;
}

export interface AuditEventTable {
  id: string;
  at: string;
  actor_account_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  organisation_id: string | null;
  before_json: string | null;
  after_json: string | null;
  note: string | null;
}

export interface DB {
  admin_unit: AdminUnitTable;
  unit_change: UnitChangeTable;
  unit_change_link: UnitChangeLinkTable;
  unit_geometry: UnitGeometryTable;
  organisation: OrganisationTable;
  organisation_closure: OrganisationClosureTable;
  person: PersonTable;
  person_sensitive: PersonSensitiveTable;
  consent: ConsentTable;
  membership: MembershipTable;
  account: AccountTable;
  session: SessionTable;
  rate_limit: RateLimitTable;
  role_grant: RoleGrantTable;
  api_token: ApiTokenTable;
  idempotency_key: IdempotencyKeyTable;
  audit_event: AuditEventTable;
}
