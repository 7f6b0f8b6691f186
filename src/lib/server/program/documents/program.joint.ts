/**
 * The cooperation program as a joint document (văn bản liên tịch): every party's issuing
 * body in the header (the owner first), the number from the owner's register with every
 * party's symbol ("01/CTr-HNCT-CCKL"), and one signature block per party.
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
  type Block,
  type DocumentSpec
} from '$lib/server/documents';
import { dmy } from '$lib/shared/reporting/periods';

const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

export interface ProgramFacts {
  title: string;
  periodFrom: string;
  periodTo: string;
  objectives: string | null;
  contentAreas: string[];
  /** the owner first, then the other parties */
  parties: { id: string; name: string }[];
}

function duties(f: ProgramFacts): Block[] {
  const [lead, ...others] = f.parties;
  const out: Block[] = [h1('III. TỔ CHỨC THỰC HIỆN')];
  out.push(
    h2(`1. ${lead.name}`),
    p(
      'Chủ trì triển khai Chương trình trong hệ thống Hội; vận động hội viên phát hiện, phản ánh vi phạm; ' +
        'chuyển phản ánh đến cơ quan có thẩm quyền và theo dõi kết quả xử lý; chủ trì sơ kết, tổng kết.'
    )
  );
  others.forEach((o, i) =>
    out.push(
      h2(`${i + 2}. ${o.name}`),
      p(
        'Phối hợp tuyên truyền, tập huấn kiến thức pháp luật; tiếp nhận, xử lý các phản ánh do Hội chuyển đến ' +
          'theo thẩm quyền và thông báo kết quả; cử cán bộ đầu mối phối hợp.'
      )
    )
  );
  out.push(
    h2(`${f.parties.length + 1}. Chế độ thông tin, báo cáo`),
    p(
      `Chương trình thực hiện từ ngày ${dmy(f.periodFrom)} đến ngày ${dmy(f.periodTo)}. Các bên trao đổi thông tin ` +
        'định kỳ 6 tháng, năm; sơ kết giữa kỳ và tổng kết khi kết thúc. Trong quá trình thực hiện, nội dung cần ' +
        'sửa đổi, bổ sung do các bên cùng thống nhất.'
    )
  );
  return out;
}

export async function programSpec(db: Db, f: ProgramFacts): Promise<DocumentSpec> {
  const both = await Promise.all(f.parties.map((o) => issuerAndSigner(db, o.id)));
  const objectives = paragraphs(f.objectives);
  const areas = f.contentAreas;
  const names = both.map((b) => b.issuer.name).join(', ');
  const body: Block[] = [
    p(`Căn cứ chức năng, nhiệm vụ, quyền hạn của mỗi bên; ${names} thống nhất ban hành Chương trình phối hợp như sau:`),
    h1('I. MỤC ĐÍCH, YÊU CẦU'),
    ...(objectives.length
      ? objectives
      : [p('Phát huy vai trò người cao tuổi, nâng cao hiệu quả phối hợp giữa các bên.')]),
    h1('II. NỘI DUNG PHỐI HỢP'),
    areas.length
      ? bullets(areas.map((a) => `${a};`))
      : p('Tuyên truyền, vận động; phát hiện, phản ánh và xử lý vi phạm.'),
    ...duties(f)
  ];
  const parents = [...new Set(both.map((b) => b.issuer.parent).filter((x): x is string => !!x))];
  return {
    kind: KINDS.CTr,
    issuers: both.map((b) => b.issuer),
    subject: upperFirst(f.title.replace(/^Chương trình\s+/i, '')),
    body,
    signers: both.map((b) => b.signer),
    recipients: [...parents, 'Các đơn vị trực thuộc các bên'],
    archive: []
  };
}
