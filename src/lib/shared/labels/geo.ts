/** Catalogue labels for stored geo codes: direct message calls, so Paraglide ships only these. */
import * as m from '$lib/paraglide/messages';
import type { Labels } from './lookup';

/** Administrative unit types (tỉnh, xã, thôn…). */
export const UNIT_TYPE: Labels = {
  tinh: m.geo_type_tinh,
  thanh_pho: m.geo_type_thanh_pho,
  huyen: m.geo_type_huyen,
  quan: m.geo_type_quan,
  thi_xa: m.geo_type_thi_xa,
  xa: m.geo_type_xa,
  phuong: m.geo_type_phuong,
  thi_tran: m.geo_type_thi_tran,
  dac_khu: m.geo_type_dac_khu,
  ban: m.geo_type_ban,
  thon: m.geo_type_thon
};

/** Unit levels. */
export const UNIT_LEVEL: Labels = {
  province: m.geo_level_province,
  district: m.geo_level_district,
  commune: m.geo_level_commune,
  village: m.geo_level_village
};

/** Kinds of boundary change. */
export const UNIT_CHANGE: Labels = {
  merge: m.geo_change_merge,
  split: m.geo_change_split,
  rename: m.geo_change_rename,
  retype: m.geo_change_retype,
  reparent: m.geo_change_reparent,
  establish: m.geo_change_establish,
  abolish: m.geo_change_abolish
};

/** Whole or partial transfer of an area. */
export const UNIT_SHARE: Labels = {
  full: m.geo_share_full,
  partial: m.geo_share_partial
};
