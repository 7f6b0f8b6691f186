/**
 * The forwarding slip on the report page: the officers of the forwarding association issue
 * it (when the report went out with a letter written elsewhere, or before the slip existed),
 * preview it before forwarding, and download it as issued, ready to print.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { inScope } from '$lib/server/access/access';
import { AppError, notFound } from '$lib/server/errors';
import { DOCX_MIME, fileNameOf, issuedFile, renderDocx, type IssuedDocument } from '$lib/server/documents';
import { todayVn } from '$lib/shared/format';
import { actingOrg, loadReadable } from './core';
import { issueSlip, slipSpec, slipsOf } from './slip.document';
import { forwardingOrg, sampleCommuneAndCategory } from './slip.repository';
import { atomically } from './transition';
import { listAgencies, type ReportRow } from './workflow.repository';

async function agencyOf(db: Db, agencyId: string | null) {
  return agencyId ? ((await listAgencies(db)).find((a) => a.id === agencyId) ?? null) : null;
}

/** The association whose register numbers the slip, if the actor may act for it. */
async function slipOrg(db: Db, actor: Actor, r: ReportRow): Promise<string> {
  const org = r.agency_org_id ? await forwardingOrg(db, r.id) : await actingOrg(db, r, 'association');
  const orgId = org ?? r.commune_org_id;
  if (!orgId || !(await inScope(db, actor, 'report.verify', orgId)))
    throw new AppError('FORBIDDEN', 'rw_err_forbidden');
  return orgId;
}

/** Issue a slip for a report already forwarded; it joins the report's documents. */
export async function issueForwardingSlip(db: Db, actor: Actor, id: string, now = new Date()): Promise<IssuedDocument> {
  const r = await loadReadable(db, actor, id);
  const orgId = await slipOrg(db, actor, r);
  const agency = await agencyOf(db, r.agency_org_id);
  if (!agency) throw new AppError('CONFLICT', 'report_err_slip_not_forwarded');
  const answerBy = r.deadline_kind === 'accept' ? r.deadline_on : null;
  return atomically(db, (tx) => issueSlip(tx, actor, { r, orgId, agency, answerBy }, now));
}

/** The slips of a report for its page: only the association's officers see the register. */
export async function reportSlips(db: Db, actor: Actor, id: string) {
  const r = await loadReadable(db, actor, id);
  const orgId = await slipOrg(db, actor, r).catch(() => null);
  return orgId ? slipsOf(db, r.id) : [];
}

/**
 * The slip to print: the newest issued one, exactly as issued; before forwarding, a draft
 * ("Số: …/PC-…") addressed to the agency chosen (or suggested) on the forward form.
 */
export async function slipFile(db: Db, actor: Actor, id: string, agencyId: string | null, now = new Date()) {
  const r = await loadReadable(db, actor, id);
  const orgId = await slipOrg(db, actor, r);
  const [last] = await slipsOf(db, r.id);
  if (last) return issuedFile(db, actor, last.id);
  const agency = await agencyOf(db, agencyId ?? r.agency_org_id);
  if (!agency) throw notFound();
  const spec = await slipSpec(db, { r, orgId, agency, answerBy: null });
  const body = await renderDocx(spec, { number: null, date: null, draftYear: Number(todayVn(now).slice(0, 4)) });
  return { body, mime: DOCX_MIME, name: fileNameOf(`phieu-chuyen-${r.id.slice(0, 8)}`, 'docx') };
}

/**
 * The template sample (`documents sample`): a draft slip for a made-up report; nothing is
 * issued. Never a stored report: on a live install the sample file would carry a citizen's
 * own words out of the case desk.
 */
export async function slipSample(db: Db): Promise<Record<string, Buffer>> {
  const r = await illustrativeReport(db);
  const agency = r && ((await agencyOf(db, r.agency_org_id)) ?? (await listAgencies(db))[0]);
  if (!r || !agency || !r.commune_org_id) return {};
  const spec = await slipSpec(db, { r, orgId: r.commune_org_id, agency, answerBy: r.deadline_on });
  const year = Number(todayVn().slice(0, 4));
  return { 'phieu-chuyen.docx': await renderDocx(spec, { number: null, date: null, draftYear: year }) };
}

/** A made-up report (never stored), so the operator can check the slip's template. */
async function illustrativeReport(db: Db): Promise<ReportRow | null> {
  const found = await sampleCommuneAndCategory(db);
  if (!found) return null;
  const today = todayVn();
  return {
    id: '00000000-0000-4000-8000-000000000000',
    category_id: found.category.id,
    created_at: new Date().toISOString(),
    observed_on: today,
    description: 'Nội dung phản ánh mẫu (văn bản mẫu, không phải phản ánh thật).',
    location_text: null,
    village_unit_id: null,
    commune_unit_id: found.org.admin_unit_id,
    commune_org_id: found.org.id,
    agency_org_id: null,
    deadline_on: null
  } as Partial<ReportRow> as ReportRow;
}
