/** Catalogue labels for stored program codes: direct message calls, so Paraglide ships only these. */
import * as m from '$lib/paraglide/messages';
import type { Labels } from './lookup';

/** Kinds of model (mô hình). */
export const MODEL_KIND: Labels = {
  elderly_env_group: m.pp_model_kind_elderly_env_group,
  waste_point: m.pp_model_kind_waste_point,
  clean_stream: m.pp_model_kind_clean_stream,
  tree_planting: m.pp_model_kind_tree_planting,
  other: m.pp_model_kind_other
};

/** Program and model statuses. */
export const PROGRAM_STATUS: Labels = {
  active: m.program_status_active,
  paused: m.program_status_paused,
  ended: m.program_status_ended
};

/** Kinds of activity. */
export const ACTIVITY_KIND: Labels = {
  outreach: m.program_kind_outreach,
  meeting: m.program_kind_meeting,
  conference: m.program_kind_conference,
  seminar: m.program_kind_seminar,
  training: m.program_kind_training,
  campaign_day: m.program_kind_campaign_day,
  supervision: m.program_kind_supervision,
  advisory: m.program_kind_advisory
};

/** Ways of reaching people. */
export const ACTIVITY_MODE: Labels = {
  village_meeting: m.program_mode_village_meeting,
  loudspeaker: m.program_mode_loudspeaker,
  door_to_door: m.program_mode_door_to_door,
  clan_gathering: m.program_mode_clan_gathering
};

/** Audiences. */
export const ACTIVITY_AUDIENCE: Labels = {
  elderly_members: m.program_audience_elderly_members,
  families: m.program_audience_families,
  clans: m.program_audience_clans,
  villagers: m.program_audience_villagers,
  pupils: m.program_audience_pupils,
  agency_staff: m.program_audience_agency_staff
};

/** Who signs a commitment. */
export const COMMITMENT_PARTY: Labels = {
  household: m.program_party_household,
  person: m.program_party_person
};

/** New-countryside criteria, by code with - and : as _. */
export const NTM_CRITERION: Labels = {
  '2021_2025_17': m.pa_ntm_2021_2025_17,
  '2026_2030_8': m.pa_ntm_2026_2030_8,
  none: m.pa_ntm_none
};
