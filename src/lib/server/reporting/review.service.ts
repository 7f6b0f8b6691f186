/**
 * The way up: draft → submitted → returned (with the reviewer's comment) → submitted again →
 * accepted. Submitting freezes the figures as they are at that moment; an accepted report
 * is locked, and a correction is a new version that supersedes it (the old one stays as it
 * was, marked superseded). Each step is conditional on the status it starts from, so two
 * officers acting at once cannot both win, and each is written to the history and audited.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { assertInScope } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { newId } from '$lib/server/db/ids';
import { readJson } from '$lib/server/db/dialect';
import { computeFigures } from './figures.service';
import { EDITABLE, loadReport, periodOfRow, titleOf } from './report.service';
import { LINK, annexReference, reportAnnex, reportSpec } from './report.document';
import { issueDocument } from '$lib/server/documents';
import type { Narrative } from '$lib/shared/reporting/sections';
import { REVIEW, WRITE } from './policy';
import * as repo from './reporting.repository';
import type { Updateable } from 'kysely';
import type { PeriodicReportTable } from '$lib/server/db/schema';

async function step(
  db: Db,
  actor: Actor,
  row: repo.ReportRow,
  from: string[],
  to: string,
  values: Updateable<PeriodicReportTable>,
  at: Date,
  comment: string | null = null,
  also?: (tx: Db) => Promise<unknown>
): Promise<void> {
  const ok = await db.transaction().execute(async (tx) => {
    const moved = await repo.updateIfStatus(tx, row.id, from, { ...values, status: to, updated_at: at.toISOString() });
    if (!moved) return false;
    if (also) await also(tx);
    await repo.insertEvent(tx, {
      id: newId(),
      report_id: row.id,
      at: at.toISOString(),
      actor_name: actor.name,
      from_status: row.status,
      to_status: to,
      comment
    });
    await audit(tx, actor, {
      action: `reporting.${to}`,
      entityType: 'periodic_report',
      entityId: row.id,
      organisationId: row.organisation_id,
      before: { status: row.status },
      after: { status: to },
      note: comment
    });
    return true;
  });
  if (!ok) throw new AppError('CONFLICT', 'rep_err_moved');
}

/** The reviewer acts from the parent organisation. A top-level organisation's report is not reviewed here. */
async function assertReviewer(db: Db, actor: Actor, row: repo.ReportRow): Promise<void> {
  const org = await repo.findOrg(db, row.organisation_id);
  if (!org?.parent_id) throw notFound();
  await assertInScope(db, actor, REVIEW, org.parent_id);
}

/**
 * Sends the report up: its figures are frozen as they are now, and the report is issued in
 * the organisation's register (its number and date printed, the .docx and annex stored as
 * they went out), all in one transaction.
 */
export async function submitReport(db: Db, actor: Actor, id: string, now = new Date()): Promise<void> {
  const row = await loadReport(db, actor, id);
  await assertInScope(db, actor, WRITE, row.organisation_id);
  if (!EDITABLE.includes(row.status)) throw new AppError('CONFLICT', 'rep_err_locked');
  const figures = await computeFigures(db, actor, row.organisation_id, periodOfRow(row));
  const content = {
    orgId: row.organisation_id,
    title: titleOf(row),
    start: row.start_on,
    end: row.end_on,
    narrative: readJson<Narrative>(row.narrative) ?? {},
    figures
  };
  const spec = await reportSpec(db, content);
  const issuer = spec.issuers[0].name;
  const issue = (tx: Db) =>
    issueDocument(
      tx,
      actor,
      {
        spec,
        annex: (n) => reportAnnex(content, issuer, annexReference(n.numberText, n.issuedOn, issuer)),
        links: [{ entityType: LINK, entityId: row.id }]
      },
      now
    );
  await step(
    db,
    actor,
    row,
    EDITABLE,
    'submitted',
    { snapshot: JSON.stringify(figures), submitted_at: now.toISOString(), submitted_by: actor.accountId },
    now,
    null,
    issue
  );
}

export async function returnReport(db: Db, actor: Actor, id: string, comment: string, now = new Date()): Promise<void> {
  const row = await loadReport(db, actor, id);
  await assertReviewer(db, actor, row);
  await step(
    db,
    actor,
    row,
    ['submitted'],
    'returned',
    { review_comment: comment, reviewed_at: now.toISOString(), reviewed_by: actor.accountId },
    now,
    comment
  );
}

export async function acceptReport(db: Db, actor: Actor, id: string, now = new Date()): Promise<void> {
  const row = await loadReport(db, actor, id);
  await assertReviewer(db, actor, row);
  await step(
    db,
    actor,
    row,
    ['submitted'],
    'accepted',
    { reviewed_at: now.toISOString(), reviewed_by: actor.accountId },
    now
  );
}

/** A correction of an accepted report: a new draft version (same narrative) that will supersede it when opened. */
export async function correctReport(db: Db, actor: Actor, id: string, now = new Date()): Promise<string> {
  const row = await loadReport(db, actor, id);
  await assertInScope(db, actor, WRITE, row.organisation_id);
  if (row.status !== 'accepted') throw new AppError('CONFLICT', 'rep_err_not_accepted');
  const newIdValue = newId();
  const at = now.toISOString();
  await db.transaction().execute(async (tx) => {
    const moved = await repo.updateIfStatus(tx, row.id, ['accepted'], { status: 'superseded', updated_at: at });
    if (!moved) throw new AppError('CONFLICT', 'rep_err_moved');
    await repo.insertReport(tx, {
      ...row,
      id: newIdValue,
      narrative: JSON.stringify(readJson(row.narrative) ?? {}),
      version: row.version + 1,
      supersedes_id: row.id,
      status: 'draft',
      snapshot: null,
      submitted_at: null,
      submitted_by: null,
      review_comment: null,
      reviewed_at: null,
      reviewed_by: null,
      created_by: actor.accountId,
      created_at: at,
      updated_at: at
    });
    await repo.insertEvent(tx, {
      id: newId(),
      report_id: newIdValue,
      at,
      actor_name: actor.name,
      from_status: null,
      to_status: 'draft',
      comment: null
    });
    await audit(tx, actor, {
      action: 'reporting.correct',
      entityType: 'periodic_report',
      entityId: newIdValue,
      organisationId: row.organisation_id,
      before: { supersedes: row.id, version: row.version },
      after: { version: row.version + 1 }
    });
  });
  return newIdValue;
}
