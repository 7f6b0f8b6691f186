/**
 * The award papers as Decree-30 documents: the decision (quyết định khen thưởng) a level
 * issues, and the dossier a council sends up with a nomination — the proposal (tờ trình),
 * the council minutes with the vote counts (biên bản), the list proposed (danh sách) and a
 * report of achievements (báo cáo thành tích) per candidate, built from the evidence.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { can, inScope, requireAction, scopeSubquery } from '$lib/server/access/access';
import { notFound } from '$lib/server/errors';
import { config } from '$lib/server/config';
import { readJson } from '$lib/server/db/dialect';
import { t } from '$lib/server/i18n';
import { formatDate, formatNumber } from '$lib/shared/format';
import { cashAmount } from '$lib/shared/emulation/rules';
import { KINDS, h1, issuerAndSigner, p, renderDocx, table, type DocumentSpec } from '$lib/server/documents';
import * as regs from './registration.repository';
import { nominatedFrom, nominationTargets } from './award.repository';
import { campaignRow } from './campaign.service';
import { evaluationForm } from './evidence.service';
import type { DecisionInput } from './emulation.schema';
import { MANAGE, READ } from './policy';

const LEGAL_BASIS = [
  'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;',
  'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;'
];

export const formName = (code: string) => t(`emu_form_${code}`);

type Named = Awaited<ReturnType<typeof regs.namesOf>>[number];
const nameOf = (r: Named) => r.person_name ?? r.household_name ?? r.subject_org_name ?? '';

/** The decision's spec; the register gives it its number when issued. */
export async function decisionSpec(db: Db, input: DecisionInput, registrationIds: string[]): Promise<DocumentSpec> {
  const { issuer, signer } = await issuerAndSigner(db, input.organisation_id);
  const rows = await regs.namesOf(db, registrationIds);
  const campaign = rows[0] ? await campaignRow(db, rows[0].campaign_id) : null;
  const form = formName(input.award_form);
  const cash = rows.map((r) => cashAmount(input.award_form, r.subject_kind !== 'person', config.BASE_SALARY_VND));
  return {
    kind: KINDS.QĐ,
    issuers: [issuer],
    subject: `Về việc tặng ${form}`,
    body: [
      ...LEGAL_BASIS.map((l) => p(l)),
      p(`Xét thành tích trong phong trào thi đua “${campaign?.name ?? ''}”,`),
      p({ text: 'QUYẾT ĐỊNH:', bold: true }),
      p({ text: 'Điều 1. ', bold: true }, `Tặng ${form} cho ${rows.length} tập thể, cá nhân có tên sau:`),
      table({
        columns: [
          { title: 'STT', width: 0.5, align: 'center' },
          { title: 'Tập thể, cá nhân', width: 3 },
          { title: 'Đơn vị', width: 3 },
          { title: 'Tiền thưởng (đồng)', width: 1.5, align: 'right' }
        ],
        rows: rows.map((r, i) => [i + 1, nameOf(r), r.organisation_name, cash[i].amount]),
        totals: ['', 'Tổng cộng', '', cash.reduce((s, c) => s + c.amount, 0)]
      }),
      // A form without cash (a commune's title) has no article on the reward money.
      ...(cash[0]?.multiple
        ? [
            p(
              { text: 'Điều 2. ', bold: true },
              `Tiền thưởng bằng ${cash[0].multiple} lần mức lương cơ sở (${formatNumber(config.BASE_SALARY_VND)} đồng) theo quy định hiện hành.`
            )
          ]
        : []),
      p(
        { text: `Điều ${cash[0]?.multiple ? 3 : 2}. `, bold: true },
        `Văn phòng và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.`
      )
    ],
    signers: [{ ...signer, name: input.signer_name }],
    recipients: [`Như Điều ${cash[0]?.multiple ? 3 : 2}`],
    archive: ['VP']
  };
}

/**
 * Which of the council's registrations the actor reads in its dossier: all, for the council's
 * own managers; for the level they were nominated to (the Sở deciding its Giấy khen), only those
 * standing before it, pending or decided. Anyone else — another Sở, after a nomination was
 * returned — finds no dossier at all.
 */
