/**
 * Identity-leak review: Open311 answers for a published report carry its status notes. A
 * reporter who reopens a resolved report writes the reason in their own words (often with
 * their name or house); that note is for the officers, never for anyone who asks the
 * public API. Of the offices' words only the resolution note travels (open311-notes.test.ts);
 * the reporter's own never do.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { handle, serialise } from '../../src/lib/server/open311/open311.http';
import { setPublic } from '../../src/lib/server/reports/public/public.service';
import { forwardReport } from '../../src/lib/server/reports/workflow/association.service';
import { acceptReport, closeWithOutcome } from '../../src/lib/server/reports/workflow/agency.service';
import { reopen } from '../../src/lib/server/reports/intake/followup.service';
import { todayVn } from '../../src/lib/shared/format';

const SECRET = { name: 'Vàng Thị Chá', phone: '0966333444', email: null, address: 'Bản Lở' };
const REASON = `Tôi là ${SECRET.name} ở bản Lở, số 0966333444: hôm nay họ vẫn đốt rác`;
const OFFICER_NOTE = 'Đã kiểm tra, yêu cầu dọn sạch';

forEachDb('audit: Open311 status notes', (ctx) => {
  let id = '';

  beforeAll(async () => {
    await seedDemo(ctx.db);
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    const ranger = await actorFor(ctx.db, 'kiemlam');
    id = (await createTestReport(ctx.db, { protection: 'confidential', identity: SECRET })).id;
    await forwardReport(ctx.db, officer, id, {
      agency_org_id: await orgId(ctx.db, 'Chi cục Kiểm lâm tỉnh Lai Châu'),
      doc_no: '3/HNCT',
      doc_date: todayVn(),
      note: ''
    });
    await acceptReport(ctx.db, ranger, id, OFFICER_NOTE);
    await closeWithOutcome(ctx.db, ranger, id, { kind: 'not_a_violation', note: OFFICER_NOTE });
    await setPublic(ctx.db, officer, id, true);
    await reopen(ctx.db, id, REASON);
  });

  it.each(['json', 'xml'])('a reporter’s reopening reason is not in the %s answer', async (fmt) => {
    for (const path of [`requests/${id}.${fmt}`, `requests.${fmt}`]) {
      const { result, format } = await handle(ctx.db, {
        method: 'GET',
        path,
        params: { extensions: 'true' },
        baseUrl: 'http://test.local'
      });
      const text = serialise(result, format).body;
      expect(text).toContain(id);
      expect(text).not.toContain(SECRET.name);
      expect(text).not.toContain(SECRET.phone);
    }
  });
});
