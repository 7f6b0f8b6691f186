/**
 * A download named in Vietnamese — an award decision is named after its register number
 * "01/QĐ-GK…" — reaches the browser under that name, instead of failing the whole response
 * because the name cannot be written into a header as it is.
 */
import { describe, expect, it, vi } from 'vitest';

vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'cs-emfix-dl-'));
});

import { forEachDb } from '../support/db';
import { as, campaign, person, tree } from './emulation-support';
import { contentDisposition } from '../../src/lib/server/http';
import { branchAssess, register } from '../../src/lib/server/emulation/registration.service';
import { publishResults, recordCouncil } from '../../src/lib/server/emulation/council.service';
import { decide } from '../../src/lib/server/emulation/award.service';
import * as decisionRoute from '../../src/routes/thi-dua/quyet-dinh/[id]/+server';

type Handler = (event: never) => Promise<Response>;
const call = (h: unknown, event: Record<string, unknown>) => (h as Handler)(event as never);

/** The name a browser saves under, read back from the header as RFC 6266 says. */
function savedName(header: string): string {
  const star = /filename\*=UTF-8''([^;]+)/.exec(header);
  return decodeURIComponent(star![1]);
}

describe('content disposition', () => {
  it('keeps a Vietnamese name for browsers and gives old clients a plain one', () => {
    const h = contentDisposition('Báo cáo thành tích (bà Lường Thị Ún).docx');
    expect(() => new Headers({ 'content-disposition': h })).not.toThrow();
    expect(savedName(h)).toBe('Báo cáo thành tích (bà Lường Thị Ún).docx');
    expect(h).toContain('filename="Bao cao thanh tich (ba Luong Thi Un).docx"');
    expect(h.startsWith('attachment;')).toBe(true);
  });

  it('never lets a name break out of the header or into a folder', () => {
    const h = contentDisposition('a"b\\c/d\r\nSet-Cookie: x.txt', 'inline');
    expect(h.startsWith('inline;')).toBe(true);
    expect(h).not.toMatch(/[\r\n]/);
    expect(h).toContain('filename="a_b-c-dSet-Cookie: x.txt"');
    expect(savedName(h)).toBe('a"b-c-dSet-Cookie: x.txt');
  });
});

forEachDb('award decision download', (ctx) => {
  it('downloads the issued decision under its register number', async () => {
    const t = await tree(ctx.db, 'Tải QĐ');
    const c = await campaign(ctx.db, t.province);
    const officer = as('association_officer', t.commune);
    const pid = await person(ctx.db, t.branch, 'Lường Thị Ún');
    const [a] = await register(ctx.db, as('branch_leader', t.branch), {
      campaign_id: c,
      organisation_id: t.branch,
      subject_kind: 'person',
      person_ids: [pid],
      household_name: null,
      subject_org_ids: [],
      commitments: []
    });
    await branchAssess(ctx.db, as('branch_leader', t.branch), a, { score: 80, note: null });
    await recordCouncil(ctx.db, officer, {
      organisation_id: t.commune,
      campaign_id: c,
      meeting_on: '2025-12-10',
      members: ['Nguyễn Văn Một', 'Lò Thị Hai', 'Vàng A Ba'].map((name) => ({ name, role: null })),
      members_present: 3,
      votes: [{ registration_id: a, award_form: 'gk_commune', in_favour: 3, against: 0, abstain: 0 }]
    });
    await publishResults(ctx.db, officer, { organisation_id: t.commune, campaign_id: c, appeal_days: 0 });
    const d = await decide(ctx.db, officer, {
      organisation_id: t.commune,
      award_form: 'gk_commune',
      registration_ids: [a],
      signer_name: 'Nguyễn Văn Đức'
    });
    expect(d.number).toMatch(/QĐ/);

    const res = await call(decisionRoute.GET, { locals: { db: ctx.db, actor: officer }, params: { id: d.decisionId } });
    expect(res.status).toBe(200);
    const name = savedName(res.headers.get('content-disposition') ?? '');
    expect(name).toBe(`${d.number.replace(/[^\p{L}\p{N}]+/gu, '-')}.docx`);
    expect(name).toContain('QĐ');
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  }, 60_000);
});
