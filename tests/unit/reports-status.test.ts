import { describe, expect, it } from 'vitest';
import {
  STATUSES,
  SIDES,
  TERMINAL,
  TRANSITIONS,
  canReopen,
  canTransition,
  nextStatuses,
  track,
  type ReportStatus,
  type Side
} from '../../src/lib/shared/reports/status';
import { outcomeSchema, parseVnd } from '../../src/lib/shared/reports/outcome';
import { allowedProtections } from '../../src/lib/shared/reports/constants';

const allowed: [ReportStatus, Side, ReportStatus][] = [
  ['new', 'association', 'verified'],
  ['new', 'association', 'needs_info'],
  ['new', 'association', 'forwarded'], // urgent lane
  ['needs_info', 'reporter', 'new'],
  ['verified', 'association', 'forwarded'],
  ['verified', 'association', 'escalated'],
  ['escalated', 'association', 'forwarded'],
  ['forwarded', 'agency', 'accepted'],
  ['forwarded', 'agency', 'returned'],
  ['returned', 'association', 'forwarded'],
  ['accepted', 'agency', 'in_progress'],
  ['in_progress', 'agency', 'extension_requested'],
  ['extension_requested', 'agency', 'in_progress'],
  ['in_progress', 'agency', 'resolved'],
  ['resolved', 'reporter', 'reopened'],
  ['resolved', 'reporter', 'closed'],
  ['resolved', 'system', 'closed'],
  ['reopened', 'association', 'forwarded']
];

const refused: [ReportStatus, Side, ReportStatus][] = [
  ['new', 'agency', 'accepted'], // the agency only sees forwarded reports
  ['new', 'reporter', 'closed'],
  ['forwarded', 'association', 'accepted'],
  ['verified', 'agency', 'resolved'],
  ['accepted', 'association', 'resolved'],
  ['resolved', 'agency', 'in_progress'],
  ['closed', 'reporter', 'reopened'],
  ['rejected', 'association', 'verified'],
  ['duplicate', 'association', 'new'],
  ['extension_requested', 'agency', 'resolved']
];

describe('report status machine', () => {
  it.each(allowed)('%s → (%s) → %s is allowed', (from, side, to) => expect(canTransition(from, to, side)).toBe(true));
  it.each(refused)('%s → (%s) → %s is refused', (from, side, to) => expect(canTransition(from, to, side)).toBe(false));

  it('only names known statuses, never loops to itself, and terminal states are dead ends', () => {
    for (const from of STATUSES) {
      for (const side of SIDES) {
        for (const to of nextStatuses(from, side)) {
          expect(STATUSES).toContain(to);
          expect(to).not.toBe(from);
        }
      }
    }
    for (const s of TERMINAL) expect(Object.keys(TRANSITIONS[s])).toEqual([]);
  });

  it('every non-terminal status can eventually reach closed, rejected or duplicate', () => {
    for (const start of STATUSES) {
      const seen = new Set<ReportStatus>([start]);
      const queue = [start];
      while (queue.length) {
        const s = queue.shift()!;
        for (const side of SIDES)
          for (const n of nextStatuses(s, side))
            if (!seen.has(n)) {
              seen.add(n);
              queue.push(n);
            }
      }
      expect(
        TERMINAL.some((t) => seen.has(t)),
        start
      ).toBe(true);
    }
  });

  it.each([
    ['new', 'association'],
    ['returned', 'association'],
    ['forwarded', 'agency'],
    ['extension_requested', 'agency'],
    ['resolved', 'reporter'],
    ['closed', 'done']
  ] as const)('%s is on the %s track', (status, side) => expect(track(status)).toBe(side));

  it.each([
    ['resolved', '2026-03-01', '2026-03-31', true],
    ['resolved', '2026-03-01', '2026-04-01', false],
    ['resolved', '2026-03-01', '2026-02-28', false],
    ['closed', '2026-03-01', '2026-03-02', false],
    ['resolved', null, '2026-03-02', false]
  ] as const)('reopen %s resolved %s on %s → %s', (status, on, today, ok) =>
    expect(canReopen(status, on, today)).toBe(ok)
  );
});

describe('outcomes', () => {
  it.each([
    [
      { kind: 'violation_confirmed', decision_no: '12/QĐ-XPHC', fine_vnd: '1.500.000', remedies: 'Trồng lại rừng' },
      true
    ],
    [{ kind: 'violation_confirmed', decision_no: '', fine_vnd: '0' }, false],
    [{ kind: 'violation_confirmed', decision_no: '1/QĐ', fine_vnd: '-5' }, false],
    [{ kind: 'transferred', target: 'police' }, true],
    [{ kind: 'transferred', target: 'army' }, false],
    [{ kind: 'not_a_violation', note: 'Đã kiểm tra' }, true],
    [{ kind: 'not_a_violation', note: '  ' }, false],
    [{ kind: 'guessed' }, false]
  ])('%j valid=%s', (input, ok) => expect(outcomeSchema.safeParse(input).success).toBe(ok));

  it('parses VND amounts written the Vietnamese way', () => {
    expect(parseVnd('1.500.000 đ')).toBe(1_500_000);
    expect(parseVnd(2500)).toBe(2500);
    expect(parseVnd('1,5')).toBe(15);
    expect(parseVnd('abc')).toBeNull();
  });

  it('does not offer anonymity for a tố cáo', () => {
    expect(allowedProtections('to_cao')).not.toContain('anonymous');
    expect(allowedProtections('phan_anh')).toContain('anonymous');
  });
});
