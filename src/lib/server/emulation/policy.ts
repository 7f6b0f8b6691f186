/**
 * Who does what in the emulation movement:
 * - READ: see campaigns, registrations, evidence and results in one's subtree;
 * - REGISTER: branch leaders register their members and households and enter their
 *   self-assessment and the branch meeting's assessment; commune officers register branches;
 * - MANAGE: officers of an association level run its council, publish results, nominate up
 *   the chain and issue award decisions (only for the forms their level may grant);
 * - DECIDE: award decisions: the association's officers, and the head of an agency that grants a
 *   form of its own (the Sở's director for the department's Giấy khen) without running the movement.
 */
import type { Action } from '$lib/shared/roles';

export const READ: Action = 'org.read';
export const REGISTER: Action = 'person.write';
export const MANAGE: Action = 'org.write';
export const DECIDE: Action = 'award.decide';

/** Days a published result stays open to appeal before it can be nominated (configurable per publication). */
export const DEFAULT_APPEAL_DAYS = 5;
