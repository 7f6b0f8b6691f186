import * as m from '$lib/paraglide/messages';

type Messages = Record<string, ((p?: Record<string, unknown>) => string) | undefined>;

/**
 * Localised label of a catalogue-coded value, e.g. role 'branch_leader' → 'Chi hội trưởng'.
 * Dotted codes ('report.accept') map to underscored keys: message keys cannot hold dots.
 */
export function label(prefix: string, code: string): string {
  return (m as unknown as Messages)[`${prefix}${code.replace(/\./g, '_')}`]?.() ?? code;
}

export const roleLabel = (role: string): string => label('role_', role);
