/**
 * The header and menu of every page, worded on the server: shipped as messages they cost every
 * page's browser code the whole menu in both languages, for a dozen words it shows.
 */
import * as m from '$lib/paraglide/messages';
import type { Action } from '$lib/shared/roles';

export interface NavItem {
  href: string;
  label: string;
  /** Shown beside the label (unread notices). */
  count?: number;
}

/**
 * The menu is built from what the person may do (the actions their roles grant), so no item
 * leads to a page that would refuse them. Others add one permission-gated entry here.
 */
export function navItems(
  actions: readonly Action[] | readonly string[],
  signedIn = actions.length > 0,
  unread = 0,
  reveals = 0
): NavItem[] {
  const may = (a: Action) => (actions as readonly string[]).includes(a);
  const items: NavItem[] = [
    { href: '/', label: m.nav_home() },
    { href: '/units', label: m.nav_units() },
    { href: '/map', label: m.rp_nav_map() },
    { href: '/tin', label: m.pub_news_nav() },
    { href: '/tai-lieu', label: m.public_lib_nav() },
    { href: '/report', label: m.ri_nav() },
    { href: '/r', label: m.desk_nav_follow() }
  ];
  if (signedIn && may('org.read')) {
    items.push({ href: '/organisations', label: m.nav_organisations() });
    items.push({ href: '/program', label: m.nav_program() });
    items.push({ href: '/thi-dua', label: m.emu_nav() });
  }
  if (signedIn) items.push({ href: '/reports/mine', label: m.desk_nav_mine() });
  if (signedIn) items.push({ href: '/notifications', label: m.desk_inbox_nav(), count: unread });
  if (may('person.read')) items.push({ href: '/people', label: m.nav_people() });
  if (may('report.verify') || may('report.handle')) items.push({ href: '/queue', label: m.rw_nav_queue() });
  if (may('identity.reveal')) items.push({ href: '/reveal-requests', label: m.desk_reveal_nav(), count: reveals });
  if (may('account.manage')) items.push({ href: '/admin', label: m.nav_admin() });
  return items;
}

type Account = { actions: readonly string[]; unread: number; reveals: number } | null;

/** The menu for this reader and the header's fixed words, in the request's language. */
export function shellWords(account: Account) {
  return {
    items: navItems(account?.actions ?? [], !!account, account?.unread ?? 0, account?.reveals ?? 0),
    skip: m.skip_to_content(),
    languageSwitch: m.language_switch(),
    languageSwitchLabel: m.language_switch_label(),
    menu: m.desk_menu(),
    navMain: m.nav_main(),
    signOut: m.nav_sign_out(),
    signIn: m.nav_sign_in(),
    tagline: m.app_tagline(),
    draftRestored: m.draft_restored(),
    // The root error page's words (it renders inside this layout, with its data).
    error: {
      notFoundTitle: m.error_not_found_title(),
      notFoundBody: m.error_not_found_body(),
      forbiddenTitle: m.shell_forbidden_title(),
      forbiddenBody: m.shell_forbidden_body(),
      outageTitle: m.sec_outage_title(),
      outageBody: m.sec_outage_body(),
      outageSent: m.sec_outage_sent(),
      genericTitle: m.error_generic_title(),
      genericBody: m.error_generic_body(),
      back: m.shell_back(),
      home: m.back_home()
    }
  };
}
