/**
 * What the thi-dua pages' forms receive already worded by the server (see
 * src/routes/thi-dua/[id]/words.server.ts), so the browser bundle carries none of the catalogue.
 */
export interface FilterWords {
  title: string;
  label: string;
  hint: string;
  submit: string;
  clear: string;
  /** How many communes and branches matched, or null when nothing is being filtered. */
  count: string | null;
}

type Words<K extends string> = Record<K, string>;

export type CouncilWords = Words<
  | 'emu_council_title'
  | 'emu_rule_explained'
  | 'emu_field_council_org'
  | 'emu_field_meeting_on'
  | 'emu_date_hint'
  | 'emu_field_council_members'
  | 'emu_field_council_members_hint'
  | 'emu_field_present'
  | 'emu_field_award_form'
  | 'emu_vote_for'
  | 'emu_vote_against'
  | 'emu_vote_abstain'
  | 'emu_council_submit'
>;

export type DecideWords = Words<
  | 'emu_decision_title'
  | 'emu_field_issuer'
  | 'emu_field_award_form'
  | 'emu_field_awardees'
  | 'emu_field_signer'
  | 'emu_decision_submit'
>;
