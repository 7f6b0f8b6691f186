/**
 * The forwarding slip (phiếu chuyển) that goes with a report forwarded to the competent
 * agency, in the Decree-30 form, numbered in the forwarding association's register. It is
 * built from the case itself — what, where, when, the reporter's own words and the answer
 * deadline — and never names the reporter: their identity stays with the association.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import {
  KINDS,
  documentsFor,
  issueDocument,
  issuerAndSigner,
  p,
  paragraphs,
  type DocumentSpec,
  type IssuedDocument
} from '$lib/server/documents';
import { dmy } from '$lib/shared/reporting/periods';
import { todayVn } from '$lib/shared/format';
import { categoryOf, unitNames, type ReportRow } from './workflow.repository';

/** What issued slips are linked to in the register. */
export const SLIP_LINK = 'report';

export interface SlipFacts {
  r: ReportRow;
  /** the association that forwards (its register numbers the slip) */
  orgId: string;
  agency: { id: string; name: string };
  /** the agency's acceptance deadline, 'YYYY-MM-DD' */
  answerBy: string | null;
}

const ref = (id: string) => id.slice(0, 8).toUpperCase();

async function whereText(db: Db, r: ReportRow): Promise<string> {
  const names = await unitNames(db, [r.village_unit_id, r.commune_unit_id]);
  const parts = [r.location_text, r.village_unit_id && names[r.village_unit_id], names[r.commune_unit_id ?? '']];
  return parts.filter((x): x is string => !!x && !!x.trim()).join(', ') || 'chưa xác định';
}

export async function slipSpec(db: Db, f: SlipFacts): Promise<DocumentSpec> {
  const { issuer, signer } = await issuerAndSigner(db, f.orgId);
  const category = await categoryOf(db, f.r.category_id);
  const what = category?.name_vi ?? 'vi phạm';
  const body = [
    p({ text: `Kính gửi: ${f.agency.name}.` }),
    p(
      `Ngày ${dmy(todayVn(new Date(f.r.created_at)))}, ${issuer.name} nhận được phản ánh mã số ${ref(f.r.id)} ` +
        `về ${what.toLocaleLowerCase('vi')}, phát hiện ngày ${dmy(f.r.observed_on)} tại ${await whereText(db, f.r)}.`
    ),
    p({ text: 'Nội dung phản ánh:', bold: true }),
    ...paragraphs(f.r.description),
    p(
      `Căn cứ chức năng, nhiệm vụ và quy chế phối hợp, ${issuer.name} chuyển phản ánh nêu trên đến ` +
        `${f.agency.name} để xem xét, giải quyết theo thẩm quyền` +
        (f.answerBy ? ` và đề nghị tiếp nhận, thông báo cho Hội trước ngày ${dmy(f.answerBy)}.` : '.')
    ),
    p(
      'Thông tin về người phản ánh được Hội giữ bí mật theo quy định; mọi trao đổi về vụ việc xin gửi về Hội ' +
        `kèm mã số ${ref(f.r.id)}.`
    )
  ];
  return {
    kind: KINDS.PC,
    issuers: [issuer],
    subject: `Chuyển phản ánh mã số ${ref(f.r.id)} về ${what.toLocaleLowerCase('vi')}`,
    body,
    signers: [signer],
    recipients: [f.agency.name],
    archive: [`Hồ sơ ${ref(f.r.id)}`]
  };
}

/** Issue the slip in the caller's transaction (forwarding and numbering commit or fail together). */
export async function issueSlip(tx: Db, actor: Actor, f: SlipFacts, now: Date): Promise<IssuedDocument> {
  const spec = await slipSpec(tx, f);
  return issueDocument(tx, actor, { spec, links: [{ entityType: SLIP_LINK, entityId: f.r.id }] }, now);
}

/** The slips issued for a report, newest first (the caller checked it may read the report). */
export async function slipsOf(db: Db, reportId: string) {
  const docs = await documentsFor(db, SLIP_LINK, [reportId]);
  return docs
    .filter((d) => d.typeCode === KINDS.PC.code)
    .sort((a, b) => (a.issuedOn === b.issuedOn ? b.number - a.number : a.issuedOn < b.issuedOn ? 1 : -1))
    .map((d) => ({ id: d.id, numberText: d.numberText, issuedOn: d.issuedOn }));
}
