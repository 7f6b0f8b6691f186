/**
 * Official documents in the form of Decree 30/2020/NĐ-CP, and the register of outgoing
 * documents (sổ văn bản đi). Used by periodic reports, plans, programs, forwarding slips and
 * award papers alike; nothing here knows those domains.
 *
 * 1. Describe the document as data (spec.ts). The kind is data too (kinds.ts: KINDS.BC,
 *    KINDS.TTr, KINDS.QĐ, KINDS.BB, KINDS.CV… or any { code, name, symbol, titled } of your own):
 *
 *      const { issuer, signer } = await issuerAndSigner(db, orgId);
 *      const spec: DocumentSpec = {
 *        kind: KINDS.TTr,
 *        issuers: [issuer],                 // several = a joint document, the lead first
 *        subject: 'Đề nghị tặng Giấy khen cho các tập thể, cá nhân',
 *        body: [h1('I. …'), p('Căn cứ …'), table({ columns, rows, totals })],
 *        signers: [signer],                 // one per issuer, same order
 *        recipients: ['Như trên', 'Ban Thường vụ Hội NCT tỉnh'],
 *        archive: ['VP']                    // → "- Lưu: VT, VP."
 *      };
 *
 * 2. A draft for preview: `renderDocx(spec)` gives the .docx with "Số: …/TTr-HNCT" and
 *    "ngày … tháng … năm …"; `renderAnnex({ issuer, sheets })` gives annex tables as .xlsx.
 *
 * 3. Issue it: `issueDocument(db, actor, { spec, annex?, links: [{ entityType, entityId }] }, now?)`
 *    takes the next number of the lead issuer's register for the kind's code in the current
 *    (Vietnam) year — 01 again every 1 January — renders and stores the file, links it to
 *    what it was issued for and audits it, in one transaction (or in yours, when `db` is a
 *    transaction). The actor must manage the lead issuer (`ISSUE`). It returns the number
 *    ("05/TTr-HNCT") and the date; `documentsFor(db, entityType, ids)` finds them again,
 *    `issuedFile(db, actor, id)` serves the stored file, `listRegister` lists the register.
 *
 * How an organisation appears (symbol, issuer lines, place, usual signer) is set with
 * `setIssuerProfile`; unset parts fall back to its name, parent and unit (issuer.service.ts).
 */
export { KINDS, kindOf, type DocumentKind } from './kinds';
export { documentNumber, dateLine, numberLine, deriveSymbol, roman, caps, DRAFT_MARK } from './format';
export {
  h1,
  h2,
  h3,
  p,
  bullets,
  table,
  paragraphs,
  type Block,
  type DocumentSpec,
  type Issuer,
  type Signer,
  type Numbering,
  type Cell
} from './spec';
export { renderDocx } from './docx/render';
export { renderAnnex, type AnnexSpec, type AnnexSheet, type AnnexColumn } from './annex';
export {
  issuerOf,
  signerOf,
  issuerAndSigner,
  setIssuerProfile,
  ISSUE,
  type IssuerProfileInput
} from './issuer.service';
export {
  issueDocument,
  listRegister,
  getIssued,
  documentsFor,
  issuedFile,
  type IssueRequest,
  type IssuedDocument,
  type IssuedNumber,
  type DocumentLink,
  type RegisterEntry
} from './register.service';
export { DOCX_MIME, XLSX_MIME, fileNameOf } from './files';
