import * as m from '$lib/paraglide/messages';

export interface NavItem {
  href: string;
  label: () => string;
}

/** Navigation by role; later issues add reports, activities, models, emulation, period reports. */
export function navItems(roles: string[]): NavItem[] {
  const signedIn = roles.length > 0;
  const items: NavItem[] = [
    { href: '/', label: m.nav_home },
    { href: '/units', label: m.nav_units },
    { href: '/map', label: m.rp_nav_map },
    { href: '/report', label: m.ri_nav },
    { href: '/r', label: m.desk_nav_follow }
  ];
  if (signedIn) {
    items.push({ href: '/organisations', label: m.nav_organisations });
    items.push({ href: '/program', label: m.nav_program });
    items.push({ href: '/thi-dua', label: m.emu_nav });
    items.push({ href: '/reports/mine', label: m.desk_nav_mine });
    if (roles.some((r) => ['branch_leader', 'association_officer', 'administrator'].includes(r))) {
      items.push({ href: '/people', label: m.nav_people });
    }
    if (roles.some((r) => ['association_officer', 'agency_officer', 'agency_manager'].includes(r)))
      items.push({ href: '/queue', label: m.rw_nav_queue });
  }
  if (roles.includes('administrator')) items.push({ href: '/admin', label: m.nav_admin });
  return items;
}
