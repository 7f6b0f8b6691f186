/**
 * What Open311 says of a published report's handling: the agency's resolution note is the
 * public outcome and is served; everything else the offices wrote on the timeline (a question
 * to the reporter, a rejection reason, notes with the acceptance) was written for the reporter
 * or for each other, and the public API answers anyone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { handle, serialise } from '../../src/lib/server/open311/open311.http';
import { setPublic } from '../../src/lib/server/reports/public/public.service';
import {
  askForInformation,
  forwardReport,
  rejectReport
} from '../../src/lib/server/reports/workflow/association.service';
import { acceptReport, closeWithOutcome } from '../../src/lib/server/reports/workflow/agency.service';
import { reopen, reply } from '../../src/lib/server/reports/intake/followup.service';
import { todayVn } from '../../src/lib/shared/format';
import type { Db } from '../../src/lib/server/db';

const QUESTION = 'Cần thêm thông tin: bác ở nhà số mấy, gần nhà ông Sùng A Páo không?';
const ACCEPT_NOTE = 'Giao anh Tòng Văn Sơn đi kiểm tra';
const OUTCOME = 'Đã buộc thu dọn, bãi rác được dọn sạch ngày hôm sau';
const REJECTION = 'Bà Lò Thị Hoa gọi lại cho biết đã tự giải quyết với hàng xóm';
const REOPENED_OUTCOME = 'Đã nhắc nhở chủ hộ';

interface Update {
  status: string;
  notes: string | null;
}
interface Request {
  service_request_id: string;
  status: string;
  status_notes: string | null;
  extended_attributes: { updates: Update[] };
}

async function get(db: Db, path: string) {
  const { result, format } = await handle(db, {
    method: 'GET',
    path,
    params: { extensions: 'true' },
    baseUrl: 'http://test.local'
  });
  return { result, text: serialise(result, format).body };
}

async function one(db: Db, id: string): Promise<Request> {
  return ((await get(db, `requests/${id}.json`)).result.body as Request[])[0];
}

forEachDb('Open311 notes of published reports', (ctx) => {
  const ids = { resolved: '', rejected: '', reopened: '' };

  beforeAll(async () => {
    await seedDemo(ctx.db);
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    const ranger = await actorFor(ctx.db, 'kiemlam');
    const agency = await orgId(ctx.db, 'Chi cục Kiểm lâm tỉnh Lai Châu');
    const resolve = async (id: string, note: string) => {
      await forwardReport(ctx.db, officer, id, {
        agency_org_id: agency,
        doc_no: '7/HNCT',
        doc_date: todayVn(),
        note: ''
      });
      await acceptReport(ctx.db, ranger, id, ACCEPT_NOTE);
      await closeWithOutcome(ctx.db, ranger, id, { kind: 'warned_remedied', note });
    };

    ids.resolved = (await createTestReport(ctx.db)).id;
    await askForInformation(ctx.db, officer, ids.resolved, QUESTION);
    await reply(ctx.db, ids.resolved, 'Nhà số 12, bản Mẫu Một', []);
    await resolve(ids.resolved, OUTCOME);

    ids.rejected = (await createTestReport(ctx.db)).id;
    await rejectReport(ctx.db, officer, ids.rejected, REJECTION);

    ids.reopened = (await createTestReport(ctx.db)).id;
    await resolve(ids.reopened, REOPENED_OUTCOME);
    await reopen(ctx.db, ids.reopened, 'Vẫn còn rác');

    for (const id of Object.values(ids)) await setPublic(ctx.db, officer, id, true);
  });

  it('a resolved report carries the resolution note, on the resolved update only', async () => {
    const r = await one(ctx.db, ids.resolved);
    expect(r.status).toBe('closed');
    expect(r.status_notes).toBe(OUTCOME);
    const noted = r.extended_attributes.updates.filter((u) => u.notes);
    expect(noted).toEqual([expect.objectContaining({ status: 'resolved', notes: OUTCOME })]);
  });

  it('a rejected report carries no note: the reason was written for the reporter', async () => {
    const r = await one(ctx.db, ids.rejected);
    expect(r.status).toBe('closed');
    expect(r.status_notes).toBeNull();
    expect(r.extended_attributes.updates.map((u) => u.status)).toContain('rejected');
    expect(r.extended_attributes.updates.every((u) => u.notes === null)).toBe(true);
  });

  it('a reopened report has no outcome in force; its earlier one stays in the history', async () => {
    const r = await one(ctx.db, ids.reopened);
    expect(r.status).toBe('open');
    expect(r.status_notes).toBeNull();
    expect(r.extended_attributes.updates.filter((u) => u.notes).map((u) => u.notes)).toEqual([REOPENED_OUTCOME]);
  });

  describe.each(['json', 'xml'])('%s', (fmt) => {
    it('no officer’s note other than the outcome is in any answer', async () => {
      for (const path of [`requests.${fmt}`, ...Object.values(ids).map((id) => `requests/${id}.${fmt}`)]) {
        const { text } = await get(ctx.db, path);
        for (const secret of [QUESTION, ACCEPT_NOTE, REJECTION, 'Sùng A Páo', 'Lò Thị Hoa', 'Nhà số 12'])
          expect(text).not.toContain(secret);
      }
      const { text } = await get(ctx.db, `requests/${ids.resolved}.${fmt}`);
      expect(text).toContain(OUTCOME);
    });
  });
});
