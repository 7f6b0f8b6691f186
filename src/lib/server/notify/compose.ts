/**
 * The words of a notification, always in Vietnamese (officers' working language). Built only
 * from what the outbox row holds — report ids, category, status, counts, the day — plus the
 * category's name: there is no path from here to a reporter's identity.
 */
import * as m from '$lib/paraglide/messages';
import { formatDate } from '$lib/shared/format';
import { readJson } from '$lib/server/db/dialect';
import { composeNotice } from './compose-notice';

const vi = { locale: 'vi' as const };
const ref = (id: string) => id.slice(0, 8).toUpperCase();
const STATUS: Record<string, () => string> = {
  new: () => m.reports_status_new({}, vi),
  verified: () => m.reports_status_verified({}, vi),
  forwarded: () => m.reports_status_forwarded({}, vi)
};

export interface Composed {
  subject: string;
  text: string;
  sms: string;
}

export interface NotificationRow {
  kind: 'overdue' | 'urgent' | 'report_due' | 'notice' | 'answer' | 'custodian';
  day: string;
  body_json: unknown;
}

/** `origin` makes the links absolute ('' keeps them relative when ORIGIN is unset). */
export function compose(row: NotificationRow, categoryName: (id: string) => string, origin: string): Composed {
  if (row.kind === 'notice' || row.kind === 'answer') return composeNotice(row.body_json, categoryName, origin, ascii);
  if (row.kind === 'report_due') {
    const b = readJson<{ title: string; due_on: string }>(row.body_json)!;
    const p = { title: b.title, due: formatDate(b.due_on), link: `${origin}/program/reports` };
    return {
      subject: m.rep_mail_due_subject(p, vi),
      text: m.rep_mail_due_body(p, vi),
      sms: ascii(m.rep_mail_due_subject(p, vi))
    };
  }
  if (row.kind === 'custodian') return custodian(row.body_json);
  if (row.kind === 'urgent') {
    const b = readJson<{ report_id: string; category_id: string; status: string }>(row.body_json)!;
    const p = {
      category: categoryName(b.category_id),
      ref: ref(b.report_id),
      status: (STATUS[b.status] ?? (() => b.status))(),
      link: `${origin}/reports/${b.report_id}`
    };
    return {
      subject: m.ra_mail_urgent_subject(p, vi),
      text: m.ra_mail_urgent_body(p, vi),
      sms: m.ra_sms_urgent({ ...p, category: ascii(p.category) }, vi)
    };
  }
  const b = readJson<{ overdue: number; dueToday: number; reports: { id: string }[] }>(row.body_json)!;
  const p = {
    overdue: b.overdue,
    due: b.dueToday,
    day: formatDate(row.day),
    refs: b.reports.map((r) => ref(r.id)).join(', '),
    link: `${origin}/queue`
  };
  return {
    subject: m.ra_mail_overdue_subject(p, vi),
    text: m.ra_mail_overdue_body(p, vi),
    sms: m.ra_sms_overdue(p, vi)
  };
}

/** Several urgent reports for one recipient, in one message: their categories and references. */
export function composeUrgentDigest(
  rows: { body_json: unknown }[],
  categoryName: (id: string) => string,
  origin: string
): Composed {
  const items = rows.map((r) => readJson<{ report_id: string; category_id: string }>(r.body_json)!);
  const p = {
    count: items.length,
    list: items.map((b) => `- ${categoryName(b.category_id)} (${ref(b.report_id)})`).join('\n'),
    // An SMS names the first few; the rest are in the queue.
    refs:
      items
        .slice(0, 4)
        .map((b) => ref(b.report_id))
        .join(', ') + (items.length > 4 ? ', …' : ''),
    link: `${origin}/queue`
  };
  return {
    subject: m.ra_mail_urgent_many_subject(p, vi),
    text: m.ra_mail_urgent_many_body(p, vi),
    sms: m.ra_sms_urgent_many(p, vi)
  };
}

const CUSTODIAN_TEXT = {
  requested: m.seca_mail_custodian_requested,
  approved: m.seca_mail_custodian_approved,
  refused: m.seca_mail_custodian_refused,
  granted: m.seca_mail_custodian_granted
};

const ADMIN_TEXT = {
  requested: m.sep_mail_admin_requested,
  approved: m.sep_mail_admin_approved,
  refused: m.sep_mail_admin_refused,
  granted: m.sep_mail_admin_granted
};

/** A change to who may reveal identities (or approve who may), told to every current custodian. */
export function custodian(body: unknown): Composed {
  const b = readJson<{
    event: keyof typeof CUSTODIAN_TEXT;
    username: string;
    organisation: string;
    by: string;
    role?: string;
  }>(body)!;
  const admin = b.role === 'administrator';
  const texts = admin ? ADMIN_TEXT : CUSTODIAN_TEXT;
  const text = texts[b.event] ?? texts.requested;
  return {
    subject: (admin ? m.sep_mail_admin_subject : m.seca_mail_custodian_subject)(b, vi),
    text: text(b, vi),
    sms: m.seca_sms_custodian({ username: ascii(b.username) }, vi)
  };
}

/** SMS without diacritics: one GSM-7 segment holds 160 characters instead of 70. */
export function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}
