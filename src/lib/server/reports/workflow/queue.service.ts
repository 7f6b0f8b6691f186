/**
 * Officer queues. Association officers see open reports of the communes in their subtree;
 * agency officers see what was forwarded to their agency; managers also see pending
 * extension requests. Urgent first, then the nearest deadline.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { can, scopeSubquery } from '$lib/server/access/access';
import { AppError } from '$lib/server/errors';
import { todayVn } from '$lib/shared/format';
import { AGENCY_QUEUE, ASSOCIATION_QUEUE } from '$lib/shared/reports/status';
import { isOverdue } from '../deadline';
import { queueRows, type QueueFilter, type Scope } from './workflow.repository';
import { activeCategoryNames, countQueue, queueCommunes } from './queue.repository';
import { readSearch } from './queue-search';

export const QUEUE_TABS = [
  'open',
  'new',
  'needs_info',
  'overdue',
  'forwarded',
  'handling',
  'agency_overdue',
  'extensions'
] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

const ASSOCIATION_TABS: readonly QueueTab[] = ['open', 'new', 'needs_info', 'overdue'];
const AGENCY_TABS: readonly QueueTab[] = ['forwarded', 'handling', 'agency_overdue'];

export function tabsFor(actor: Actor): QueueTab[] {
  const tabs: QueueTab[] = [];
  if (can(actor, 'report.verify')) tabs.push(...ASSOCIATION_TABS);
  if (can(actor, 'report.handle')) tabs.push(...AGENCY_TABS);
  if (can(actor, 'report.approve_extension')) tabs.push('extensions');
  return tabs;
}

function filterFor(tab: QueueTab, today: string): QueueFilter {
  const limit = 200;
  switch (tab) {
    case 'new':
      return { side: 'association', statuses: ['new', 'reopened', 'returned'], limit };
    case 'needs_info':
      return { side: 'association', statuses: ['needs_info'], limit };
    case 'overdue':
      return { side: 'association', statuses: ASSOCIATION_QUEUE, overdueBefore: today, limit };
    case 'forwarded':
      return { side: 'agency', statuses: ['forwarded'], limit };
    case 'handling':
      return { side: 'agency', statuses: ['accepted', 'in_progress', 'extension_requested'], limit };
    case 'agency_overdue':
      return { side: 'agency', statuses: AGENCY_QUEUE, overdueBefore: today, limit };
    case 'extensions':
      return { side: 'agency', statuses: ['extension_requested'], pendingExtension: true, limit };
    default:
      return { side: 'association', statuses: ASSOCIATION_QUEUE, limit };
  }
}

const ACTION_OF = { association: 'report.verify', agency: 'report.handle' } as const;

const PAGE_SIZE = 50;

export async function listQueue(
  db: Db,
  actor: Actor,
  requested: string | null,
  now = new Date(),
  params: URLSearchParams = new URLSearchParams()
) {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const tabs = tabsFor(actor);
  if (!tabs.length) throw new AppError('FORBIDDEN');
  const tab = tabs.find((t) => t === requested) ?? tabs[0];
  const today = todayVn(now);
  const { search, values, page } = readSearch(params);
  const f = { ...filterFor(tab, today), search, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE };
  const action = tab === 'extensions' ? 'report.approve_extension' : ACTION_OF[f.side];
  const scope = scopeSubquery(db, actor, action);
  const [found, communes, categories] = await Promise.all([
    queueRows(db, scope, f),
    queueCommunes(db, scope, f.side),
    activeCategoryNames(db)
  ]);
  const rows = found.slice(0, PAGE_SIZE);
  return {
    tabs,
    tab,
    search: values,
    searching: Object.values(values).some(Boolean),
    page,
    hasNext: found.length > PAGE_SIZE,
    communes,
    // Unplaced reports wait only on the association side (the province Hội's queue).
    unplacedChoice: f.side === 'association',
    categories: categories.map((c) => ({ id: c.id, name: { vi: c.name_vi, en: c.name_en } })),
    items: rows.map((r) => ({
      id: r.id,
      ref: r.id.slice(0, 8).toUpperCase(),
      status: r.status,
      urgent: r.urgent === 1,
      channel: r.channel,
      category: { vi: r.name_vi, en: r.name_en },
      commune: r.commune_name,
      // Only the sender's address: waits here for "Xác định địa điểm".
      unplaced: r.commune_unit_id === null,
      receivedAt: r.created_at,
      deadlineKind: r.deadline_kind,
      deadlineOn: r.deadline_on,
      overdue: isOverdue(r.deadline_on, today),
      dueToday: r.deadline_on === today
    }))
  };
}

/**
 * What waits for this person on the home page: each of their queue tabs with its count, linking
 * to the filtered queue (the broad "open" tab is left out; its parts are listed).
 */
export async function todoCounts(db: Db, actor: Actor, now = new Date()) {
  const today = todayVn(now);
  const tabs = tabsFor(actor).filter((t) => t !== 'open');
  return Promise.all(
    tabs.map(async (tab) => {
      const f = filterFor(tab, today);
      const action = tab === 'extensions' ? 'report.approve_extension' : ACTION_OF[f.side];
      return { tab, count: await countQueue(db, scopeSubquery(db, actor, action), f) };
    })
  );
}

/**
 * Reports still on the association side whose deadline passed before `today`, among the
 * organisations of `scope` (the caller narrows it to what the actor may read), as the queue's
 * overdue tab counts them. The program dashboard shows these per subtree.
 */
export async function overdueAssociationReports(db: Db, scope: Scope, today: string, limit = 200) {
  return queueRows(db, scope, { side: 'association', statuses: ASSOCIATION_QUEUE, overdueBefore: today, limit });
}
