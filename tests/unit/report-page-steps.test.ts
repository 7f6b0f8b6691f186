/**
 * The officers' report page sends only the step forms the reader can use now, already worded:
 * a step the role can never take at this status reaches the browser neither as a form nor as
 * its words (issue 8: the page's weight), and the lists behind other roles' forms stay home.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { officerReport } from '../../src/lib/server/reports/workflow/view.service';
import { stepForms } from '../../src/routes/reports/[id]/steps.server';
import { identityForm } from '../../src/routes/reports/[id]/display.server';

// [login, report status, the forms the page shows, in order]
const CASES: [string, string, string[]][] = [
  ['canbo.doanket', 'new', ['verify', 'forward', 'needs_info', 'duplicate', 'escalate', 'reject']],
  ['canbo.doanket', 'forwarded', []],
  ['kiemlam', 'forwarded', ['accept', 'return']],
  ['kiemlam', 'accepted', ['assign', 'note', 'extension', 'close']],
  ['canbo.tinh', 'escalated', ['forward', 'needs_info', 'duplicate', 'reject']]
];

forEachDb('report page step forms', (ctx) => {
  let rangers = '';
  beforeAll(async () => {
    await seedDemo(ctx.db);
    rangers = await orgId(ctx.db, 'Chi cục Kiểm lâm tỉnh Lai Châu');
  });

  it.each(CASES)('%s on a %s report sees %j', async (login, status, expected) => {
    const withAgency = status !== 'new' && status !== 'escalated';
    const { id } = await createTestReport(ctx.db, {
      status,
      agency_org_id: withAgency ? rangers : null,
      accepted_on: status === 'accepted' ? '2026-03-02' : null
    });
    const view = await officerReport(ctx.db, await actorFor(ctx.db, login), id);
    const forms = stepForms(view);
    expect(forms.map((f) => f.action)).toEqual(expected);
    // Worded in Vietnamese (the default), with the field each form posts.
    for (const f of forms) expect(f.title).toMatch(/\p{L}/u);
    const words = JSON.stringify(forms);
    if (!expected.includes('close')) expect(words).not.toContain('violation_confirmed');
    if (!expected.includes('forward')) expect(words).not.toContain('agency_org_id');
  });

  it('gives the forward form the suggested agency and the slip preview for it', async () => {
    const { id } = await createTestReport(ctx.db, { status: 'verified' });
    const view = await officerReport(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), id);
    const forward = stepForms(view).find((f) => f.action === 'forward')!;
    const agency = forward.fields.find((x) => x.name === 'agency_org_id')!;
    expect(agency.options!.length).toBe(view.agencies.length);
    expect(forward.link!.href).toBe(`/reports/${id}/slip.docx?agency=${view.suggestedAgency ?? view.agencies[0].id}`);
  });

  it('offers the reveal form to the custodian only, and the request once', () => {
    expect(identityForm(true, { pending: null, mayAsk: false })?.action).toBe('reveal');
    expect(identityForm(false, { pending: null, mayAsk: true })?.action).toBe('ask_reveal');
    expect(identityForm(false, { pending: { at: '2026-03-02' }, mayAsk: true })).toBeNull();
    expect(identityForm(false, { pending: null, mayAsk: false })).toBeNull();
  });
});
