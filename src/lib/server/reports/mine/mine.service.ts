/**
 * "Phản ánh của tôi": what a signed-in person sent (with their name kept) or entered for a
 * member, with status and deadline, without a receipt code. Reports sent "giấu tên" keep
 * nothing about their author, so they are not here by design; the receipt follows those.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { AppError, notFound } from '$lib/server/errors';
import { listOwnReports, findOwnReport } from './mine.repository';

function accountOf(actor: Actor): string {
  if (actor.kind === 'anonymous' || !actor.accountId) throw new AppError('UNAUTHENTICATED');
  return actor.accountId;
}

export async function myReports(db: Db, actor: Actor) {
  const accountId = accountOf(actor);
  const rows = await listOwnReports(db, accountId);
  return rows.map((r) => ({
    id: r.id,
    ref: r.id.slice(0, 8).toUpperCase(),
    status: r.status,
    createdAt: r.created_at,
    deadlineKind: r.deadline_kind,
    deadlineOn: r.deadline_on,
    category: { vi: r.category_vi, en: r.category_en },
    onBehalf: r.entered_by_account_id === accountId
  }));
}

/** The report id to follow, once proven to be this person's own. */
export async function ownReportId(db: Db, actor: Actor, id: string): Promise<string> {
  const row = await findOwnReport(db, accountOf(actor), id);
  if (!row) throw notFound();
  return row.id;
}
