/**
 * Reference data for reports: taxonomy, holidays, default deadline rules (all idempotent) and,
 * for the demo, routing rules from categories to the demo agencies.
 */
import type { Insertable } from 'kysely';
import type { Db } from '$lib/server/db';
import type { RoutingRuleTable } from '$lib/server/db/schema';
import { newId, nowIso } from '$lib/server/db/ids';
import { seedHolidays } from '$lib/server/calendar/calendar';
import { seedTaxonomy, TAXONOMY } from './taxonomy';
import { seedDeadlineRules } from './deadline.service';
import { countRoutingRules, insertRoutingRules } from './routing.repository';

export async function seedReportReference(db: Db): Promise<Record<string, string>> {
  await seedHolidays(db);
  await seedDeadlineRules(db);
  return seedTaxonomy(db);
}

/** Group code → demo organisation key (keys of seedOrganisations in seed/demo.ts). */
const DEMO_ROUTES: Record<string, string> = {
  rung: 'kiem_lam',
  khoang_san_nuoc: 'so_nnmt',
  chat_thai: 'moi_truong',
  dat_dai: 'so_nnmt',
  da_dang_sinh_hoc: 'kiem_lam',
  su_co_moi_truong: 'moi_truong',
  khac: 'so_nnmt'
};

/** Reference data plus demo routing: land cases in the two demo communes go to their UBND. */
export async function seedReportsDemo(
  db: Db,
  orgs: Record<string, string>,
  units: Record<string, string>
): Promise<void> {
  const categories = await seedReportReference(db);
  if ((await countRoutingRules(db)) > 0) return;
  const now = nowIso();
  const rows: Insertable<RoutingRuleTable>[] = TAXONOMY.flatMap((g) =>
    g.categories.map((c) => ({
      id: newId(),
      category_id: categories[c.code],
      admin_unit_id: null,
      agency_org_id: orgs[DEMO_ROUTES[g.code]],
      updated_at: now
    }))
  );
  for (const code of ['03388', '03390']) {
    for (const c of TAXONOMY.find((g) => g.code === 'dat_dai')!.categories) {
      rows.push({
        id: newId(),
        category_id: categories[c.code],
        admin_unit_id: units[code],
        agency_org_id: orgs[`ubnd_${code}`],
        updated_at: now
      });
    }
  }
  // Skip rows whose organisation or unit is missing from a trimmed-down demo.
  await insertRoutingRules(
    db,
    rows.filter((r) => r.agency_org_id && r.category_id && r.admin_unit_id !== undefined)
  );
}
