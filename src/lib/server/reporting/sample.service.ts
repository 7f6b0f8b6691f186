/**
 * One of each generated report document for the top organisation, for an operator checking
 * the templates (`npm run cli -- documents sample --out DIR`): nothing is written to the
 * database or the register; the documents carry the draft number "…/BC-…".
 */
import type { Db } from '$lib/server/db';
import { SYSTEM } from '$lib/server/access/actor';
import { renderAnnex, renderDocx } from '$lib/server/documents';
import { periodContaining, periodTitle, type Period } from '$lib/shared/reporting/periods';
import { reportSubject, type ReportKind } from '$lib/shared/reporting/sections';
import { todayVn } from '$lib/shared/format';
import { computeFigures } from './figures.service';
import { draftNarrative } from './draft-text';
import { reportAnnex, reportSpec } from './report.document';
import { cutoffOf } from './report.service';
import { firstTopAssociation } from './reporting.repository';

export async function reportDocuments(db: Db, orgId: string, orgName: string, kind: ReportKind, period: Period) {
  const figures = await computeFigures(db, SYSTEM, orgId, period);
  const title = reportSubject(kind, periodTitle(period));
  const content = {
    orgId,
    title,
    start: period.start,
    end: period.end,
    narrative: draftNarrative(orgName, periodTitle(period), figures),
    figures
  };
  const spec = await reportSpec(db, content);
  const [docx, annex] = await Promise.all([
    renderDocx(spec, { number: null, date: null, draftYear: Number(period.end.slice(0, 4)) }),
    renderAnnex(reportAnnex(content, spec.issuers[0].name))
  ]);
  return { title, docx, annex };
}

/** The quarterly report of the first top-level association (the quarter that contains today). */
export async function sampleDocuments(db: Db, today = todayVn()) {
  const org = await firstTopAssociation(db);
  if (!org) return null;
  const period = periodContaining('quarter', today, await cutoffOf(db, org.id));
  const report = await reportDocuments(db, org.id, org.name, 'periodic', period);
  return { org: org.name, files: { 'bao-cao.docx': report.docx, 'bao-cao-phu-luc.xlsx': report.annex } };
}
