/** Roles and what each may do. Pure data, shared by server and UI (to hide links). */
export const ROLES = [
  'member',
  'branch_leader',
  'association_officer',
  'agency_officer',
  'agency_manager',
  'identity_custodian',
  'viewer',
  'administrator'
] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'org.read',
  'org.write',
  'person.read',
  'person.write',
  'person.sensitive', // read/write consent-gated sensitive fields
  'person.export', // subject access export, erasure
  'account.manage',
  'audit.read',
  'unit.write',
  'api_token.manage'
] as const;
export type Action = (typeof ACTIONS)[number];

const READ: Action[] = ['org.read', 'person.read'];

export const PERMISSIONS: Record<Role, readonly Action[]> = {
  member: [],
  branch_leader: [...READ, 'person.write', 'person.sensitive'],
  association_officer: [...READ, 'org.write', 'person.write', 'person.sensitive', 'person.export'],
  agency_officer: ['org.read'],
  agency_manager: ['org.read'],
  identity_custodian: ['org.read'],
  viewer: ['org.read'],
  administrator: [...ACTIONS]
};

export function roleAllows(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}
