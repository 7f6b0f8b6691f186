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
  'api_token.manage',
  'report.publish',
  'report.export',
  'open311.manage', // public map, exports, Open311 keys
  'report.read',
  'report.verify',
  'report.handle',
  'report.approve_extension',
  'identity.reveal', // reveal a protected reporter's identity (identity custodians)
  'report.on_behalf', // enter a report for a member or non-member
  'award.decide' // decide the award forms one's organisation grants, and sign the decision in its register
] as const;
export type Action = (typeof ACTIONS)[number];

const READ: Action[] = ['org.read', 'person.read'];
const OFFICER_ONLY: readonly Action[] = [
  'report.verify',
  'report.handle',
  'report.approve_extension',
  'identity.reveal'
];

export const PERMISSIONS: Record<Role, readonly Action[]> = {
  member: [],
  branch_leader: [...READ, 'person.write', 'person.sensitive', 'report.on_behalf'],
  association_officer: [
    ...READ,
    'org.write',
    'person.write',
    'person.sensitive',
    'person.export',
    'report.publish',
    'report.export',
    'report.read',
    'report.verify',
    'report.on_behalf',
    'award.decide'
  ],
  agency_officer: ['org.read', 'report.export', 'report.read', 'report.handle'],
  // The head of an agency (the Sở's director) signs the Giấy khen the agency grants; its officers do not.
  agency_manager: [
    'org.read',
    'report.export',
    'report.read',
    'report.handle',
    'report.approve_extension',
    'award.decide'
  ],
  identity_custodian: ['org.read', 'report.read', 'identity.reveal'],
  viewer: ['org.read'],
  // Administrators run the system but take no part in handling reports and never reveal identities.
  administrator: ACTIONS.filter((a) => !OFFICER_ONLY.includes(a))
};

export function roleAllows(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}
