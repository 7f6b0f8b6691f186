/** Catalogue labels for the outreach library's kinds and languages. */
import * as m from '$lib/paraglide/messages';
import type { Labels } from './lookup';

export const MATERIAL_KIND: Labels = {
  leaflet: m.public_lib_kind_leaflet,
  law_summary: m.public_lib_kind_law_summary,
  loudspeaker_script: m.public_lib_kind_loudspeaker_script,
  other: m.public_lib_kind_other
};

export const LANGUAGE: Labels = {
  vi: m.public_lib_lang_vi,
  thai: m.public_lib_lang_thai,
  mong: m.public_lib_lang_mong,
  dao: m.public_lib_lang_dao,
  hanhi: m.public_lib_lang_hanhi,
  lu: m.public_lib_lang_lu,
  other: m.public_lib_lang_other
};

export const PAGE_KEY: Labels = {
  report_form: m.public_lib_page_report_form,
  receipt: m.public_lib_page_receipt,
  follow_up: m.public_lib_page_follow_up
};
