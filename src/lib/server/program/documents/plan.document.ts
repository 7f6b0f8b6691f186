/**
 * The yearly plan (kế hoạch) as a Decree-30 document, built from the plan: I. Mục đích, yêu
 * cầu (the program's objectives), II. Nội dung (the targets, beside what the member
 * organisations registered, and the program's content areas), III. Tổ chức thực hiện (who
 * does what, and the reporting calendar the report module follows).
 */
import type { Db } from '$lib/server/db';
import {
  KINDS,
  bullets,
  h1,
  h2,
  issuerAndSigner,
  p,
  paragraphs,
  table,
  type Block,
  type DocumentSpec
} from '$lib/server/documents';
import { dmy } from '$lib/shared/reporting/periods';
import type { PlanTargetRow } from '../plans/plan.service';

export interface PlanFacts {
  organisationId: string;
  organisationName: string;
  year: number;
  program: { title: string; signedOn: string | null; objectives: string | null; contentAreas: string[] } | null;
  targets: PlanTargetRow[];
  children: string[];
}

const lower = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

function purpose(f: PlanFacts): Block[] {
  const objectives = paragraphs(f.program?.objectives);
  return [
    h1('I. MỤC ĐÍCH, YÊU CẦU'),
    h2('1. Mục đích'),
    ...(objectives.length
      ? objectives
      : [
          p(`Cụ thể hóa nhiệm vụ công tác Hội năm ${f.year}, phát huy vai trò người cao tuổi trong phong trào ở cơ sở.`)
        ]),
    h2('2. Yêu cầu'),
    bullets([
      'Các chỉ tiêu bám sát kết quả thực hiện năm trước và điều kiện thực tế của từng đơn vị;',
      'Phân công cụ thể, gắn trách nhiệm của tập thể, cá nhân; thường xuyên kiểm tra, đôn đốc;',
      'Số liệu báo cáo được tổng hợp từ hoạt động thực tế, đúng thời hạn quy định.'
    ])
  ];
}

function content(f: PlanFacts): Block[] {
  const rows = f.targets.map((t, i) => [i + 1, t.name_vi, t.unit, t.target, t.childrenTarget]);
  const areas = f.program?.contentAreas ?? [];
  return [
    h1('II. NỘI DUNG'),
    h2(`1. Các chỉ tiêu năm ${f.year}`),
    rows.length
      ? table({
          columns: [
            { title: 'TT', width: 0.6, align: 'center' },
            { title: 'Chỉ tiêu', width: 4 },
            { title: 'Đơn vị tính', width: 1.4, align: 'center' },
            { title: 'Kế hoạch năm', width: 1.4, align: 'right' },
            { title: 'Đơn vị trực thuộc đăng ký', width: 1.6, align: 'right' }
          ],
          rows
        })
      : p('Chưa giao chỉ tiêu cụ thể; các đơn vị đăng ký chỉ tiêu trước ngày 31/01.'),
    h2('2. Nhiệm vụ trọng tâm'),
    areas.length
      ? bullets(areas.map((a) => `${a};`))
      : p('Tuyên truyền, vận động hội viên; phát hiện, phản ánh vi phạm; xây dựng và nhân rộng mô hình hiệu quả.')
  ];
}

function organisation(f: PlanFacts): Block[] {
  const out: Block[] = [
    h1('III. TỔ CHỨC THỰC HIỆN'),
    h2(`1. ${f.organisationName}`),
    p('Chỉ đạo, hướng dẫn, kiểm tra việc thực hiện kế hoạch; tổng hợp kết quả, báo cáo cấp trên theo quy định.'),
    h2('2. Các đơn vị trực thuộc')
  ];
  out.push(
    f.children.length
      ? p(`${f.children.join(', ')} xây dựng kế hoạch của đơn vị, tổ chức thực hiện các chỉ tiêu đã đăng ký.`)
      : p('Căn cứ kế hoạch này xây dựng kế hoạch của đơn vị, tổ chức thực hiện các chỉ tiêu đã đăng ký.')
  );
  out.push(
    h2('3. Chế độ báo cáo'),
    p(
      'Các đơn vị báo cáo kết quả định kỳ trên Chung Sức: số liệu tính từ ngày 15 của kỳ trước đến ngày 14 của kỳ báo cáo ' +
        `(báo cáo năm từ ngày 15/12/${f.year - 1} đến ngày 14/12/${f.year}), gửi về ${f.organisationName} đúng hạn.`
    ),
    p('Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị phản ánh kịp thời để xem xét, giải quyết.')
  );
  return out;
}

export async function planSpec(db: Db, f: PlanFacts): Promise<DocumentSpec> {
  const { issuer, signer } = await issuerAndSigner(db, f.organisationId);
  const basis: Block[] = f.program
    ? [
        p(
          `Căn cứ ${f.program.title}` +
            (f.program.signedOn ? ` ký ngày ${dmy(f.program.signedOn)};` : ';') +
            ` ${issuer.name} xây dựng Kế hoạch thực hiện năm ${f.year} như sau:`
        )
      ]
    : [p(`${issuer.name} xây dựng Kế hoạch công tác năm ${f.year} như sau:`)];
  return {
    kind: KINDS.KH,
    issuers: [issuer],
    subject: f.program ? `Thực hiện ${lower(f.program.title)} năm ${f.year}` : `Công tác Hội năm ${f.year}`,
    body: [...basis, ...purpose(f), ...content(f), ...organisation(f)],
    signers: [signer],
    recipients: [...(issuer.parent ? [issuer.parent] : []), ...(f.children.length ? ['Các đơn vị trực thuộc'] : [])],
    archive: []
  };
}
