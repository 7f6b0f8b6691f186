/**
 * Who may do what with reports upward. An organisation's officers draft and submit its
 * report (WRITE on the organisation); officers above it review it (REVIEW on the parent
 * organisation: returning it with a comment, accepting it). Reading follows the read scope.
 */
import type { Action } from '$lib/shared/roles';

export const READ: Action = 'org.read';
export const WRITE: Action = 'org.write';
export const REVIEW: Action = 'org.write';
