import * as m from '$lib/paraglide/messages';

/** Catalogue labels for stored codes, shared by the people pages. */
export const sexLabel = (s: string | null): string =>
  s === 'female'
    ? m.people_sex_female()
    : s === 'male'
      ? m.people_sex_male()
      : s === 'other'
        ? m.people_sex_other()
        : m.people_sex_unknown();

export const methodLabel = (method: string): string =>
  method === 'signature'
    ? m.people_method_signature()
    : method === 'fingerprint'
      ? m.people_method_fingerprint()
      : m.people_method_oral_witness();

const NOTICES: Record<string, () => string> = {
  created: m.people_created,
  saved: m.people_saved,
  sensitive: m.people_sensitive_saved,
  consent: m.people_consent_recorded,
  withdrawn: m.people_consent_withdrawn,
  anonymised: m.people_anonymised
};
export const noticeFor = (msg: string | null): string | null => (msg && NOTICES[msg] ? NOTICES[msg]() : null);
