/**
 * Identity-leak review: a news item pre-filled from a handled, published report quotes the
 * text the public reads. When an officer redacted the published text (a reporter who wrote
 * their own name, a house number), the draft must quote the redacted text, never the
 * reporter's original words, or the news item would carry what the redaction took out.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { setPublic, setPublicText } from '../../src/lib/server/reports/public/public.service';
import { forwardReport } from '../../src/lib/server/reports/workflow/association.service';
import { acceptReport, closeWithOutcome } from '../../src/lib/server/reports/workflow/agency.service';
import { draftFrom } from '../../src/lib/server/news/news-draft.service';
import { todayVn } from '../../src/lib/shared/format';
import type { Actor } from '../../src/lib/server/access/actor';

const SECRET = { name: 'Sùng Thị Dợ', phone: '0977111222', email: null, address: 'Bản Thẳm' };
const ORIGINAL = `Tôi là ${SECRET.name}, nhà số 12 bản Thẳm, thấy người ta đốt rác cạnh suối`;
const REDACTED = 'Có người đốt rác cạnh suối';

forEachDb('audit: news from a redacted report', (ctx) => {
  let officer: Actor;
  let reportId = '';

  beforeAll(async () => {
    await seedDemo(ctx.db);
    officer = await actorFor(ctx.db, 'canbo.doanket');
    reportId = (await createTestReport(ctx.db, { protection: 'confidential', identity: SECRET, description: ORIGINAL }))
      .id;
    const ranger = await actorFor(ctx.db, 'kiemlam');
    await forwardReport(ctx.db, officer, reportId, {
      agency_org_id: await orgId(ctx.db, 'Chi cục Kiểm lâm tỉnh Lai Châu'),
      doc_no: '2/HNCT',
      doc_date: todayVn(),
      note: ''
    });
    await acceptReport(ctx.db, ranger, reportId, '');
    await closeWithOutcome(ctx.db, ranger, reportId, { kind: 'not_a_violation', note: 'Đã nhắc nhở' });
    await setPublicText(ctx.db, officer, reportId, REDACTED);
    await setPublic(ctx.db, officer, reportId, true);
  });

  it('quotes the published (redacted) text, never the reporter’s original words', async () => {
    const draft = await draftFrom(ctx.db, officer, 'report', reportId);
    const text = JSON.stringify(draft);
    expect(draft.body).toContain(REDACTED);
    expect(text).not.toContain(SECRET.name);
    expect(text).not.toContain('nhà số 12');
  });
});
