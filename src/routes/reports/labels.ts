/** Catalogue lookups for report enums (statuses, channels, outcomes...) on the officer pages. */
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { label } from '$lib/shared/labels/lookup';
import {
  ATTACHMENT_KIND,
  QUEUE_TAB,
  REPORT_CHANNEL,
  REPORT_EVENT,
  REPORT_OUTCOME,
  REPORT_PROTECTION,
  REPORT_STAGE,
  REPORT_STATUS,
  REPORT_TRANSFER
} from '$lib/shared/labels/reports';

export const statusLabel = (s: string) => label(REPORT_STATUS, s);
export const channelLabel = (c: string) => label(REPORT_CHANNEL, c);
export const stageLabel = (s: string | null) => (s ? label(REPORT_STAGE, s) : '');
export const outcomeLabel = (k: string) => label(REPORT_OUTCOME, k);
export const transferLabel = (t: string) => label(REPORT_TRANSFER, t);
export const protectionLabel = (p: string) => label(REPORT_PROTECTION, p);
export const tabLabel = (t: string) => label(QUEUE_TAB, t);
export const eventLabel = (kind: string) => label(REPORT_EVENT, kind, m.rw_event_other());
export const attachmentLabel = (kind: string) => label(ATTACHMENT_KIND, kind);
export const categoryName = (c: { vi: string; en: string } | null) => (c ? (getLocale() === 'en' ? c.en : c.vi) : '');
