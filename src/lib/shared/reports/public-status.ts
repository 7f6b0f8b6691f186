/**
 * What the public is told about a report's progress: four plain states instead of the
 * fourteen steps officers work with (who forwarded to whom stays internal).
 */
import type { ReportStatus } from './status';

export const PUBLIC_STATES = ['received', 'handling', 'handled', 'not_accepted'] as const;
export type PublicState = (typeof PUBLIC_STATES)[number];

const MEMBERS: Record<PublicState, readonly ReportStatus[]> = {
  received: ['new', 'needs_info', 'verified', 'escalated', 'reopened'],
  handling: ['forwarded', 'returned', 'accepted', 'in_progress', 'extension_requested'],
  handled: ['resolved', 'closed'],
  not_accepted: ['rejected', 'duplicate']
};

export const statusesOf = (state: PublicState): readonly ReportStatus[] => MEMBERS[state];

export function publicStateOf(status: string): PublicState {
  return PUBLIC_STATES.find((s) => (MEMBERS[s] as readonly string[]).includes(status)) ?? 'received';
}

export const isPublicState = (v: string): v is PublicState => (PUBLIC_STATES as readonly string[]).includes(v);
