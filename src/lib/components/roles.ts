import * as m from '$lib/paraglide/messages';

type Messages = Record<string, ((p?: Record<string, unknown>) => string) | undefined>;

/** Localised label of a catalogue-coded value, e.g. role 'branch_leader' → 'Chi hội trưởng'. */
export function label(prefix: string, code: string): string {
  return (m as unknown as Messages)[`${prefix}${code}`]?.() ?? code;
}

export const roleLabel = (role: string): string => label('role_', role);
