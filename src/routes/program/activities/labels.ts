import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { label } from '$lib/shared/labels/lookup';
import {
  ACTIVITY_AUDIENCE,
  ACTIVITY_KIND,
  ACTIVITY_MODE,
  COMMITMENT_PARTY,
  NTM_CRITERION
} from '$lib/shared/labels/program';

/** Catalogue labels for the stored codes of program work (labels live in messages/*\/program.json). */
type Msg = () => string;

export const kindLabel = (k: string) => label(ACTIVITY_KIND, k);
export const modeLabel = (k: string | null) => (k ? label(ACTIVITY_MODE, k) : '');
export const audienceLabel = (k: string) => label(ACTIVITY_AUDIENCE, k);
export const partyLabel = (k: string) => label(COMMITMENT_PARTY, k);
export const ntmLabel = (k: string | null) => (k ? label(NTM_CRITERION, k.replace(/[-:]/g, '_'), k) : '');

const NOTICES: Record<string, Msg> = {
  created: m.pa_created,
  updated: m.pa_updated,
  deleted: m.pa_deleted,
  c_created: m.pa_c_created,
  c_updated: m.pa_c_updated,
  c_deleted: m.pa_c_deleted
};
export const noticeFor = (msg: string | null): string | null => (msg && NOTICES[msg] ? NOTICES[msg]() : null);

/** An editable code list entry's name in the page language. */
export const codeName = (c: { name_vi: string; name_en: string }) => (getLocale() === 'en' ? c.name_en : c.name_vi);

/** A random one-time key for a form (see server/program/submission.ts). */
export const newSubmissionKey = (): string => crypto.randomUUID().replace(/-/g, '');
