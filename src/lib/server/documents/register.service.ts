/**
 * The register of outgoing documents (sổ văn bản đi). `issueDocument` gives a document the
 * next number of its lead issuer for its type in the current year (by the Vietnam date, so
 * numbering restarts at 01 on 1 January), renders it with that number and date, stores the
 * file, records what it was issued for and audits it — all in one transaction, so a failure
 * anywhere gives the number back and no number is ever skipped or used twice.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import type { Action } from '$lib/shared/roles';
import { inScope, requireAction, scopeSubquery } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { inTransaction } from '$lib/server/db/transaction';
import { readJson } from '$lib/server/db/dialect';
import { todayVn } from '$lib/shared/format';
import { renderAnnex, type AnnexSpec } from './annex';
import { renderDocx } from './docx/render';
import { DOCX_MIME, XLSX_MIME, fileNameOf, readIssuedFile, sha256, storeIssuedFile } from './files';
import { documentNumber } from './format';
import { KIND_CODE } from './kinds';
import type { DocumentSpec } from './spec';
import { ISSUE, READ_REGISTER } from './issuer.service';
import * as repo from './register.repository';

export interface DocumentLink {
  /** what the document was issued for: 'period_report', 'report', 'plan', 'program', 'award_decision'… */
  entityType: string;
  entityId: string;
}

export interface IssuedNumber {
  number: number;
  year: number;
  /** "05/BC-HNCT" */
  numberText: string;
  /** 'YYYY-MM-DD' */
  issuedOn: string;
}

export interface IssueRequest {
  spec: DocumentSpec;
  /** the annex tables; a function when they quote the number ("Kèm theo Báo cáo số …") */
  annex?: AnnexSpec | ((n: IssuedNumber) => AnnexSpec);
  links?: DocumentLink[];
  /** the right that lets the actor sign for the issuer, when a service grants it more narrowly than ISSUE */
  right?: Action;
}

export interface IssuedDocument extends IssuedNumber {
  id: string;
  issuerOrgId: string;
  typeCode: string;
  subject: string;
}

async function checkIssue(db: Db, actor: Actor, spec: DocumentSpec, right: Action = ISSUE): Promise<string> {
  requireAction(actor, right);
  const lead = spec.issuers[0];
  if (!lead) throw new AppError('VALIDATION', 'doc_err_issuer');
  if (!KIND_CODE.test(spec.kind.code)) throw new AppError('VALIDATION', 'doc_err_kind');
  if (!(await inScope(db, actor, right, lead.organisationId))) throw notFound();
  return lead.organisationId;
}

async function issueIn(tx: Db, actor: Actor, req: IssueRequest, issuer: string, now: Date): Promise<IssuedDocument> {
  const { spec } = req;
  const issuedOn = todayVn(now);
  const year = Number(issuedOn.slice(0, 4));
  const number = await repo.takeNextNumber(tx, issuer, spec.kind.code, year);
  const symbols = spec.issuers.map((i) => i.symbol);
  const n: IssuedNumber = { number, year, issuedOn, numberText: documentNumber(number, spec.kind, symbols, spec.unit) };
  const id = newId();
  const docx = await renderDocx(spec, { number, date: issuedOn });
  const annexSpec = typeof req.annex === 'function' ? req.annex(n) : req.annex;
  const annex = annexSpec ? await renderAnnex(annexSpec) : null;
  const filePath = await storeIssuedFile(year, `${id}.docx`, docx);
  const annexPath = annex ? await storeIssuedFile(year, `${id}-annex.xlsx`, annex) : null;
  const signer = spec.signers[0];
  const links = (req.links ?? []).map((l) => ({ entity_type: l.entityType, entity_id: l.entityId }));
  const coIssuers = spec.issuers.slice(1).map((i) => i.organisationId);
  await repo.insertIssued(
    tx,
    {
      id,
      issuer_org_id: issuer,
      type_code: spec.kind.code,
      year,
      number,
      number_text: n.numberText,
      issued_on: issuedOn,
      co_issuers: coIssuers.length ? JSON.stringify(coIssuers) : null,
      signer_name: signer?.name || null,
      signer_title: signer?.title ?? null,
      subject: spec.subject,
      file_path: filePath,
      file_sha256: sha256(docx),
      annex_path: annexPath,
      issued_by: actor.accountId,
      created_at: nowIso()
    },
    links
  );
  await audit(tx, actor, {
    action: 'document.issue',
    entityType: 'issued_document',
    entityId: id,
    organisationId: issuer,
    after: { number: n.numberText, type: spec.kind.code, year, issued_on: issuedOn, subject: spec.subject, links }
  });
  return { ...n, id, issuerOrgId: issuer, typeCode: spec.kind.code, subject: spec.subject };
}

