/**
 * The words of the report form's identity step, worded by the server (words.server.ts): they are
 * long (the law on denunciations, what each protection keeps) and shipped as messages they cost
 * the form's browser code both languages; in the page data they repeat the page's own text.
 */
export const IDENTITY_KEYS = [
  'desk_protection_default',
  'desk_sms_receipt_hint',
  'desk_sms_receipt_label',
  'rf_protection_anonymous',
  'rf_protection_confidential',
  'rf_protection_named',
  'ri_address_label',
  'ri_attest_label',
  'ri_identity_hint',
  'ri_identity_legend',
  'ri_name_label',
  'ri_phone_label',
  'ri_protection_anonymous_hint',
  'ri_protection_confidential_hint',
  'ri_protection_legend',
  'ri_protection_named_hint',
  'ri_to_cao_why',
  'ri_to_cao_why_title',
  'ri_violator_label'
] as const;

export type IdentityWords = Record<(typeof IDENTITY_KEYS)[number], string>;

/** The form's long, fixed hints (same reason): what each kind of report is, the photo limits. */
export const HINT_KEYS = [
  'ri_intro',
  'ri_description_hint',
  'ri_observed_hint',
  'rf_photos_hint',
  'ri_channel_phan_anh_hint',
  'ri_channel_kien_nghi_hint',
  'ri_channel_to_cao_hint'
] as const;

export type HintWords = Record<(typeof HINT_KEYS)[number], string>;