async function readableOf(db: Db, actor: Actor, organisationId: string, campaignId: string) {
  requireAction(actor, READ);
  if (can(actor, MANAGE) && (await inScope(db, actor, MANAGE, organisationId))) return null;
  const ids = await nominatedFrom(db, organisationId, campaignId, scopeSubquery(db, actor, READ));
  if (!ids.length) throw notFound();
  return new Set(ids);
}

async function councilOf(db: Db, actor: Actor, organisationId: string, campaignId: string) {
  const readable = await readableOf(db, actor, organisationId, campaignId);
  const campaign = await campaignRow(db, campaignId);
  const regsIn = (await regs.listRegistrationRows(db, regs.subtreeOf(db, organisationId), { campaignId })).filter(
    (r) => !readable || readable.has(r.id)
  );
  const votes = (
    await regs.votesOf(
      db,
      regsIn.map((r) => r.id)
    )
  ).filter((v) => v.organisation_id === organisationId);
  return { campaign, regsIn, votes };
}

/** The report of achievements of the n-th (1-based) candidate the council passed. */
export const reportFile = (n: number) => `bao-cao-thanh-tich-${n}.docx`;

/**
 * What a council's dossier holds without rendering it: one achievement report per candidate
 * it passed, in the order of the list, so the page can link each by the candidate's name.
 */
export async function dossierIndex(db: Db, actor: Actor, organisationId: string, campaignId: string) {
  const { regsIn, votes } = await councilOf(db, actor, organisationId, campaignId);
  const byId = new Map(regsIn.map((r) => [r.id, r]));
  return votes
    .filter((v) => v.passed && byId.has(v.registration_id))
    .map((v, i) => ({ file: reportFile(i + 1), name: nameOf(byId.get(v.registration_id)!) }));
}

