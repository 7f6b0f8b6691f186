/**
 * Report status state machine (pure). Two tracks: the association verifies and forwards,
 * the agency accepts and resolves. Every transition names the side allowed to make it; the
 * service checks the actor's role and scope, then asks `canTransition`.
 */
import { LIMITS } from './constants';

export const STATUSES = [
  'new',
  'needs_info',
  'verified',
  'rejected',
  'duplicate',
  'escalated',
  'forwarded',
  'returned',
  'accepted',
  'in_progress',
  'extension_requested',
  'resolved',
  'closed',
  'reopened'
] as const;
export type ReportStatus = (typeof STATUSES)[number];

/** association: commune/province Hội officers; agency: officers and managers; system: jobs. */
export const SIDES = ['association', 'agency', 'reporter', 'system'] as const;
export type Side = (typeof SIDES)[number];

type Table = Record<ReportStatus, Partial<Record<Side, readonly ReportStatus[]>>>;

export const TRANSITIONS: Table = {
  // Urgent reports may be forwarded straight from `new` (forest fire cannot wait for a visit).
  new: { association: ['needs_info', 'verified', 'rejected', 'duplicate', 'escalated', 'forwarded'] },
  // The reporter's answer puts the report back in the verification queue.
  needs_info: { association: ['verified', 'rejected', 'duplicate', 'escalated'], reporter: ['new'] },
  verified: { association: ['forwarded', 'escalated', 'rejected', 'duplicate'] },
  escalated: { association: ['forwarded', 'rejected', 'duplicate', 'needs_info'] },
  forwarded: { agency: ['accepted', 'returned'] },
  returned: { association: ['forwarded', 'escalated', 'rejected'] },
  accepted: { agency: ['in_progress', 'extension_requested', 'resolved'] },
  in_progress: { agency: ['extension_requested', 'resolved'] },
  // Approved or denied by the agency manager; either way work continues.
  extension_requested: { agency: ['in_progress'] },
  resolved: { reporter: ['closed', 'reopened'], association: ['closed'], system: ['closed'] },
  reopened: { association: ['verified', 'forwarded', 'escalated', 'rejected'] },
  rejected: {},
  duplicate: {},
  closed: {}
};

export const TERMINAL: readonly ReportStatus[] = ['rejected', 'duplicate', 'closed'];
/** Statuses in the association queue / in the agency queue. */
export const ASSOCIATION_QUEUE: readonly ReportStatus[] = [
  'new',
  'needs_info',
  'verified',
  'escalated',
  'returned',
  'reopened'
];
export const AGENCY_QUEUE: readonly ReportStatus[] = ['forwarded', 'accepted', 'in_progress', 'extension_requested'];

export function isStatus(v: unknown): v is ReportStatus {
  return typeof v === 'string' && (STATUSES as readonly string[]).includes(v);
}

export function nextStatuses(from: ReportStatus, side: Side): readonly ReportStatus[] {
  return TRANSITIONS[from][side] ?? [];
}

export function canTransition(from: ReportStatus, to: ReportStatus, side: Side): boolean {
  return nextStatuses(from, side).includes(to);
}

/** Whose move it is: the side that owns the report's next step. */
export function track(status: ReportStatus): 'association' | 'agency' | 'reporter' | 'done' {
  if (TERMINAL.includes(status)) return 'done';
  if (AGENCY_QUEUE.includes(status)) return 'agency';
  if (status === 'resolved') return 'reporter';
  return 'association';
}

/** A reporter may reopen within 30 days of resolution ('YYYY-MM-DD' dates, inclusive). */
export function canReopen(status: ReportStatus, resolvedOn: string | null, today: string): boolean {
  if (status !== 'resolved' || !resolvedOn) return false;
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${resolvedOn}T00:00:00Z`)) / 86_400_000;
  return days >= 0 && days <= LIMITS.reopenDays;
}
