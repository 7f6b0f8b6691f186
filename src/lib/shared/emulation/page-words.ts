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

export type EvidenceWords = Words<
  'emu_field_evidence' | 'emul_field_evidence_files' | 'emul_evidence_files_hint' | 'emu_evidence_submit'
>;

export type NominateWords = Words<
  'emu_nominate_title' | 'emu_field_nominate_to' | 'emu_field_award_form' | 'emu_nominate_submit'
>;

export type TypicalWords = Words<
  | 'emul_typical_title'
  | 'emul_typical_hint'
  | 'emul_field_typical_story'
  | 'emul_field_typical_models'
  | 'emul_typical_update'
  | 'emul_typical_submit'
  | 'emul_typical_unmark'
>;

export type ConsentWords = Words<
  'emu_field_consent_on' | 'emu_date_hint' | 'emu_field_story' | 'emu_consent_submit' | 'emu_withdraw_submit'
>;

export type RevokeWords = Words<'emu_revoke_title' | 'emu_field_revoke_reason' | 'emu_revoke_submit'>;

export type PhotoWords = Words<
  | 'emul_photo_title'
  | 'emul_photo_current'
  | 'emul_photo_withdraw'
  | 'emul_photo_none'
  | 'emul_photo_replace'
  | 'emul_photo_add'
  | 'emul_field_photo'
  | 'emul_photo_hint'
  | 'emul_field_photo_alt'
  | 'emul_photo_alt_hint'
  | 'emul_field_photo_consent_on'
  | 'emu_date_hint'
  | 'emul_field_photo_consent'
  | 'emul_photo_submit'
>;

/** A self or branch assessment form, worded, with the score and note it starts from. */
export interface AssessForm {
  name: 'self' | 'branch';
  title: string;
  submit: string;
  /** the scoring rule, said before the inputs it governs */
  rule: string;
  noteLabel: string;
  /** the points this assessment gave per criterion (null: none kept yet) */
  points: Record<string, number> | null;
  /** per criterion code: its maximum and what the records suggest */
  hints: Record<string, string>;
  note: string | null;
}
