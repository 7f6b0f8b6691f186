/** Catalogue lookups for report enums (statuses, channels, outcomes...) on the officer pages. */
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

type Fn = (p?: Record<string, unknown>) => string;
const msg = (key: string, fallback = ''): string => {
  const fn = (m as unknown as Record<string, Fn | undefined>)[key];
  return fn ? fn({}) : fallback || key;
};

export const statusLabel = (s: string) => msg(`reports_status_${s}`, s);
export const channelLabel = (c: string) => msg(`reports_channel_${c}`, c);
export const stageLabel = (s: string | null) => (s ? msg(`reports_stage_${s}`, s) : '');
export const outcomeLabel = (k: string) => msg(`reports_outcome_${k}`, k);
export const transferLabel = (t: string) => msg(`reports_transfer_${t}`, t);
export const protectionLabel = (p: string) => msg(`reports_protection_${p}`, p);
export const tabLabel = (t: string) => msg(`rw_tab_${t}`, t);
export const eventLabel = (kind: string) => msg(`rw_event_${kind}`, m.rw_event_other());
export const attachmentLabel = (kind: string) => msg(`rw_attachment_${kind}`, kind);
export const categoryName = (c: { vi: string; en: string } | null) => (c ? (getLocale() === 'en' ? c.en : c.vi) : '');
