/**
 * The data folder's upkeep, on both databases: a document job that fails after storing its
 * files leaves none; finished jobs older than the retention period go with their files while
 * newer ones stay; the sweep removes old temporary uploads and job files no row names, and
 * never a file a row names or one still within the grace period.
 */
import { beforeAll, beforeEach, expect, it, vi } from 'vitest';

vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'cs-upkeep-'));
});

import fs from 'node:fs';
import path from 'node:path';
import { forEachDb } from '../support/db';
import { actorFor, seedDemo } from '../support/demo';
import { config } from '../../src/lib/server/config';
import { storeJobFile } from '../../src/lib/server/documents/files';
import { registerJobHandler, runNextJob } from '../../src/lib/server/documents/jobs/worker';
import { pruneFinishedJobs, sweepLeftovers } from '../../src/lib/server/documents/jobs/upkeep';
import { uploadTmpDir } from '../../src/lib/server/http/multipart';

const DAY = 24 * 3_600_000;
const jobsDir = () => path.join(config.DATA_DIR, 'private', 'jobs');
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const onDisk = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

/** A file last changed `ms` ago. */
function oldFile(dir: string, name: string, ms: number): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), 'x');
  const t = new Date(Date.now() - ms);
  fs.utimesSync(path.join(dir, name), t, t);
}

forEachDb('data folder upkeep', (ctx) => {
  let accountId: string;
  const job = (id: string, status: 'done' | 'failed' | 'pending', finishedAgo: number | null, files: string[] = []) =>
    ctx.db
      .insertInto('document_job')
      .values({
        id: `${ctx.kind}-${id}`,
        kind: 'test_upkeep',
        entity_id: 'r',
        version_key: 'v',
        requested_by: accountId,
        status,
        attempts: 1,
        error: null,
        files: files.length ? JSON.stringify({ docx: files[0], annex: files[1] }) : null,
        created_at: ago((finishedAgo ?? 0) + 60_000),
        started_at: null,
        finished_at: finishedAgo === null ? null : ago(finishedAgo)
      })
      .execute();
  const exists = async (id: string) =>
    !!(await ctx.db.selectFrom('document_job').select('id').where('id', '=', `${ctx.kind}-${id}`).executeTakeFirst());

  beforeAll(async () => {
    await seedDemo(ctx.db);
    accountId = (await actorFor(ctx.db, 'canbo.doanket')).accountId!;
  });
  beforeEach(async () => {
    await ctx.db.deleteFrom('document_job').execute();
    fs.rmSync(jobsDir(), { recursive: true, force: true });
    fs.rmSync(uploadTmpDir(), { recursive: true, force: true });
  });

  it('a job that fails after storing a file leaves no file behind', async () => {
    registerJobHandler('test_half_made', async (_db, j) => {
      await storeJobFile(j.id, 'bao-cao.docx', Buffer.from('docx'));
      throw new Error('the annex could not be made');
    });
    await job('half', 'pending', null);
    await ctx.db.updateTable('document_job').set({ kind: 'test_half_made' }).execute();
    await runNextJob(ctx.db);
    const row = await ctx.db.selectFrom('document_job').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('pending'); // tried again later
    expect(onDisk(jobsDir())).toEqual([]);
  });

  it('removes finished jobs past the retention period with their files, and keeps the rest', async () => {
    const files = (id: string) => [`jobs/${ctx.kind}-${id}-bao-cao.docx`, `jobs/${ctx.kind}-${id}-phu-luc.xlsx`];
    for (const id of ['old', 'recent'])
      for (const f of files(id)) oldFile(path.dirname(path.join(config.DATA_DIR, 'private', f)), path.basename(f), 0);
    await job('old', 'done', 8 * DAY, files('old'));
    await job('oldfailed', 'failed', 30 * DAY);
    await job('recent', 'done', 6 * DAY, files('recent'));
    await job('waiting', 'pending', null);
    expect(await pruneFinishedJobs(ctx.db, new Date(), 7)).toBe(2);
    expect([await exists('old'), await exists('oldfailed'), await exists('recent'), await exists('waiting')]).toEqual([
      false,
      false,
      true,
      true
    ]);
    expect(onDisk(jobsDir())).toEqual(
      files('recent')
        .map((f) => path.basename(f))
        .sort()
    );
  });

  it('sweeps old leftovers of a crash, never a file a job names or a fresh one', async () => {
    const named = `${ctx.kind}-kept-bao-cao.docx`;
    oldFile(jobsDir(), named, 10 * DAY);
    oldFile(jobsDir(), 'orphan-old.docx', 2 * DAY);
    oldFile(jobsDir(), 'orphan-fresh.docx', 3_600_000);
    oldFile(uploadTmpDir(), 'crashed.part', 2 * DAY);
    oldFile(uploadTmpDir(), 'in-flight.part', 60_000);
    await job('kept', 'done', 1 * DAY, [`jobs/${named}`]);
    expect(await sweepLeftovers(ctx.db, new Date(), 24)).toEqual({ uploads: 1, jobFiles: 1 });
    expect(onDisk(jobsDir())).toEqual(['orphan-fresh.docx', named].sort());
    expect(onDisk(uploadTmpDir())).toEqual(['in-flight.part']);
  });
});
