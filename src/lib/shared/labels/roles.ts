/** Catalogue labels for stored roles codes: direct message calls, so Paraglide ships only these. */
import * as m from '$lib/paraglide/messages';
import type { Labels } from './lookup';

/** Roles. */
export const ROLE: Labels = {
  member: m.role_member,
  branch_leader: m.role_branch_leader,
  association_officer: m.role_association_officer,
  agency_officer: m.role_agency_officer,
  agency_manager: m.role_agency_manager,
  identity_custodian: m.role_identity_custodian,
  viewer: m.role_viewer,
  administrator: m.role_administrator
};
