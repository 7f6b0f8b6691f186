/** The outcome kinds and transfer targets, without the schema: pages import these, not zod. */
export const OUTCOME_KINDS = [
  'violation_confirmed',
  'warned_remedied',
  'not_a_violation',
  'transferred',
  'outside_jurisdiction'
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const TRANSFER_TARGETS = ['police', 'rangers', 'other_authority'] as const;
