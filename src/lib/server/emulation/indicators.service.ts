/**
 * The campaign's indicators for roll-ups and reports, within the reader's scope: how many
 * registered, were evaluated (a council decided) and reached the title, per kind of subject,
 * with the share of those registered; and awards in force by form.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { requireAction, scopeSubquery } from '$lib/server/access/access';
import { SUBJECT_KINDS } from '$lib/shared/emulation/rules';
import { indicatorRows } from './page.repository';
import { READ } from './policy';

const EVALUATED = ['council_done', 'published'];

export async function campaignIndicators(db: Db, actor: Actor, campaignId: string) {
  requireAction(actor, READ);
  const { registrations, awards } = await indicatorRows(db, campaignId, scopeSubquery(db, actor, READ));
  const bySubject = SUBJECT_KINDS.map((kind) => {
    const rows = registrations.filter((r) => r.subject_kind === kind);
    const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((s, r) => s + Number(r.n), 0);
    const registered = sum(() => true);
    const passed = sum((r) => r.result === 'passed');
    return {
      kind,
      registered,
      evaluated: sum((r) => EVALUATED.includes(r.status)),
      passed,
      passedShare: registered ? Math.round((passed * 1000) / registered) / 10 : null
    };
  }).filter((s) => s.registered > 0);
  return { bySubject, awards: awards.map((a) => ({ form: a.award_form, count: Number(a.n) })) };
}
