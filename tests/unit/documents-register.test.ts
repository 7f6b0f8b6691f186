/**
 * The register of outgoing documents on both databases: numbers follow each other per issuer,
 * type and year, restart at 01 on 1 January by the Vietnam date, survive concurrent issuing
 * without duplicates, are given back when issuing fails, and every issue is audited.
 */
import { beforeAll, expect, it, vi } from 'vitest';

vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'cs-docs-'));
});

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachDb } from '../support/db';
import { actorWith, makeOrg } from '../unit/program-support';
import { docxText, issuerFor, sampleSpec } from '../support/documents';
import { openDatabase } from '../../src/lib/server/db';
import {
  KINDS,
  documentsFor,
  issueDocument,
  issuedFile,
  issuerOf,
  listRegister,
  setIssuerProfile
} from '../../src/lib/server/documents';
import { isAppError } from '../../src/lib/server/errors';
import type { Actor } from '../../src/lib/server/access/actor';

/** Vietnam wall-clock time → the instant (UTC+7). */
const vn = (local: string) => new Date(`${local}+07:00`);

forEachDb('document register', (ctx) => {
  let province: string;
  let commune: string;
  let officer: Actor;
  beforeAll(async () => {
    province = await makeOrg(ctx.db, 'Hội Người cao tuổi tỉnh Lai Châu', null);
    commune = await makeOrg(ctx.db, 'Hội Người cao tuổi xã Bình Lư', province);
    officer = actorWith('association_officer', province);
  });

  const issue = (org: string, at: Date, kind = KINDS.BC, subject = 'Báo cáo thử') =>
    issueDocument(ctx.db, officer, { spec: sampleSpec([issuerFor(org)], { kind, subject }) }, at);

  it('numbers 01, 02… and restarts at 01 when 1 January begins in Vietnam (still 31/12 in UTC)', async () => {
    const a = await issue(province, vn('2026-12-30T09:00:00'));
    const b = await issue(province, vn('2026-12-31T23:30:00'));
    const c = await issue(province, vn('2027-01-01T00:05:00')); // 31/12/2026 17:05 UTC
    expect([a.numberText, b.numberText, c.numberText]).toEqual(['01/BC-HNCT', '02/BC-HNCT', '01/BC-HNCT']);
    expect([b.issuedOn, c.issuedOn, c.year]).toEqual(['2026-12-31', '2027-01-01', 2027]);
  });

  it('keeps one sequence per issuer and per type', async () => {
    const at = vn('2028-05-05T10:00:00');
    const plan = await issue(province, at, KINDS.KH);
    const own = await issue(commune, at);
    const again = await issue(province, at);
    expect([plan.numberText, own.numberText, again.numberText]).toEqual(['01/KH-HNCT', '01/BC-HNCT', '01/BC-HNCT']);
  });

  it('never gives the same number twice to documents issued at the same moment', async () => {
    const at = vn('2029-03-01T08:00:00');
    const all = await Promise.all(Array.from({ length: 12 }, () => issue(province, at, KINDS.TTr)));
    expect(all.map((d) => d.number).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('gives the number back when issuing fails, so none is skipped', async () => {
    const at = vn('2030-02-02T08:00:00');
    await issue(province, at, KINDS.QĐ);
    const failing = issueDocument(
      ctx.db,
      officer,
      {
        spec: sampleSpec([issuerFor(province)], { kind: KINDS.QĐ }),
        annex: () => {
          throw new Error('annex failed');
        }
      },
      at
    );
    await expect(failing).rejects.toThrow('annex failed');
    expect((await issue(province, at, KINDS.QĐ)).numberText).toBe('02/QĐ-HNCT');
  });

  it('stores the issued file with its number and date, lists it and audits the issue', async () => {
    const doc = await issueDocument(
      ctx.db,
      officer,
      {
        spec: sampleSpec([issuerFor(province)], { kind: KINDS.PC }),
        links: [{ entityType: 'report', entityId: 'r-1' }]
      },
      vn('2031-01-09T10:00:00')
    );
    const file = await issuedFile(ctx.db, officer, doc.id);
    const text = await docxText(file.body);
    expect(text).toContain('Số: 01/PC-HNCT');
    expect(text).toContain('Lai Châu, ngày 09 tháng 01 năm 2031');
    expect(file.name).toBe('01-PC-HNCT.docx');
    expect((await documentsFor(ctx.db, 'report', ['r-1'])).map((d) => d.numberText)).toEqual(['01/PC-HNCT']);
    expect((await listRegister(ctx.db, officer, { year: 2031 })).map((d) => d.numberText)).toEqual(['01/PC-HNCT']);
    const audit = await ctx.db
      .selectFrom('audit_event')
      .select(['action', 'after_json', 'organisation_id'])
      .where('entity_id', '=', doc.id)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('document.issue');
    expect(audit.organisation_id).toBe(province);
    expect(audit.after_json).toContain('01/PC-HNCT');
  });

  it("answers NOT_FOUND to an officer issuing in another organisation's name", async () => {
    const outsider = actorWith('association_officer', commune);
    const err = await issueDocument(ctx.db, outsider, { spec: sampleSpec([issuerFor(province)]) }).catch((e) => e);
    expect(isAppError(err) && err.code).toBe('NOT_FOUND');
  });

  it('takes symbol, place and signer from the issuer profile, with defaults from the organisation', async () => {
    expect((await issuerOf(ctx.db, commune)).symbol).toBe('HNCT');
    await setIssuerProfile(ctx.db, officer, commune, {
      symbol: 'hnctbl',
      name_label: null,
      parent_label: null,
      place: 'Bình Lư',
      signer_authority: 'TM. BAN CHẤP HÀNH',
      signer_title: 'CHỦ TỊCH',
      signer_name: 'Tẩn Văn Vàng'
    });
    const i = await issuerOf(ctx.db, commune);
    expect([i.symbol, i.place, i.name, i.parent]).toEqual([
      'HNCTBL',
      'Bình Lư',
      'Hội Người cao tuổi xã Bình Lư',
      'Hội Người cao tuổi tỉnh Lai Châu'
    ]);
  });

  if (ctx.kind === 'sqlite') {
    it('never duplicates between two processes writing to one SQLite file', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cs-docs-db-'));
      const file = join(dir, 'two.sqlite');
      const db = await openDatabase('sqlite', file);
      try {
        const org = await makeOrg(db, 'Hội Người cao tuổi tỉnh Lai Châu', null);
        await db.destroy();
        const runs = await Promise.all([worker(file, org, 6), worker(file, org, 6)]);
        expect(runs.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
  }
});

/** Another process (better-sqlite3 waits for a lock synchronously, so one process cannot race itself). */
function worker(file: string, org: string, count: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'tests/support/issue-worker.ts', file, org, String(count)],
      { env: { ...process.env } },
      (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout.trim().split('\n').pop()!)))
    );
  });
}
