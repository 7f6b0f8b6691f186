/**
 * Structured outcomes an agency records when it resolves a report. One zod schema serves the
 * close form, the API and the stored `report.outcome_json`. Messages are catalogue keys.
 */
import { z } from 'zod';
import { optionalDate } from '../date-field';

import { TRANSFER_TARGETS } from './outcome-kinds';
export { OUTCOME_KINDS, TRANSFER_TARGETS, type OutcomeKind } from './outcome-kinds';

const text = (max: number) =>
  z.preprocess((v) => (v == null ? '' : String(v)), z.string().trim().max(max, 'err_too_long'));
const required = (max: number) => text(max).pipe(z.string().min(1, 'err_required'));

/** "1.500.000", "1 500 000 đ" → 1500000 (VND has no minor unit). */
export function parseVnd(input: unknown): number | null {
  if (typeof input === 'number') return Number.isSafeInteger(input) && input >= 0 ? input : null;
  const s = String(input ?? '').replace(/[\s.,]|đ|vnd/gi, '');
  return /^\d{1,15}$/.test(s) ? Number(s) : null;
}

const vnd = z
  .unknown()
  .refine((v) => parseVnd(v) !== null, 'err_invalid')
  .transform((v) => parseVnd(v)!);

export const outcomeSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('violation_confirmed'),
      decision_no: required(100), // sanction decision number, e.g. "12/QĐ-XPHC"
      // Typed dd/mm/yyyy, stored ISO ('' when not given), refused with the date field's messages.
      decision_date: optionalDate.transform((v) => v ?? ''),
      fine_vnd: vnd,
      remedies: text(2000), // remedial measures ordered
      note: text(4000)
    }),
    z.object({ kind: z.literal('warned_remedied'), note: required(4000) }),
    z.object({ kind: z.literal('not_a_violation'), note: required(4000) }),
    z.object({
      kind: z.literal('transferred'),
      target: z.enum(TRANSFER_TARGETS, 'err_required'),
      authority: text(300),
      note: text(4000)
    }),
    z.object({ kind: z.literal('outside_jurisdiction'), note: required(4000) })
  ],
  { error: 'err_required' }
);

export type Outcome = z.infer<typeof outcomeSchema>;
