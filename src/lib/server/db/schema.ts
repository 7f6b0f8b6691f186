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

export interface PersonImportTable {
  id: string;
  account_id: string;
  organisation_id: string;
  file_name: string;
  content_base64: string;
  mapping_json: string | null;
  created_at: string;
  expires_at: string;
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
  /** folded display name + username + phone (migration 004) */
  search_text: string | null;
  /** where notifications are emailed (migration 009) */
  email: Generated<string | null>;
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

// ---- reports (migration 006) ----
export type ReportChannel = 'phan_anh' | 'kien_nghi' | 'to_cao';
export type ReportProtection = 'named' | 'confidential' | 'anonymous';

export interface CategoryGroupTable {
  id: string;
  code: string;
  name_vi: string;
  name_en: string;
  sort_order: number;
  active: Generated<number>;
}

export interface CategoryTable {
  id: string;
  code: string;
  group_id: string;
  name_vi: string;
  name_en: string;
  name_search: string;
  legal_basis: string | null;
  icon: string | null;
  urgent: Generated<number>;
  sort_order: number;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ReportTable {
  id: string;
  receipt_hash: string;
  idempotency_key: string | null;
  channel: ReportChannel;
  category_id: string;
  description: string;
  description_search: string;
  observed_on: string;
  lat: number | null;
  lon: number | null;
  location_precision: 'gps' | 'pin' | 'photo' | 'village' | 'commune' | 'address';
  location_text: string | null;
  commune_unit_id: string | null;
  village_unit_id: string | null;
  commune_org_id: string | null;
  agency_org_id: string | null;
  assigned_account_id: string | null;
  status: string; // ReportStatus from shared/reports/status.ts
  urgent: Generated<number>;
  protection: ReportProtection;
  reporter_account_id: string | null;
  entered_by_account_id: string | null;
  observer_person_id: string | null;
  consent_method: 'oral_witness' | 'signature' | 'fingerprint' | null;
  is_public: Generated<number>;
  public_lat: number | null;
  public_lon: number | null;
  duplicate_of_id: string | null;
  deadline_kind: 'verify' | 'accept' | 'resolve' | null;
  deadline_on: string | null;
  accepted_on: string | null;
  extensions_used: Generated<number>;
  outcome_kind: string | null;
  outcome_json: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  rating: number | null;
  created_at: string;
  updated_at: string;
  /** The text shown publicly when an officer redacted it; null shows the description. */
  public_description: Generated<string | null>;
  public_search: Generated<string | null>;
  /** A photo link sent by an Open311 client; shown to officers, never fetched. */
  media_url: Generated<string | null>;
  /** When the association first checked it: verified, escalated or forwarded (migration 135). */
  checked_at: Generated<string | null>;
  /** The deadline its latest resolve was measured against: on time or late (migration 135). */
  resolved_due_on: Generated<string | null>;
}

export interface ReportIdentityTable {
  report_id: string;
  ciphertext: string;
  iv: string;
  tag: string;
  key_version: number;
  created_at: string;
}

export interface ReportEventTable {
  id: string;
  report_id: string;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  actor_account_id: string | null;
  actor_org_id: string | null;
  visible_to_reporter: Generated<number>;
  body: string | null;
  data: string | null;
  created_at: string;
}

export interface AttachmentTable {
  id: string;
  report_id: string;
  event_id: string | null;
  kind: 'photo' | 'audio' | 'document';
  private_path: string;
  public_path: string | null;
  sha256: string;
  mime: string;
  bytes: number;
  captured_at: string | null;
  gps_lat: number | null;
  gps_lon: number | null;
  approved_public: Generated<number>;
  uploaded_by_account_id: string | null;
  created_at: string;
}

/** One row: changes (triggers, migration 181) whenever intake's reference data does. */
export interface ReferenceVersionTable {
  id: number;
  token: string;
}

export interface HolidayTable {
  date: string;
  name: string;
  kind: 'holiday' | 'compensatory' | 'bridge' | 'workday';
  updated_at: string;
}

export interface DeadlineRuleTable {
  id: string;
  channel: ReportChannel;
  category_id: string | null;
  stage: 'verify' | 'accept' | 'resolve';
  day_kind: 'working' | 'calendar';
  days: number;
  extension_days: Generated<number>;
  max_extensions: Generated<number>;
  updated_at: string;
}

export interface RoutingRuleTable {
  id: string;
  category_id: string | null;
  admin_unit_id: string | null;
  agency_org_id: string;
  updated_at: string;
}

export interface ExtensionRequestTable {
  id: string;
  report_id: string;
  requested_by_account_id: string;
  reason: string;
  days: number;
  status: 'pending' | 'approved' | 'denied';
  decided_by_account_id: string | null;
  decided_at: string | null;
  decision_note: string | null;
  created_at: string;
}

export interface Open311ApiKeyTable {
  id: string;
  name: string;
  key_hash: string;
  created_by_account_id: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

// ---- program work (migration 007) ----
export interface ProgramTable {
  id: string;
  organisation_id: string;
  title: string;
  title_search: string;
  signed_on: string | null;
  period_from: string;
  period_to: string;
  objectives: string | null;
  /** JSON array of strings */
  content_areas: string | null;
  document_path: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProgramPartyTable {
  program_id: string;
  organisation_id: string;
}

export interface IndicatorTable {
  id: string;
  code: string;
  name_vi: string;
  name_en: string;
  unit: string;
  source: 'computed' | 'manual';
  definition_key: string | null;
  aggregation: Generated<'flow' | 'stock'>;
  sort_order: Generated<number>;
  active: Generated<number>;
  created_at: string;
}

export interface PlanTable {
  id: string;
  organisation_id: string;
  program_id: string | null;
  year: number;
  created_at: string;
  updated_at: string;
}

export interface PlanTargetTable {
  plan_id: string;
  indicator_id: string;
  target_value: number;
}

export interface ManualValueTable {
  id: string;
  indicator_id: string;
  organisation_id: string;
  admin_unit_id: string;
  month: string;
  value: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Shape of the editable lists `topic` and `commitment_kind`. */
export interface CodeListTable {
  id: string;
  code: string;
  name_vi: string;
  name_en: string;
  sort_order: Generated<number>;
  active: Generated<number>;
}

export interface ActivityTable {
  id: string;
  kind: string; // ActivityKind from shared/program/kinds.ts
  outreach_mode: string | null;
  organisation_id: string;
  admin_unit_id: string;
  started_on: string;
  ended_on: string | null;
  count_total: number;
  count_elderly: number;
  count_women: number;
  count_ethnic_minority: number;
  /** JSON array of audience codes */
  audiences: string | null;
  partners: string | null;
  materials: string | null;
  ntm_criterion: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ActivityTopicTable {
  activity_id: string;
  topic_id: string;
}

export interface ActivityAttendeeTable {
  activity_id: string;
  person_id: string;
}

export interface CommitmentTable {
  id: string;
  organisation_id: string;
  kind_id: string;
  party: 'household' | 'person';
  household_name: string | null;
  person_id: string | null;
  village_unit_id: string;
  signed_on: string;
  photo_path: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ModelTable {
  id: string;
  name: string;
  name_search: string;
  kind: string;
  organisation_id: string;
  admin_unit_id: string;
  started_on: string;
  ended_on: string | null;
  people_involved: number | null;
  status: 'active' | 'paused' | 'ended';
  evidence: string | null;
  recognised_by: string | null;
  recognised_on: string | null;
  replicated_from_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ModelResultTable {
  id: string;
  model_id: string;
  description: string;
  quantity: number;
  unit: string;
  recorded_on: string | null;
}

export interface AggUnitMonthTable {
  indicator_code: string;
  organisation_id: string;
  admin_unit_id: string;
  month: string;
  value: number;
}

// ---- report workflow (migration 008) ----
export interface NotificationTable {
  id: string;
  dedupe_key: string;
  kind: 'overdue' | 'urgent' | 'report_due' | 'notice' | 'answer' | 'custodian';
  organisation_id: string;
  account_id: string | null;
  report_id: string | null;
  day: string;
  body_json: string;
  status: 'pending' | 'sent' | 'failed';
  created_at: string;
  sent_at: string | null;
  /** migration 009: delivery retries */
  attempts: Generated<number>;
  next_attempt_at: string | null;
  last_error: string | null;
}

export interface FormDraftTable {
  id: string;
  path: string;
  fields_json: string;
  created_at: string;
}

/** A photo of an activity or of a commitment's signed sheet (migration 010). */
export interface ProgramMediaTable {
  id: string;
  owner_type: 'activity' | 'commitment';
  owner_id: string;
  organisation_id: string;
  private_path: string;
  public_path: string;
  sha256: string;
  mime: string;
  bytes: number;
  created_by: string | null;
  created_at: string;
}

// ---- official documents and the register of outgoing documents (migration 060) ----
export interface DocumentIssuerTable {
  organisation_id: string;
  symbol: string;
  name_label: string | null;
  parent_label: string | null;
  place: string | null;
  signer_authority: string | null;
  signer_title: string | null;
  signer_name: string | null;
  updated_at: string;
}

export interface DocumentCounterTable {
  issuer_org_id: string;
  type_code: string;
  year: number;
  last_number: number;
}

export interface IssuedDocumentTable {
  id: string;
  issuer_org_id: string;
  type_code: string;
  year: number;
  number: number;
  number_text: string;
  issued_on: string;
  /** JSON array of organisation ids (joint documents) */
  co_issuers: string | null;
  signer_name: string | null;
  signer_title: string | null;
  subject: string;
  file_path: string | null;
  file_sha256: string | null;
  annex_path: string | null;
  issued_by: string | null;
  created_at: string;
}

export interface IssuedDocumentLinkTable {
  document_id: string;
  entity_type: string;
  entity_id: string;
}

// ---- reports upward: periodic, sơ kết and tổng kết reports (migration 061) ----
export interface ReportingSettingTable {
  organisation_id: string;
  cutoff: string;
  updated_at: string;
}

// ---- document jobs (migration 136) ----
export type DocumentJobStatus = 'pending' | 'running' | 'done' | 'failed';
export interface DocumentJobTable {
  id: string;
  kind: string;
  entity_id: string;
  version_key: string;
  requested_by: string;
  status: DocumentJobStatus;
  attempts: Generated<number>;
  error: string | null;
  /** JSON { docx, annex }: paths under DATA_DIR/private */
  files: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface PeriodicReportTable {
  id: string;
  organisation_id: string;
  program_id: string | null;
  report_kind: string;
  period_kind: string;
  year: number;
  period_index: number;
  start_on: string;
  end_on: string;
  cutoff: string;
  due_on: string;
  version: number;
  supersedes_id: string | null;
  status: string;
  /** JSON object: section key → text */
  narrative: string;
  /** JSON: the figures frozen at submission */
  snapshot: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  review_comment: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PeriodicReportEventTable {
  id: string;
  report_id: string;
  at: string;
  actor_name: string;
  from_status: string | null;
  to_status: string;
  comment: string | null;
}

// ---- emulation and commendation (migration 070) ----
export interface EmuCampaignTable {
  id: string;
  organisation_id: string;
  name: string;
  kind: 'movement' | 'specialised';
  /** JSON array of subject kinds */
  subjects: string;
  register_from: string;
  register_to: string;
  evaluate_from: string;
  evaluate_to: string;
  status: 'open' | 'closed';
  criteria_version: number;
  title_threshold: number;
  created_at: string;
  updated_at: string;
}

export interface EmuCriterionTable {
  id: string;
  campaign_id: string;
  version: number;
  group_code: string;
  code: string;
  name: string;
  measure: string;
  target: number;
  points: number;
  sort_order: number;
}

export interface EmuRegistrationTable {
  id: string;
  campaign_id: string;
  criteria_version: number;
  organisation_id: string;
  subject_kind: 'person' | 'household' | 'branch' | 'commune' | 'env_collective';
  person_id: string | null;
  household_name: string | null;
  subject_org_id: string | null;
  subject_key: string;
  /** JSON array of criterion codes */
  commitments: string | null;
  status: string;
  self_score: number | null;
  self_note: string | null;
  branch_score: number | null;
  branch_note: string | null;
  /** JSON object: criterion code to the points given by the self-assessment (null: no breakdown) */
  self_points: string | null;
  /** JSON object: criterion code to the points the registering level's assessment gave */
  branch_points: string | null;
  result: 'passed' | 'failed' | null;
  published_on: string | null;
  appeal_until: string | null;
  typical_story: string | null;
  typical_model_id: string | null;
  /** set when an association level marks the subject a typical example (migration 071) */
  typical_marked_at?: string | null;
  typical_marked_by?: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EmuEvidenceTable {
  id: string;
  registration_id: string;
  criterion_code: string | null;
  description: string;
  created_by: string | null;
  created_at: string;
}

export interface EmuCouncilTable {
  id: string;
  organisation_id: string;
  campaign_id: string;
  meeting_on: string;
  /** JSON array of { name, role } */
  members: string;
  members_total: number;
  members_present: number;
  created_by: string | null;
  created_at: string;
}

export interface EmuVoteTable {
  council_id: string;
  registration_id: string;
  award_form: string;
  in_favour: number;
  against: number;
  abstain: number;
  rule: string;
  passed: number;
}

export interface EmuPassRuleTable {
  organisation_id: string;
  award_form: string;
  rule: string;
  updated_at: string;
}

export interface EmuNominationTable {
  id: string;
  registration_id: string;
  award_form: string;
  from_org_id: string;
  to_org_id: string;
  status: 'pending' | 'decided' | 'returned';
  created_by: string | null;
  created_at: string;
}

export interface EmuAwardTable {
  id: string;
  registration_id: string;
  nomination_id: string | null;
  award_form: string;
  granted_by_org_id: string;
  achievement_key: string;
  decision_id: string | null;
  decision_number: string;
  decided_on: string;
  signer_name: string | null;
  cash_multiple: number;
  cash_amount: number;
  story: string | null;
  public_consent_on: string | null;
  consent_withdrawn_at: string | null;
  revoked_at: string | null;
  revoke_reason: string | null;
  revoked_by: string | null;
  created_at: string;
  /** the awardee's photo for the public board, shown only with its own consent */
  photo_file_id: string | null;
  photo_consent_on: string | null;
}

/** Photos and documents of manual evidence, and awardees' photos (migration 072). */
export interface EmuFileTable {
  id: string;
  registration_id: string;
  evidence_id: string | null;
  organisation_id: string;
  kind: 'photo' | 'document';
  mime: string;
  file_name: string;
  bytes: number;
  sha256: string;
  private_path: string;
  public_path: string | null;
  thumb_path: string | null;
  alt: string | null;
  created_by: string | null;
  created_at: string;
}

/** Emulation figures per kind of subject, organisation and month (migration 072). */
export interface AggEmuMonthTable {
  indicator_code: string;
  subject_kind: string;
  organisation_id: string;
  month: string;
  value: number;
}

// ---- public news "Tin, ảnh" (migration 080) ----
export type NewsSource = 'activity' | 'model' | 'report' | 'award' | 'none';
export type NewsStatus = 'draft' | 'published' | 'unpublished';

export interface NewsItemTable {
  id: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
  source_type: NewsSource;
  source_id: string | null;
  organisation_id: string;
  admin_unit_id: string | null;
  status: NewsStatus;
  publish_at: string | null;
  author_account_id: string | null;
  author_name: string;
  idempotency_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface NewsPhotoTable {
  id: string;
  news_id: string;
  media_id: string;
  media_kind: 'program_media' | 'attachment';
  public_path: string;
  mime: string;
  caption: string | null;
  shows_people: Generated<number>;
  consent_recorded_by: string | null;
  consent_recorded_at: string | null;
  sort_order: Generated<number>;
}

export interface MaterialTable {
  id: string;
  slug: string;
  kind: string;
  organisation_id: string;
  page_key: string | null;
  is_public: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface MaterialTopicTable {
  material_id: string;
  topic_id: string;
}

export interface MaterialTextTable {
  id: string;
  material_id: string;
  language: string;
  language_name: string;
  title: string;
  body: string;
  audio_path: string | null;
  audio_mime: string | null;
  audio_bytes: number | null;
  audio_ms: number | null;
  original_path: string | null;
  original_mime: string | null;
  original_bytes: number | null;
  updated_by: string | null;
  updated_at: string;
}

export interface ActivityMaterialTable {
  activity_id: string;
  material_id: string;
}

/** The program models a typical example is known for. */
export interface EmuTypicalModelTable {
  registration_id: string;
  model_id: string;
}

/** migration 041: an account's in-app notices (kind + report only; words composed when shown) */
export interface InboxItemTable {
  id: string;
  dedupe_key: string;
  account_id: string;
  kind: 'new_report' | 'reply' | 'extension' | 'deadline' | 'answer';
  report_id: string;
  created_at: string;
  read_at: string | null;
}

/** migration 042: an officer's request that the custodian reveal a protected identity */
export interface RevealRequestTable {
  id: string;
  report_id: string;
  requested_by: string;
  reason: string;
  status: 'pending' | 'revealed' | 'declined';
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

/** A request to make someone an identity custodian, decided by a second administrator (migration 100). */
export interface CustodianRequestTable {
  id: string;
  account_id: string;
  organisation_id: string;
  requested_by: string;
  requested_at: string;
  decision: 'approved' | 'refused' | null;
  decided_by: string | null;
  decided_at: string | null;
  grant_id: string | null;
  /** migration 180: which role is asked for (administrator or identity_custodian) */
  role: 'identity_custodian' | 'administrator';
}

/** migration 180: an in-app notice not about a report (e.g. a change to who may reveal identities) */
export interface AccountNoticeTable {
  id: string;
  dedupe_key: string;
  account_id: string;
  kind: 'custodian';
  body_json: string;
  created_at: string;
  read_at: string | null;
}

export interface DB {
  notification: NotificationTable;
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
  person_import: PersonImportTable;
  account: AccountTable;
  session: SessionTable;
  rate_limit: RateLimitTable;
  role_grant: RoleGrantTable;
  api_token: ApiTokenTable;
  idempotency_key: IdempotencyKeyTable;
  audit_event: AuditEventTable;
  form_draft: FormDraftTable;
  category_group: CategoryGroupTable;
  category: CategoryTable;
  report: ReportTable;
  report_identity: ReportIdentityTable;
  report_event: ReportEventTable;
  attachment: AttachmentTable;
  holiday: HolidayTable;
  reference_version: ReferenceVersionTable;
  deadline_rule: DeadlineRuleTable;
  routing_rule: RoutingRuleTable;
  extension_request: ExtensionRequestTable;
  open311_api_key: Open311ApiKeyTable;
  program: ProgramTable;
  program_party: ProgramPartyTable;
  indicator: IndicatorTable;
  plan: PlanTable;
  plan_target: PlanTargetTable;
  manual_value: ManualValueTable;
  topic: CodeListTable;
  commitment_kind: CodeListTable;
  activity: ActivityTable;
  activity_topic: ActivityTopicTable;
  activity_attendee: ActivityAttendeeTable;
  commitment: CommitmentTable;
  model: ModelTable;
  model_result: ModelResultTable;
  agg_unit_month: AggUnitMonthTable;
  program_media: ProgramMediaTable;
  /** migration 011: agg_unit_month lifted to communes and commune associations */
  agg_commune_month: AggUnitMonthTable;
  document_issuer: DocumentIssuerTable;
  document_counter: DocumentCounterTable;
  issued_document: IssuedDocumentTable;
  issued_document_link: IssuedDocumentLinkTable;
  reporting_setting: ReportingSettingTable;
  periodic_report: PeriodicReportTable;
  document_job: DocumentJobTable;
  periodic_report_event: PeriodicReportEventTable;
  emu_campaign: EmuCampaignTable;
  emu_criterion: EmuCriterionTable;
  emu_registration: EmuRegistrationTable;
  emu_evidence: EmuEvidenceTable;
  emu_council: EmuCouncilTable;
  emu_vote: EmuVoteTable;
  emu_pass_rule: EmuPassRuleTable;
  emu_nomination: EmuNominationTable;
  emu_award: EmuAwardTable;
  emu_file: EmuFileTable;
  agg_emu_month: AggEmuMonthTable;
  news_item: NewsItemTable;
  news_photo: NewsPhotoTable;
  material: MaterialTable;
  material_topic: MaterialTopicTable;
  material_text: MaterialTextTable;
  activity_material: ActivityMaterialTable;
  emu_typical_model: EmuTypicalModelTable;
  inbox_item: InboxItemTable;
  reveal_request: RevealRequestTable;
  custodian_request: CustodianRequestTable;
  account_notice: AccountNoticeTable;
}