/** The dossier a council sends up: four .docx drafts (numbers are given when they are issued). */
export async function dossier(db: Db, actor: Actor, organisationId: string, campaignId: string) {
  const { campaign, regsIn, votes } = await councilOf(db, actor, organisationId, campaignId);
  const { issuer, signer } = await issuerAndSigner(db, organisationId);
  const byId = new Map(regsIn.map((r) => [r.id, r]));
  const passed = votes.filter((v) => v.passed);
  const base = { issuers: [issuer], signers: [signer], archive: ['VP'] };
  const listRows = passed.map((v, i) => [
    i + 1,
    nameOf(byId.get(v.registration_id)!),
    byId.get(v.registration_id)!.organisation_name,
    formName(v.award_form)
  ]);
  const listTable = table({
    columns: [
      { title: 'STT', width: 0.5, align: 'center' },
      { title: 'Tập thể, cá nhân', width: 3 },
      { title: 'Đơn vị', width: 3 },
      { title: 'Hình thức đề nghị', width: 2.5 }
    ],
    rows: listRows
  });
  const meeting = votes.at(-1);
  // Addressed to the levels the nominations went to: for an environment collective that is the
  // Sở itself, which is not above the association in its chain.
  const targets = await nominationTargets(db, organisationId, campaignId);
  const members = readJson<{ name: string; role: string | null }[]>(meeting?.members) ?? [];
  const files: Record<string, Buffer> = {};
  files['to-trinh.docx'] = await renderDocx({
    ...base,
    kind: KINDS.TTr,
    subject: 'Đề nghị khen thưởng trong phong trào thi đua',
    recipients: targets.length ? targets.map((o) => o.name) : ['Hội đồng Thi đua – Khen thưởng cấp trên'],
    body: [
      ...(targets.length ? [p({ text: 'Kính gửi: ', bold: true }, targets.map((o) => o.name).join('; '))] : []),
      ...LEGAL_BASIS.map((l) => p(l)),
      p(
        `Căn cứ kết quả họp Hội đồng Thi đua – Khen thưởng ngày ${formatDate(meeting?.meeting_on)}, ${issuer.name} đề nghị khen thưởng ${passed.length} tập thể, cá nhân có thành tích trong phong trào “${campaign.name}” (danh sách kèm theo).`
      ),
      listTable
    ]
  });
  files['bien-ban.docx'] = await renderDocx({
    ...base,
    kind: KINDS.BB,
    subject: 'Họp Hội đồng Thi đua – Khen thưởng',
    recipients: ['Hồ sơ khen thưởng'],
    body: [
      p(
        `Ngày họp: ${formatDate(meeting?.meeting_on)}. Thành viên Hội đồng: ${meeting?.members_total ?? 0}; có mặt: ${meeting?.members_present ?? 0}.`
      ),
      p(`Thành viên: ${members.map((m) => m.name + (m.role ? ` (${m.role})` : '')).join('; ')}.`),
      h1('Kết quả biểu quyết'),
      table({
        columns: [
          { title: 'STT', width: 0.5, align: 'center' },
          { title: 'Tập thể, cá nhân', width: 3 },
          { title: 'Hình thức', width: 2.5 },
          { title: 'Đồng ý', align: 'right' },
          { title: 'Không đồng ý', align: 'right' },
          { title: 'Không biểu quyết', align: 'right' },
          { title: 'Kết quả', width: 1.2 }
        ],
        rows: votes.map((v, i) => [
          i + 1,
          nameOf(byId.get(v.registration_id)!),
          formName(v.award_form),
          v.in_favour,
          v.against,
          v.abstain,
          v.passed ? 'Đạt' : 'Không đạt'
        ])
      })
    ]
  });
  files['danh-sach.docx'] = await renderDocx({
    ...base,
    kind: { code: 'DS', name: 'Danh sách', symbol: 'DS', titled: true },
    subject: 'Đề nghị khen thưởng',
    recipients: ['Hồ sơ khen thưởng'],
    body: [listTable]
  });
  for (const [i, v] of passed.entries()) {
    const form = await evaluationForm(db, actor, v.registration_id);
    files[reportFile(i + 1)] = await renderDocx({
      ...base,
      kind: KINDS.BC,
      subject: `Thành tích của ${form.registration.subject_name}`,
      recipients: ['Hồ sơ khen thưởng'],
      body: [
        h1('I. SƠ LƯỢC'),
        p(`${form.registration.subject_name} — ${form.registration.organisation_name}.`),
        h1('II. THÀNH TÍCH ĐẠT ĐƯỢC'),
        table({
          columns: [
            { title: 'Tiêu chí', width: 4 },
            { title: 'Số liệu từ hồ sơ', align: 'right' },
            { title: 'Điểm', align: 'right' }
          ],
          rows: form.lines.map((l) => [l.name, l.count, pointsOf(form.registration, l)]),
          totals: ['Tổng điểm', '', form.registration.branch_score ?? form.suggestedTotal]
        }),
        p(
          `Tổng điểm theo kết quả bình xét của ${form.registration.organisation_name}, là căn cứ để Hội đồng Thi đua – Khen thưởng biểu quyết` +
            (form.registration.branch_points
              ? '.'
              : ' (bản đánh giá không ghi điểm từng tiêu chí; cột Điểm là điểm gợi ý từ hồ sơ).')
        ),
        ...manualSection(form.manual)
      ]
    });
  }
  return files;
}

type Manual = Awaited<ReturnType<typeof evaluationForm>>['manual'];

/**
 * The points the assessment the council voted on gave a criterion: the report carries the score
 * the award was decided on, not the records' suggestion (an assessment made before the breakdown
 * was kept shows the suggestion for criteria from the records, and nothing for those by hand).
 */
function pointsOf(r: { branch_points: string | null }, l: { code: string; suggested: number | null }) {
  const given = readJson<Record<string, number>>(r.branch_points);
  return given ? (given[l.code] ?? '') : (l.suggested ?? '');
}

/** Manual evidence in the report, each with the photos and documents filed with it (kept in the record). */
function manualSection(manual: Manual) {
  if (!manual.length) return [];
  return [
    h1('III. MINH CHỨNG BỔ SUNG'),
    ...manual.map((e, i) =>
      p(
        `${i + 1}. ${e.description}` +
          (e.files.length ? ` (kèm theo: ${e.files.map((f) => f.file_name).join('; ')})` : '')
      )
    )
  ];
}
