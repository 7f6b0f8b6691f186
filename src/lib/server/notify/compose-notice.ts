/**
 * Words of an officer's notice e-mail and of the reporter's "your report has an answer"
 * message. Built from the kind, the short reference and the category only; the reporter's
 * message names neither the reporter nor the receipt code (whoever reads the phone over their
 * shoulder learns nothing they could use).
 */
import * as m from '$lib/paraglide/messages';
import { readJson } from '$lib/server/db/dialect';
import type { Composed } from './compose';

const vi = { locale: 'vi' as const };
const ref = (id: string) => id.slice(0, 8).toUpperCase();

const SUBJECT: Record<string, (p: { ref: string; category: string }) => string> = {
  new_report: (p) => m.desk_notice_new_report(p, vi),
  reply: (p) => m.desk_notice_reply(p, vi),
  extension: (p) => m.desk_notice_extension(p, vi),
  deadline: (p) => m.desk_notice_deadline(p, vi)
};

export function composeNotice(
  body: unknown,
  categoryName: (id: string) => string,
  origin: string,
  ascii: (s: string) => string
): Composed {
  const b = readJson<{ notice: string; report_id: string; category_id: string }>(body)!;
  const p = { ref: ref(b.report_id), category: categoryName(b.category_id) };
  if (b.notice === 'answer') {
    const q = { ref: p.ref, link: `${origin}/r` };
    return {
      subject: m.desk_answer_subject(q, vi),
      text: m.desk_answer_body(q, vi),
      sms: ascii(m.desk_answer_sms(q, vi))
    };
  }
  const subject = (SUBJECT[b.notice] ?? SUBJECT.new_report)(p);
  const link = `${origin}/reports/${b.report_id}`;
  return { subject, text: m.desk_notice_body({ subject, link }, vi), sms: ascii(subject) };
}
