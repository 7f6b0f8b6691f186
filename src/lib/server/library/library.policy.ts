/**
 * Who keeps the outreach library: those who write public news (commune and province
 * association officers) — the library is public material too.
 */
import type { Action } from '$lib/shared/roles';

export const WRITE_LIBRARY: Action = 'report.publish';
