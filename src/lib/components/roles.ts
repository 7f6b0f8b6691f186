import { label } from '$lib/shared/labels/lookup';
import { ROLE } from '$lib/shared/labels/roles';
import { AUDIT_ACTION, AUDIT_ENTITY } from '$lib/shared/labels/audit';

/** Localised role, e.g. 'branch_leader' → 'Chi hội trưởng'. */
export const roleLabel = (role: string): string => label(ROLE, role);

// Dotted codes ('report.accept') map to underscored keys: message keys cannot hold dots.
const undotted = (code: string) => code.replace(/\./g, '_');
export const auditActionLabel = (action: string): string => label(AUDIT_ACTION, undotted(action), action);
export const auditEntityLabel = (entity: string): string => label(AUDIT_ENTITY, undotted(entity), entity);
