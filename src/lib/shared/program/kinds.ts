/** Code lists of program work. Pure data shared by server and UI; labels live in messages/program.json. */
export const ACTIVITY_KINDS = [
  'outreach',
  'meeting',
  'conference',
  'seminar',
  'training',
  'campaign_day',
  'supervision',
  'advisory'
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** How an outreach session was held (only for kind 'outreach'). */
export const OUTREACH_MODES = ['village_meeting', 'loudspeaker', 'door_to_door', 'clan_gathering'] as const;
export type OutreachMode = (typeof OUTREACH_MODES)[number];

export const AUDIENCES = ['elderly_members', 'families', 'clans', 'villagers', 'pupils', 'agency_staff'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** New Rural Development criterion, versioned by the national criteria set it belongs to. */
export const NTM_CRITERIA = ['2021-2025:17', '2026-2030:8'] as const;
export type NtmCriterion = (typeof NTM_CRITERIA)[number];

export const COMMITMENT_PARTIES = ['household', 'person'] as const;
export type CommitmentParty = (typeof COMMITMENT_PARTIES)[number];

export const MODEL_STATUSES = ['active', 'paused', 'ended'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

export const MODEL_KINDS = ['elderly_env_group', 'waste_point', 'clean_stream', 'tree_planting', 'other'] as const;

/** Codes of the computed indicators seeded by migration 007 (see server/program/contributions.ts). */
export const COMPUTED_INDICATORS = [
  'outreach_sessions',
  'outreach_participants',
  'elderly_participants',
  'trainings',
  'training_participants',
  'campaign_days',
  'commitments_households',
  'commitments_persons',
  'new_models',
  'active_models'
] as const;
export type ComputedIndicator = (typeof COMPUTED_INDICATORS)[number];

/** 'YYYY-MM-DD' → 'YYYY-MM' */
export const monthOf = (date: string): string => date.slice(0, 7);
