/**
 * Validity periods are half-open [valid_from, valid_to): a unit or organisation is valid from
 * its first day up to, not including, the day it ends (null: still valid). Dates are
 * 'YYYY-MM-DD', so comparing the strings compares the days. The SQL twin is validOn in
 * $lib/server/db/predicates.ts.
 */
export interface Period {
  valid_from: string;
  valid_to: string | null;
}

export const isValidOn = (p: Period, date: string): boolean =>
  p.valid_from <= date && (p.valid_to === null || p.valid_to > date);
