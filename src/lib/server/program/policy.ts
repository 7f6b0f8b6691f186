/**
 * Which actions guard program work. Mapped onto the foundation's actions for now (roles.ts is
 * shared); swap for dedicated 'program.*' actions here if the access matrix gains them.
 * - READ: see activities, commitments, models, dashboards and roll-ups in one's subtree;
 * - RECORD: log activities, commitments and models (branch leaders and officers);
 * - MANAGE: programs, plans and targets, manual indicator values, code lists (officers).
 */
import type { Action } from '$lib/shared/roles';

export const READ: Action = 'org.read';
export const RECORD: Action = 'person.write';
export const MANAGE: Action = 'org.write';
