/**
 * The signed-in person's notices: the list (newest first, unread first on request), the
 * unread count for the menu, marking read. Only one's own notices exist for anyone: the
 * queries filter by the actor's account, so another person's notice cannot be read or marked.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { nowIso } from '$lib/server/db/ids';
import { AppError } from '$lib/server/errors';
import * as repo from './inbox.repository';
import { custodian } from './compose';

const own = (actor: Actor): string => {
  if (actor.kind !== 'account' || !actor.accountId) throw new AppError('UNAUTHENTICATED');
  return actor.accountId;
};

export async function listNotices(db: Db, actor: Actor, opts: { unread?: boolean } = {}) {
  const rows = await repo.listInbox(db, own(actor), !!opts.unread, 100);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    reportId: r.report_id,
    ref: r.report_id.slice(0, 8).toUpperCase(),
    status: r.status,
    category: { vi: r.name_vi, en: r.name_en },
    at: r.created_at,
    read: r.read_at !== null,
    // A reporter follows their own report from their list, not the officers' case page.
    href: r.kind === 'answer' ? '/reports/mine' : `/reports/${r.report_id}`
  }));
}

/**
 * Notices not about a report (who may reveal identities changed): the same words as the
 * e-mail, so a person with no e-mail or phone is told all the same.
 */
export async function listAccountNotices(db: Db, actor: Actor, opts: { unread?: boolean } = {}) {
  const rows = await repo.listAccountNotices(db, own(actor), !!opts.unread, 100);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    text: custodian(r.body_json).text,
    at: r.created_at,
    read: r.read_at !== null
  }));
}

const TABLES: readonly repo.NoticeTable[] = ['inbox_item', 'account_notice'];

/** Adds up what `each` answers for both kinds of notice (ids are unique across them). */
async function overBoth(each: (table: repo.NoticeTable) => Promise<number>): Promise<number> {
  let sum = 0;
  for (const table of TABLES) sum += await each(table);
  return sum;
}

export async function unreadNotices(db: Db, actor: Actor): Promise<number> {
  if (actor.kind !== 'account' || !actor.accountId) return 0;
  const id = actor.accountId;
  return overBoth((table) => repo.countUnread(db, table, id));
}

/** `ids` null: everything. Returns how many were marked. */
export async function markNoticesRead(db: Db, actor: Actor, ids: string[] | null): Promise<number> {
  const at = nowIso();
  const id = own(actor);
  return overBoth((table) => repo.markRead(db, table, id, ids, at));
}

/** Opening a report counts as reading what was said about it. */
export async function readNoticesOfReport(db: Db, actor: Actor, reportId: string): Promise<void> {
  if (actor.kind === 'account' && actor.accountId) await repo.markReportRead(db, actor.accountId, reportId, nowIso());
}
