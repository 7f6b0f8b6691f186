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
    { href: '/units', label: m.nav_units }
  ];
  if (signedIn) {
    items.push({ href: '/organisations', label: m.nav_organisations });
    if (roles.some((r) => ['branch_leader', 'association_officer', 'administrator'].includes(r))) {
      items.push({ href: '/people', label: m.nav_people });
    }
  }
  if (roles.includes('administrator')) items.push({ href: '/admin', label: m.nav_admin });
  return items;
}
