import * as m from '$lib/paraglide/messages';
import type { HintWords, IdentityWords } from './identity-words';

/** The identity step's words in the request's language (see identity-words.ts). */
export const identityWords = (): IdentityWords => ({
  desk_protection_default: m.desk_protection_default(),
  desk_sms_receipt_hint: m.desk_sms_receipt_hint(),
  desk_sms_receipt_label: m.desk_sms_receipt_label(),
  rf_protection_anonymous: m.rf_protection_anonymous(),
  rf_protection_confidential: m.rf_protection_confidential(),
  rf_protection_named: m.rf_protection_named(),
  ri_address_label: m.ri_address_label(),
  ri_attest_label: m.ri_attest_label(),
  ri_identity_hint: m.ri_identity_hint(),
  ri_identity_legend: m.ri_identity_legend(),
  ri_name_label: m.ri_name_label(),
  ri_phone_label: m.ri_phone_label(),
  ri_protection_anonymous_hint: m.ri_protection_anonymous_hint(),
  ri_protection_confidential_hint: m.ri_protection_confidential_hint(),
  ri_protection_legend: m.ri_protection_legend(),
  ri_protection_named_hint: m.ri_protection_named_hint(),
  ri_to_cao_why: m.ri_to_cao_why(),
  ri_to_cao_why_title: m.ri_to_cao_why_title(),
  ri_violator_label: m.ri_violator_label()
});

/** The form's long fixed hints in the request's language. */
export const hintWords = (): HintWords => ({
  ri_intro: m.ri_intro(),
  ri_description_hint: m.ri_description_hint(),
  ri_observed_hint: m.ri_observed_hint(),
  rf_photos_hint: m.rf_photos_hint(),
  ri_channel_phan_anh_hint: m.ri_channel_phan_anh_hint(),
  ri_channel_kien_nghi_hint: m.ri_channel_kien_nghi_hint(),
  ri_channel_to_cao_hint: m.ri_channel_to_cao_hint()
});
