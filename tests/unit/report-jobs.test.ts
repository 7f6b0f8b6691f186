/**
 * A draft report's documents are made by the document worker, on both databases: the request
 * enqueues a job (a retried request for the same version gets the same job, an edit makes a
 * new one), the worker makes the .docx and annex, one job at a time; after a restart a waiting
 * job is taken and a job left running by a dead process is taken again once stale, while a
 * fresh running one is left alone; a refusal fails the job at once, other errors are retried
 * up to the limit; a job's page and files answer 404 to anyone but its requester, and to a
 * requester who may no longer read the report.
 */
import { beforeAll, expect, it, vi } from 'vitest';

vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'cs-repjobs-'));
});

import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import type { Actor } from '../../src/lib/server/access/actor';
import { createReport, saveNarrative } from '../../src/lib/server/reporting/report.service';
import { narrativeSchema } from '../../src/lib/server/reporting/report.schema';
import { reportJob, reportJobFile, requestReportDocuments } from '../../src/lib/server/reporting/report-jobs.service';
import {
  MAX_ATTEMPTS,
  STALE_MINUTES,
  registerJobHandler,
  runNextJob
} from '../../src/lib/server/documents/jobs/worker';
import { todayVn } from '../../src/lib/shared/format';

const YEAR = Number(todayVn().slice(0, 4));
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

forEachDb('report document jobs', (ctx) => {
  let officer: Actor;
  let other: Actor;
  let province: Actor;
  let reportId: string;
  const drain = async () => {
    while (await runNextJob(ctx.db));
  };
  const row = (id: string) =>
    ctx.db.selectFrom('document_job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    await seedDemo(ctx.db);
    officer = await actorFor(ctx.db, 'canbo.doanket');
    other = await actorFor(ctx.db, 'canbo.binhlu');
    province = await actorFor(ctx.db, 'canbo.tinh');
    reportId = await createReport(ctx.db, officer, {
      organisation_id: await orgId(ctx.db, 'Hội Người cao tuổi phường Đoàn Kết'),
      report_kind: 'periodic',
      period_kind: 'quarter',
      year: YEAR,
      period_index: 1,
      start_on: null,
      end_on: null
    });
    await drain(); // whatever the demo left
  }, 120_000);

  it('enqueues once per version, then the worker makes the files', async () => {
    const job = await requestReportDocuments(ctx.db, officer, reportId);
    expect(job.status).toBe('pending');
    expect((await requestReportDocuments(ctx.db, officer, reportId)).id).toBe(job.id);
    expect(await runNextJob(ctx.db)).toBe(true);
    expect(await runNextJob(ctx.db)).toBe(false); // one job, taken once
    const done = await reportJob(ctx.db, officer, reportId, job.id);
    expect(done.status).toBe('done');
    expect(done.finishedAt).not.toBeNull();
    expect((await requestReportDocuments(ctx.db, officer, reportId)).id).toBe(job.id); // still fresh
    for (const which of ['docx', 'annex'] as const) {
      const body = await reportJobFile(ctx.db, officer, reportId, job.id, which);
      expect(body.subarray(0, 2).toString()).toBe('PK');
    }
    // an edit is a new version: new files
    await saveNarrative(ctx.db, officer, reportId, narrativeSchema.parse({ situation: 'Tình hình mới' }));
    const again = await requestReportDocuments(ctx.db, officer, reportId);
    expect(again.id).not.toBe(job.id);
    await drain();
    expect((await row(again.id)).status).toBe('done');
  }, 120_000);

  it('answers 404 to another scope and to other readers; refuses to enqueue out of scope', async () => {
    const job = await requestReportDocuments(ctx.db, officer, reportId);
    await drain();
    for (const reader of [other, province]) {
      await expect(reportJob(ctx.db, reader, reportId, job.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(reportJobFile(ctx.db, reader, reportId, job.id, 'docx')).rejects.toMatchObject({
        code: 'NOT_FOUND'
      });
    }
    await expect(requestReportDocuments(ctx.db, other, reportId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // the province may read the report: its own job, with its own scope
    const theirs = await requestReportDocuments(ctx.db, province, reportId);
    expect(theirs.id).not.toBe(job.id);
    await drain();
    expect((await reportJob(ctx.db, province, reportId, theirs.id)).status).toBe('done');
    // a requester who lost the right to read the report loses the job too
    const wrongReport = (
      await ctx.db.selectFrom('periodic_report').select('id').where('id', '!=', reportId).executeTakeFirst()
    )?.id;
    if (wrongReport)
      await expect(reportJob(ctx.db, officer, wrongReport, job.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  }, 120_000);

  it('resumes after a restart: waiting jobs, and running ones left by a dead process once stale', async () => {
    const base = {
      kind: 'periodic_report',
      entity_id: reportId,
      requested_by: officer.accountId!,
      error: null,
      files: null,
      finished_at: null
    };
    await ctx.db
      .insertInto('document_job')
      .values([
        {
          ...base,
          id: 'job-waiting',
          version_key: 'v-a',
          status: 'pending',
          attempts: 0,
          created_at: minutesAgo(30),
          started_at: null
        },
        {
          ...base,
          id: 'job-dead',
          version_key: 'v-b',
          status: 'running',
          attempts: 1,
          created_at: minutesAgo(29),
          started_at: minutesAgo(STALE_MINUTES + 5)
        },
        {
          ...base,
          id: 'job-busy',
          version_key: 'v-c',
          status: 'running',
          attempts: 1,
          created_at: minutesAgo(28),
          started_at: minutesAgo(1)
        }
      ])
      .execute();
    await drain();
    expect((await row('job-waiting')).status).toBe('done');
    const dead = await row('job-dead');
    expect([dead.status, dead.attempts]).toEqual(['done', 2]);
    expect((await row('job-busy')).status).toBe('running'); // another worker may still be on it
    // ... until it is stale too
    expect(await runNextJob(ctx.db, new Date(Date.now() + (STALE_MINUTES + 1) * 60_000))).toBe(true);
    expect((await row('job-busy')).status).toBe('done');
  }, 120_000);

  it('retries a failing job up to the limit, and fails a refused one at once', async () => {
    registerJobHandler('test_flaky', async () => {
      throw new Error('LibreOffice went away');
    });
    const base = {
      entity_id: reportId,
      requested_by: officer.accountId!,
      version_key: 'v',
      error: null,
      files: null,
      finished_at: null,
      started_at: null,
      attempts: 0,
      status: 'pending' as const
    };
    // the requester's account was disabled meanwhile: refused, not retried
    const gone = await ctx.db
      .updateTable('account')
      .set({ disabled: 1 })
      .where('username', '=', 'hoivien')
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('document_job')
      .values([
        { ...base, id: 'job-flaky', kind: 'test_flaky', created_at: minutesAgo(2) },
        { ...base, id: 'job-refused', kind: 'periodic_report', requested_by: gone.id, created_at: minutesAgo(1) }
      ])
      .execute();
    await drain();
    const flaky = await row('job-flaky');
    expect([flaky.status, flaky.attempts, flaky.error]).toEqual(['failed', MAX_ATTEMPTS, 'LibreOffice went away']);
    const view = await reportJob(ctx.db, officer, reportId, 'job-flaky').catch(() => null);
    expect(view).toBeNull(); // not a report job: its page is 404
    const refused = await row('job-refused');
    expect([refused.status, refused.attempts]).toEqual(['failed', 1]);
  }, 120_000);
});
