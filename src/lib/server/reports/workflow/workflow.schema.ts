/**
 * Inputs of the officer actions on a report (forms and tests). Messages are catalogue keys.
 * The close form reuses the shared outcome schema (shared/reports/outcome.ts).
 */
import { z } from 'zod';
import { parseDate } from '$lib/shared/format';
import { dateIssue } from '$lib/server/fields';

const text = (max: number) =>
  z.preprocess((v) => (v == null ? '' : String(v)), z.string().trim().max(max, 'err_too_long'));
const required = (max: number) => text(max).pipe(z.string().min(1, 'err_required'));

export const verifySchema = z
  .object({
    note: required(4000),
    site_visit: z.enum(['yes', 'no'], 'err_required'),
    visit_date: text(20),
    evidence: text(2000)
  })
  .superRefine((v, ctx) => {
    if (v.site_visit !== 'yes') return;
    if (!v.visit_date) ctx.addIssue({ code: 'custom', path: ['visit_date'], message: 'err_required' });
    else if (!parseDate(v.visit_date)) ctx.addIssue({ ...dateIssue(v.visit_date), path: ['visit_date'] });
  })
  .transform((v) => ({ ...v, visit_date: v.site_visit === 'yes' ? parseDate(v.visit_date) : null }));

export const duplicateSchema = z.object({ master_id: required(64), note: text(2000) });
export const messageSchema = z.object({ message: required(4000) });
export const reasonSchema = z.object({ reason: required(4000) });
export const noteSchema = z.object({ note: required(4000) });
export const optionalNoteSchema = z.object({ note: text(4000) });

/**
 * Forwarding goes with a letter: either the slip Chung Sức issues from the association's
 * register (number left empty), or a letter written elsewhere whose number and date are typed.
 */
export const forwardSchema = z
  .object({ agency_org_id: required(64), doc_no: text(100), doc_date: text(20), note: text(4000) })
  .superRefine((v, ctx) => {
    if (!v.doc_no) return;
    if (!v.doc_date) ctx.addIssue({ code: 'custom', path: ['doc_date'], message: 'err_required' });
    else if (!parseDate(v.doc_date)) ctx.addIssue({ ...dateIssue(v.doc_date), path: ['doc_date'] });
  })
  .transform((v) => ({
    ...v,
    doc_no: v.doc_no || null,
    doc_date: v.doc_no ? parseDate(v.doc_date) : null
  }));

export const assignSchema = z.object({ account_id: required(64) });

export const extensionDecisionSchema = z.object({
  decision: z.enum(['approve', 'deny'], 'err_required'),
  note: text(2000)
});

export const revealSchema = z.object({
  reason: text(1000).pipe(z.string().min(10, 'rw_err_reason_short')),
  password: z.string({ error: 'sec_err_reveal_password' }).min(1, 'sec_err_reveal_password').max(500)
});

export type VerifyInput = z.infer<typeof verifySchema>;
export type ForwardInput = z.infer<typeof forwardSchema>;
