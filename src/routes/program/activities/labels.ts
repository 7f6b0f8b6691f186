import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** Catalogue labels for the stored codes of program work (labels live in messages/*\/program.json). */
type Msg = () => string;
const lookup = (key: string): string => (m as unknown as Record<string, Msg | undefined>)[key]?.() ?? key;

export const kindLabel = (k: string) => lookup(`program_kind_${k}`);
export const modeLabel = (k: string | null) => (k ? lookup(`program_mode_${k}`) : '');
export const audienceLabel = (k: string) => lookup(`program_audience_${k}`);
export const partyLabel = (k: string) => lookup(`program_party_${k}`);
export const ntmLabel = (k: string | null) => (k ? lookup(`pa_ntm_${k.replace(/[-:]/g, '_')}`) : '');

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

/** A random one-time key for a form (see server/program/activity-submission.ts). */
export const newSubmissionKey = (): string => crypto.randomUUID().replace(/-/g, '');
