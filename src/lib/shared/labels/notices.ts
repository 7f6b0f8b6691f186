/** Catalogue labels for the kinds of in-app notice. */
import * as m from '$lib/paraglide/messages';
import type { Labels } from './lookup';

export const NOTICE_KIND: Labels = {
  new_report: m.desk_kind_new_report,
  reply: m.desk_kind_reply,
  extension: m.desk_kind_extension,
  deadline: m.desk_kind_deadline,
  answer: m.desk_kind_answer
};
