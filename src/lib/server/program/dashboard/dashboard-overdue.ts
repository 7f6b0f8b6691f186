/**
 * Overdue environmental reports of the communes in an organisation's subtree, counted the way
 * the officers' queue counts them (/queue?tab=overdue: an association-side status and a
 * deadline already passed), asked of the reports queue service within the actor's
 * report.read scope. Viewers without report access get `allowed: false`.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { can, scopeSubquery } from '$lib/server/access/access';
import { todayVn } from '$lib/shared/format';
import { overdueAssociationReports } from '$lib/server/reports/workflow/queue.service';
import { orgSubquery } from '../rollup/aggregate.repository';

export async function overdueReports(db: Db, actor: Actor, orgId: string, now = new Date()) {
  if (!can(actor, 'report.read')) return { allowed: false, count: 0, items: [] };
  const scope = orgSubquery(db, orgId, scopeSubquery(db, actor, 'report.read'));
  const rows = await overdueAssociationReports(db, scope, todayVn(now));
  return {
    allowed: true,
    count: rows.length,
    items: rows.slice(0, 20).map((r) => ({
      id: r.id,
      ref: r.id.slice(0, 8).toUpperCase(),
      deadlineOn: r.deadline_on,
      commune: r.commune_name,
      category: { vi: r.name_vi, en: r.name_en }
    }))
  };
}