/**
 * Issue a document. Runs in its own transaction, or inside the caller's when `db` is one
 * (e.g. forwarding a report and issuing its forwarding slip commit or fail together).
 * `now` is the clock (tests inject one); the number's year is Vietnam's year at `now`.
 */
export async function issueDocument(
  db: Db,
  actor: Actor,
  req: IssueRequest,
  now = new Date()
): Promise<IssuedDocument> {
  const issuer = await checkIssue(db, actor, req.spec, req.right);
  if (db.isTransaction) return issueIn(db, actor, req, issuer, now);
  return inTransaction(db, (tx) => issueIn(tx, actor, req, issuer, now));
}

type Row = NonNullable<Awaited<ReturnType<typeof repo.findIssued>>>;

const view = (r: Row) => ({
  id: r.id,
  issuerOrgId: r.issuer_org_id,
  issuerName: r.issuer_name,
  typeCode: r.type_code,
  year: r.year,
  number: r.number,
  numberText: r.number_text,
  issuedOn: r.issued_on,
  coIssuers: readJson<string[]>(r.co_issuers) ?? [],
  signerName: r.signer_name,
  signerTitle: r.signer_title,
  subject: r.subject,
  hasAnnex: !!r.annex_path
});
export type RegisterEntry = ReturnType<typeof view>;

/** The register of the organisations the actor may read, newest first. */
export async function listRegister(
  db: Db,
  actor: Actor,
  f: repo.RegisterFilter = {},
  limit = 100,
  offset = 0
): Promise<RegisterEntry[]> {
  requireAction(actor, READ_REGISTER);
  const rows = await repo.listIssued(db, scopeSubquery(db, actor, READ_REGISTER), f, limit, offset);
  return rows.map(view);
}

export async function getIssued(db: Db, actor: Actor, id: string): Promise<RegisterEntry> {
  requireAction(actor, READ_REGISTER);
  const row = await repo.findIssued(db, id, scopeSubquery(db, actor, READ_REGISTER));
  if (!row) throw notFound();
  return view(row);
}

/** The documents issued for some records of one type (no access check: callers checked the records). */
export async function documentsFor(db: Db, entityType: string, entityIds: string[]) {
  const rows = await repo.issuedFor(db, entityType, entityIds);
  return rows.map((r) => ({ ...view(r), entityId: r.entity_id }));
}

/** The stored file of an issued document, exactly as it was issued. */
export async function issuedFile(
  db: Db,
  actor: Actor,
  id: string,
  which: 'docx' | 'annex' = 'docx'
): Promise<{ body: Buffer; mime: string; name: string }> {
  requireAction(actor, READ_REGISTER);
  const row = await repo.findIssued(db, id, scopeSubquery(db, actor, READ_REGISTER));
  const rel = which === 'docx' ? row?.file_path : row?.annex_path;
  if (!row || !rel) throw notFound();
  const ext = which === 'docx' ? 'docx' : 'xlsx';
  const name = fileNameOf(which === 'docx' ? row.number_text : `${row.number_text}-phu-luc`, ext);
  return { body: await readIssuedFile(rel), mime: which === 'docx' ? DOCX_MIME : XLSX_MIME, name };
}
