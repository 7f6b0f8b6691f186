/** The demo's programs, plans and models (facts of the 2017 Lai Châu program; the rest illustrative). */
import type { ModelStatus } from '$lib/shared/program/kinds';

export const MANUAL_INDICATORS: [string, string, string, string][] = [
  ['recommendations', 'Số kiến nghị gửi cấp ủy, chính quyền', 'Recommendations sent to the authorities', 'kiến nghị'],
  ['violations_stopped', 'Số vụ vi phạm được phát hiện, ngăn chặn', 'Violations detected and stopped', 'vụ']
];

const CONTENT_2017 = [
  'Phát hiện, ngăn chặn và thông tin vi phạm pháp luật về tài nguyên, môi trường',
  'Tham mưu cấp ủy, chính quyền; gửi kiến nghị',
  'Tuyên truyền bảo vệ môi trường, ứng phó biến đổi khí hậu; vận động gia đình ký cam kết',
  'Tuyên truyền Luật Người cao tuổi cho cán bộ ngành tài nguyên và môi trường',
  'Hội nghị, hội thảo, tập huấn',
  'Xây dựng và nhân rộng mô hình, cách làm hiệu quả'
];

export const PROGRAMS = [
  {
    key: 'p2017',
    owner: 'hoi_tinh',
    parties: ['hoi_tinh', 'so_tnmt'],
    title:
      'Chương trình phối hợp giữa Hội Người cao tuổi tỉnh và Sở Tài nguyên và Môi trường tỉnh Lai Châu giai đoạn 2017–2022',
    signed_on: '2017-10-24',
    period_from: '2017-10-24',
    period_to: '2022-12-31',
    objectives: 'Phát huy vai trò người cao tuổi tham gia quản lý tài nguyên, bảo vệ môi trường ở các cấp hội.',
    content_areas: CONTENT_2017
  },
  {
    key: 'p2022',
    owner: 'hoi_tinh',
    parties: ['hoi_tinh', 'so_nnmt'],
    title: 'Chương trình phối hợp "Người cao tuổi chung sức quản lý tài nguyên, bảo vệ môi trường" giai đoạn 2022–2026',
    signed_on: null,
    period_from: '2022-01-01',
    period_to: '2026-12-31',
    objectives: 'Tiếp nối kết quả giai đoạn 2017–2022; gắn với tiêu chí môi trường trong xây dựng nông thôn mới.',
    content_areas: [...CONTENT_2017, 'Phong trào "Tuổi cao – Gương sáng", biểu dương điển hình tiên tiến']
  }
];

export const PLANS_2026: Record<string, Record<string, number>> = {
  hoi_tinh: {
    outreach_sessions: 40,
    outreach_participants: 2000,
    trainings: 5,
    new_models: 3,
    commitments_households: 500
  },
  hoi_03388: {
    outreach_sessions: 12,
    outreach_participants: 600,
    trainings: 2,
    new_models: 1,
    commitments_households: 150
  },
  hoi_03390: {
    outreach_sessions: 8,
    outreach_participants: 400,
    trainings: 1,
    new_models: 1,
    commitments_households: 100
  }
};

interface DemoModel {
  key: string;
  name: string;
  kind: string;
  org: string;
  unit: string;
  started_on: string;
  ended_on?: string;
  people: number;
  status: ModelStatus;
  evidence: string;
  recognised_by?: string;
  recognised_on?: string;
  from?: string;
  results: [string, number, string, string][];
}

/** The stream-cleaning group of Bản Mẫu Một was replicated in two other villages. */
export const MODELS: DemoModel[] = [
  {
    key: 'stream',
    name: 'Tổ người cao tuổi tự quản giữ sạch suối Nậm Lọong',
    kind: 'clean_stream',
    org: 'chihoi_ban_demo_1',
    unit: 'ban_demo_1',
    started_on: '2025-07-15',
    people: 18,
    status: 'active',
    evidence: 'Biên bản ra mắt tổ tự quản; ảnh trước và sau khi dọn suối.',
    recognised_by: 'UBND phường Đoàn Kết',
    recognised_on: '2025-12-20',
    results: [
      ['Rác thu gom từ lòng suối', 3.5, 'tấn', '2025-12-15'],
      ['Đoạn suối được giữ sạch', 2, 'km', '2025-12-15']
    ]
  },
  {
    key: 'stream2',
    name: 'Tổ người cao tuổi giữ sạch suối Bản Mẫu Hai',
    kind: 'clean_stream',
    org: 'chihoi_ban_demo_2',
    unit: 'ban_demo_2',
    started_on: '2026-02-10',
    people: 12,
    status: 'active',
    evidence: 'Quyết định thành lập tổ của chi hội.',
    from: 'stream',
    results: [['Rác thu gom từ lòng suối', 1.2, 'tấn', '2026-06-30']]
  },
  {
    key: 'stream3',
    name: 'Tổ người cao tuổi giữ sạch suối Bản Mẫu Ba',
    kind: 'clean_stream',
    org: 'chihoi_ban_demo_3',
    unit: 'ban_demo_3',
    started_on: '2026-04-05',
    people: 9,
    status: 'active',
    evidence: 'Biên bản họp bản.',
    from: 'stream',
    results: [['Hộ tham gia dọn suối hằng tháng', 40, 'hộ', '2026-06-30']]
  },
  {
    key: 'waste',
    name: 'Điểm thu gom vỏ bao bì thuốc bảo vệ thực vật',
    kind: 'waste_point',
    org: 'hoi_03390',
    unit: '03390',
    started_on: '2025-09-01',
    people: 6,
    status: 'paused',
    evidence: 'Ảnh bể chứa; sổ ghi chép thu gom.',
    results: [['Vỏ bao bì được thu gom', 120, 'kg', '2026-03-31']]
  },
  {
    key: 'trees',
    name: 'Vườn cây người cao tuổi phường Đoàn Kết',
    kind: 'tree_planting',
    org: 'hoi_03388',
    unit: '03388',
    started_on: '2025-08-01',
    ended_on: '2026-05-31',
    people: 25,
    status: 'ended',
    evidence: 'Danh sách hội viên trồng cây.',
    results: [['Cây xanh được trồng', 350, 'cây', '2026-05-31']]
  }
];
