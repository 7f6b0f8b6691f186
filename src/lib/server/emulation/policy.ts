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

/**
 * What each association level registers: a branch its members and households, a commune Hội its
 * branches, the province its commune Hội — and the province or commune Hội the environment-sector
 * collectives of its area. A level never registers itself or a level beside it.
 */
export const REGISTERS: Record<string, readonly string[]> = {
  branch: ['person', 'household'],
  commune_association: ['branch', 'env_collective'],
  province_association: ['commune', 'env_collective']
};

/** The subject kinds of a campaign the given registering levels may register. */
export const registrableKinds = (subjects: readonly string[], orgTypes: readonly string[]) =>
  subjects.filter((s) => orgTypes.some((t) => REGISTERS[t]?.includes(s)));
