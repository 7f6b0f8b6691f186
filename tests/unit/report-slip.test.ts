/**
 * The forwarding slip: forwarding without a typed letter number issues a phiếu chuyển from the
 * association's register in the same step (its number goes on the timeline), a report
 * forwarded with a letter written elsewhere can get one afterwards, numbers follow each other,
 * only the association's officers issue or read it, and the reporter is never named in it.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'cs-slip-'));
});

import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { docxText } from '../support/documents';
import { isAppError } from '../../src/lib/server/errors';
import { forwardReport } from '../../src/lib/server/reports/workflow/association.service';
import { officerReport } from '../../src/lib/server/reports/workflow/view.service';
import { issueForwardingSlip, reportSlips, slipFile } from '../../src/lib/server/reports/workflow/slip.service';
import { forwardSchema } from '../../src/lib/server/reports/workflow/workflow.schema';

const RANGERS = 'Chi cục Kiểm lâm tỉnh Lai Châu';
const WHO = { name: 'Giàng Thị Mỷ Bí', phone: '0987123456', address: 'Bản Nậm Xe Kín', nationalId: '011223344556' };
const at = (d: string) => new Date(`${d}T10:00:00+07:00`);

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
}

describe('the forward form', () => {
  it.each([
    [{ agency_org_id: 'a', doc_no: '', doc_date: '' }, null, { doc_no: null, doc_date: null }],
    [
      { agency_org_id: 'a', doc_no: '21/HNCT', doc_date: '02/03/2026' },
      null,
      { doc_no: '21/HNCT', doc_date: '2026-03-02' }
    ],
    [{ agency_org_id: 'a', doc_no: '21/HNCT', doc_date: '' }, ['doc_date', 'err_required'], null],
    [
      { agency_org_id: 'a', doc_no: '21/HNCT', doc_date: '31/02/2026' },
      ['doc_date', 'dates_err_not_in_calendar'],
      null
    ],
    [{ agency_org_id: '', doc_no: '', doc_date: '' }, ['agency_org_id', 'err_required'], null]
  ])('%o → %o', (input, error, parsed) => {
    const r = forwardSchema.safeParse({ note: '', ...input });
    if (error) {
      expect(r.success).toBe(false);
      expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual(error);
    } else expect(r.success && { doc_no: r.data.doc_no, doc_date: r.data.doc_date }).toEqual(parsed);
  });
});

forEachDb('forwarding slip', (ctx) => {
  let rangers = '';
  beforeAll(async () => {
    await seedDemo(ctx.db);
    rangers = await orgId(ctx.db, RANGERS);
  });

  it('is issued with the forward step when no letter number is typed, and numbered in sequence', async () => {
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    const a = (await createTestReport(ctx.db, { identity: WHO })).id;
    const b = (await createTestReport(ctx.db)).id;
    await forwardReport(
      ctx.db,
      officer,
      a,
      { agency_org_id: rangers, doc_no: null, doc_date: null, note: '' },
      at('2026-03-02')
    );
    await forwardReport(
      ctx.db,
      officer,
      b,
      { agency_org_id: rangers, doc_no: null, doc_date: null, note: '' },
      at('2026-03-03')
    );
    const [sa] = await reportSlips(ctx.db, officer, a);
    const [sb] = await reportSlips(ctx.db, officer, b);
    expect(sa.numberText).toMatch(/^\d{2}\/PC-HNCT$/);
    expect(Number(sb.numberText.slice(0, 2))).toBe(Number(sa.numberText.slice(0, 2)) + 1);
    expect(sa.issuedOn).toBe('2026-03-02');
    const view = await officerReport(ctx.db, officer, a);
    const forward = view.timeline.find((e) => e.kind === 'forward')!;
    expect(forward.data).toMatchObject({ doc_no: sa.numberText, doc_date: '2026-03-02' });

    const file = await slipFile(ctx.db, officer, a, null);
    expect(file.name).toBe(`${sa.numberText.replace('/', '-')}.docx`);
    const text = await docxText(file.body);
    expect(text).toContain(`Số: ${sa.numberText}`);
    expect(text).toContain('PHIẾU CHUYỂN');
    expect(text).toContain(`Kính gửi: ${RANGERS}.`);
    expect(text).toContain(a.slice(0, 8).toUpperCase());
    for (const secret of Object.values(WHO)) expect(text).not.toContain(secret);
  });

  it('keeps a typed letter number and issues nothing; a slip can be issued afterwards', async () => {
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    const id = (await createTestReport(ctx.db)).id;
    expect(await code(issueForwardingSlip(ctx.db, officer, id))).toBe('CONFLICT');
    const draft = await slipFile(ctx.db, officer, id, rangers);
    expect(await docxText(draft.body)).toContain('Số: …/PC-HNCT');
    await forwardReport(ctx.db, officer, id, {
      agency_org_id: rangers,
      doc_no: '21/HNCT',
      doc_date: '2026-03-02',
      note: ''
    });
    expect(await reportSlips(ctx.db, officer, id)).toEqual([]);
    const forward = (await officerReport(ctx.db, officer, id)).timeline.find((e) => e.kind === 'forward')!;
    expect(forward.data).toMatchObject({ doc_no: '21/HNCT' });
    const issued = await issueForwardingSlip(ctx.db, officer, id);
    expect((await reportSlips(ctx.db, officer, id)).map((s) => s.id)).toEqual([issued.id]);
  });

  it('is issued and read only by the association: the agency and other communes cannot', async () => {
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    const id = (await createTestReport(ctx.db)).id;
    await forwardReport(ctx.db, officer, id, { agency_org_id: rangers, doc_no: null, doc_date: null, note: '' });
    const agency = await actorFor(ctx.db, 'kiemlam');
    expect(await code(issueForwardingSlip(ctx.db, agency, id))).toBe('FORBIDDEN');
    expect(await reportSlips(ctx.db, agency, id)).toEqual([]);
    expect(await code(slipFile(ctx.db, agency, id, null))).toBe('FORBIDDEN');
    const other = await actorFor(ctx.db, 'canbo.binhlu');
    expect(await code(slipFile(ctx.db, other, id, null))).toBe('NOT_FOUND');
  });
});
