/**
 * The demo's citizen reports: invented cases in real Lai Châu communes of the seed, written as
 * reporters and officers write them, each with the steps officers and reporters took. Together
 * they reach every status the services can reach (`closed` by the daily closing of settled
 * reports, on a case resolved more than the reopen window ago), a fine, overdue deadlines, protected and on-behalf reports, and a
 * handful published to the public map. People, hamlets and streets in the place texts and
 * decision numbers are invented; the communes and demo villages are the seed's.
 */
import type { Channel, Protection } from '$lib/shared/reports/constants';
import type { Outcome } from '$lib/shared/reports/outcome';
import type { DemoScene } from './demo-seed.photos';

export type DemoOfficer = 'canbo.doanket' | 'canbo.binhlu' | 'canbo.tinh' | 'kiemlam' | 'lanhdao.so';
/** Agencies by their demo names (seed/demo.ts). */
export const DEMO_AGENCIES = {
  kiem_lam: 'Chi cục Kiểm lâm tỉnh Lai Châu',
  moi_truong: 'Chi cục Bảo vệ môi trường',
  so_nnmt: 'Sở Nông nghiệp và Môi trường tỉnh Lai Châu'
} as const;
export type DemoAgency = keyof typeof DEMO_AGENCIES;

/**
 * One step, in order; `daysAgo` backdates the step where the service takes a clock: the
 * deadline a forward or acceptance starts, the moment of a resolution. `close` is the daily
 * run that closes reports whose reopen window has passed.
 */
export type DemoStep =
  | { do: 'verify'; by: DemoOfficer; note: string; visitDaysAgo?: number }
  | { do: 'ask'; by: DemoOfficer; message: string }
  | { do: 'answer'; body: string }
  | { do: 'reject'; by: DemoOfficer; reason: string }
  | { do: 'duplicate'; by: DemoOfficer; of: string; note: string }
  | { do: 'escalate'; by: DemoOfficer; note: string }
  | { do: 'forward'; by: DemoOfficer; to: DemoAgency; note?: string; daysAgo?: number }
  | { do: 'return'; by: DemoOfficer; reason: string }
  | { do: 'accept'; by: DemoOfficer; note?: string; daysAgo?: number }
  | { do: 'assign'; by: DemoOfficer; officer: DemoOfficer }
  | { do: 'act'; by: DemoOfficer; note: string }
  | { do: 'extend'; by: DemoOfficer; reason: string }
  | { do: 'decide'; by: DemoOfficer; approve: boolean; note: string }
  | { do: 'resolve'; by: DemoOfficer; outcome: Outcome; daysAgo?: number }
  | { do: 'rate'; stars: number }
  | { do: 'reopen'; reason: string }
  | { do: 'close' };

export interface DemoCase {
  key: string;
  /** GSO commune code (seed/lai-chau-units.ts). */
  commune: string;
  /** A demo village's name, when the reporter picked one. */
  village?: string;
  category: string;
  channel?: Channel;
  protection: Protection;
  reporter?: { name: string; phone?: string; address?: string };
  /** Entered by this officer for the named demo member (on their behalf, signed consent). */
  onBehalf?: { by: DemoOfficer; member: string };
  observedDaysAgo: number;
  /** Received this many days ago (default today). */
  receivedDaysAgo?: number;
  /** Metres north and east of the commune centre, as a phone's GPS would give; none: no point. */
  at?: [number, number];
  place: string;
  description: string;
  violator?: string;
  photos?: DemoScene[];
  steps: DemoStep[];
  /** The association officer who publishes it (fuzzed point, every photo approved). */
  publish?: DemoOfficer;
}

const fine = (decision_no: string, fine_vnd: number, remedies: string, note: string): Outcome => ({
  kind: 'violation_confirmed',
  decision_no,
  decision_date: '',
  fine_vnd,
  remedies,
  note
});

const DK = '03388'; // phường Đoàn Kết
const BL = '03390'; // xã Bình Lư

export const DEMO_CASES: DemoCase[] = [
  {
    key: 'rac-suoi-doan-ket',
    commune: DK,
    category: 'do_rac',
    protection: 'anonymous',
    observedDaysAgo: 2,
    at: [350, -420],
    place: 'Bờ suối cạnh cầu treo, tổ dân phố số 6',
    description:
      'Có người đổ nhiều bao rác sinh hoạt xuống bờ suối vào buổi tối, mùi hôi bốc lên, rác trôi xuống dòng suối.',
    photos: ['rubbish'],
    steps: []
  },
  {
    key: 'cat-soi-binh-lu-moi',
    commune: BL,
    category: 'khai_thac_cat_soi',
    protection: 'confidential',
    reporter: { name: 'Tẩn Thị Mây', phone: '0912345601' },
    observedDaysAgo: 1,
    at: [-600, 800],
    place: 'Bãi bồi suối Nậm Dê, gần bản Séo Xin Chải',
    description: 'Hai máy xúc đang múc cát sỏi dưới lòng suối từ sáng sớm, xe tải chở đi liên tục, bờ suối bị sạt.',
    violator: 'Xe tải không biển số, máy xúc màu vàng',
    steps: []
  },
  {
    key: 'dot-rac-tan-phong',
    commune: '03408',
    category: 'dot_rac',
    protection: 'named',
    reporter: { name: 'Lê Thị Hạnh', phone: '0983112233', address: 'Tổ 3, phường Tân Phong' },
    observedDaysAgo: 5,
    place: 'Khu đất trống sau chợ Tân Phong',
    description: 'Tối nào cũng có người đốt rác nhựa, khói đen bay vào nhà dân, người già và trẻ nhỏ bị ho.',
    steps: [
      {
        do: 'ask',
        by: 'canbo.tinh',
        message: 'Bác cho Hội biết thêm khoảng mấy giờ thường đốt và đốt ở góc nào của khu đất để cán bộ đến xem?'
      }
    ]
  },
  {
    key: 'chan-nuoi-doan-ket',
    commune: DK,
    village: 'Bản Mẫu Hai (demo)',
    category: 'chat_thai_chan_nuoi',
    protection: 'named',
    reporter: { name: 'Vàng A Dính', phone: '0987000005' },
    observedDaysAgo: 9,
    at: [-250, 300],
    place: 'Trại lợn đầu bản, cạnh mương thủy lợi',
    description: 'Trại lợn xả nước thải chưa qua xử lý thẳng ra mương tưới ruộng, nước đen và có mùi rất nặng.',
    photos: ['field'],
    steps: [
      {
        do: 'verify',
        by: 'canbo.doanket',
        note: 'Đã đến tận nơi cùng trưởng bản, nước thải chảy ra mương đúng như phản ánh.',
        visitDaysAgo: 7
      }
    ],
    publish: 'canbo.doanket'
  },
  {
    key: 'bvtv-binh-lu-tra-loi',
    commune: BL,
    village: 'Bản Mẫu Ba (demo)',
    category: 'bao_bi_thuoc_bvtv',
    protection: 'anonymous',
    observedDaysAgo: 12,
    place: 'Ruộng lúa cuối bản, gần suối',
    description: 'Vỏ chai, vỏ gói thuốc trừ sâu vứt đầy bờ ruộng sau vụ phun thuốc.',
    steps: [
      { do: 'ask', by: 'canbo.binhlu', message: 'Khu ruộng đó thuộc nhà ai hay ở gần mốc nào để Hội tìm đến được?' },
      { do: 'answer', body: 'Ruộng ngay sau nhà văn hóa bản, đi qua cây cầu gỗ là thấy.' }
    ]
  },
  {
    key: 'khac-doan-ket-tu-choi',
    commune: DK,
    category: 'khac',
    protection: 'anonymous',
    observedDaysAgo: 20,
    at: [100, 150],
    place: 'Đường nội phố tổ 2',
    description: 'Nhà hàng xóm mở nhạc to đến khuya, ảnh hưởng giấc ngủ cả xóm.',
    steps: [
      {
        do: 'reject',
        by: 'canbo.doanket',
        reason:
          'Tiếng ồn sinh hoạt không thuộc phạm vi phản ánh về môi trường của Hội; đề nghị báo tổ trưởng dân phố hoặc công an phường.'
      }
    ],
    publish: 'canbo.doanket'
  },
  {
    key: 'chan-nuoi-doan-ket-trung',
    commune: DK,
    village: 'Bản Mẫu Hai (demo)',
    category: 'chat_thai_chan_nuoi',
    protection: 'anonymous',
    observedDaysAgo: 8,
    at: [-240, 320],
    place: 'Mương nước đầu bản',
    description: 'Nước mương đầu bản đen kịt, hôi thối, nghi do trại lợn xả ra.',
    steps: [
      {
        do: 'duplicate',
        by: 'canbo.doanket',
        of: 'chan-nuoi-doan-ket',
        note: 'Cùng trại lợn, cùng đoạn mương với phản ánh đã xác minh.'
      }
    ]
  },
  {
    key: 'khoang-san-binh-lu-chuyen-tinh',
    commune: BL,
    category: 'khai_thac_khoang_san',
    protection: 'confidential',
    reporter: { name: 'Lý Văn Phà', phone: '0978223344' },
    observedDaysAgo: 15,
    at: [1500, -900],
    place: 'Sườn đồi phía trên bản Cư Nhà La',
    description: 'Có nhóm người lạ đào đất, đãi quặng trên sườn đồi, dùng hóa chất, nước đục chảy xuống suối.',
    photos: ['quarry'],
    steps: [
      { do: 'verify', by: 'canbo.binhlu', note: 'Hội viên trong bản xác nhận có người đào, đãi quặng ban đêm.' },
      {
        do: 'escalate',
        by: 'canbo.binhlu',
        note: 'Vụ việc phức tạp, có dấu hiệu dùng hóa chất, cần Hội tỉnh phối hợp với cơ quan chức năng.'
      }
    ]
  },
  {
    key: 'lan-chiem-binh-lu-hoi-tinh',
    commune: BL,
    category: 'lan_chiem_dat',
    protection: 'named',
    reporter: { name: 'Sùng Thị Dợ', phone: '0965443322' },
    observedDaysAgo: 25,
    place: 'Đất rừng cộng đồng giáp đường liên xã',
    description: 'Một hộ dựng lán, rào lưới B40 lấn vào đất rừng cộng đồng của bản khoảng nửa héc ta.',
    steps: [
      { do: 'escalate', by: 'canbo.binhlu', note: 'Liên quan đất rừng cộng đồng, đề nghị Hội tỉnh chuyển Sở.' },
      {
        do: 'forward',
        by: 'canbo.tinh',
        to: 'so_nnmt',
        note: 'Chuyển Sở xem xét theo thẩm quyền quản lý đất đai.'
      }
    ]
  },
  {
    key: 'nuoc-thai-doan-ket-qua-han',
    commune: DK,
    category: 'xa_nuoc_thai',
    protection: 'anonymous',
    observedDaysAgo: 30,
    at: [600, 250],
    place: 'Cống thoát nước sau xưởng rửa xe, đường Trần Phú',
    description: 'Xưởng rửa xe xả nước lẫn dầu mỡ ra cống chung, chảy thẳng ra suối, mặt nước có váng dầu.',
    steps: [
      { do: 'verify', by: 'canbo.doanket', note: 'Đã chụp ảnh váng dầu tại miệng cống.', visitDaysAgo: 24 },
      { do: 'forward', by: 'canbo.doanket', to: 'moi_truong', daysAgo: 21 }
    ],
    publish: 'canbo.doanket'
  },
  {
    key: 'lan-chiem-doan-ket-tra-lai',
    commune: DK,
    category: 'lan_chiem_dat',
    protection: 'named',
    reporter: { name: 'Trần Văn Hùng', phone: '0904556677', address: 'Tổ 9, phường Đoàn Kết' },
    observedDaysAgo: 18,
    place: 'Hành lang suối tổ 9',
    description: 'Hộ dân đổ đất san lấp, lấn ra hành lang suối để làm sân.',
    steps: [
      { do: 'verify', by: 'canbo.doanket', note: 'Có đổ đất lấn hành lang suối, khoảng 40 m².' },
      { do: 'forward', by: 'canbo.doanket', to: 'kiem_lam' },
      {
        do: 'return',
        by: 'kiemlam',
        reason: 'Việc lấn hành lang suối trong khu dân cư thuộc thẩm quyền UBND phường, không phải đất rừng.'
      }
    ]
  },
  {
    key: 'pha-rung-binh-lu-thu-ly',
    commune: BL,
    category: 'pha_rung',
    protection: 'confidential',
    reporter: { name: 'Chảo Văn Lở', phone: '0911778899' },
    observedDaysAgo: 10,
    at: [-1800, 1200],
    place: 'Tiểu khu rừng phòng hộ giáp bản Phan Lìn',
    description: 'Rừng phòng hộ bị phát trắng một khoảnh để trồng thảo quả, cây to bị cưa hạ.',
    photos: ['forest'],
    steps: [
      { do: 'verify', by: 'canbo.binhlu', note: 'Cùng kiểm lâm địa bàn đi kiểm tra, diện tích bị phát khoảng 0,3 ha.' },
      { do: 'forward', by: 'canbo.binhlu', to: 'kiem_lam' },
      { do: 'accept', by: 'kiemlam', note: 'Thụ lý, lập kế hoạch kiểm tra hiện trường.' }
    ],
    publish: 'canbo.binhlu'
  },
  {
    key: 'go-sin-suoi-ho-dang-xu-ly',
    commune: '03394',
    category: 'khai_thac_go',
    protection: 'confidential',
    reporter: { name: 'Giàng A Chứ', phone: '0399887766' },
    observedDaysAgo: 14,
    at: [900, 400],
    place: 'Khe suối phía tây bản Nậm Cầy',
    description: 'Có tiếng cưa máy trong rừng nhiều đêm liền, sáng ra thấy gỗ xẻ giấu dưới khe suối.',
    photos: ['forest', 'forest'],
    steps: [
      { do: 'verify', by: 'canbo.tinh', note: 'Hội viên bản xác nhận có gỗ xẻ giấu dưới khe.' },
      { do: 'forward', by: 'canbo.tinh', to: 'kiem_lam' },
      { do: 'accept', by: 'kiemlam' },
      { do: 'assign', by: 'lanhdao.so', officer: 'kiemlam' },
      { do: 'act', by: 'kiemlam', note: 'Đã phối hợp công an xã kiểm tra, thu giữ 2,4 m³ gỗ xẻ, đang xác minh chủ gỗ.' }
    ],
    publish: 'canbo.tinh'
  },
  {
    key: 'van-chuyen-go-ta-leng-qua-han',
    commune: '03405',
    category: 'van_chuyen_go',
    protection: 'anonymous',
    observedDaysAgo: 60,
    at: [-300, -500],
    place: 'Đường đất từ bản Hồ Ta đi ra quốc lộ',
    description: 'Xe công nông chở gỗ tròn đi ban đêm, không che phủ, không thấy giấy tờ.',
    steps: [
      { do: 'verify', by: 'canbo.tinh', note: 'Nhiều người dân trong bản cùng phản ánh.', visitDaysAgo: 56 },
      { do: 'forward', by: 'canbo.tinh', to: 'kiem_lam', daysAgo: 52 },
      { do: 'accept', by: 'kiemlam', daysAgo: 45 },
      { do: 'act', by: 'kiemlam', note: 'Đã tổ chức chốt chặn hai đêm, chưa phát hiện xe vi phạm.' }
    ]
  },
  {
    key: 'dong-vat-binh-lu-gia-han',
    commune: BL,
    category: 'dong_vat_hoang_da',
    protection: 'confidential',
    reporter: { name: 'Lò Thị Xuân', phone: '0944556611' },
    observedDaysAgo: 28,
    place: 'Quán ăn ven đường tỉnh lộ, đầu xã',
    description: 'Quán ăn bày bán thịt sơn dương và nhím rừng, có cả cá thể còn sống nhốt trong lồng.',
    steps: [
      { do: 'verify', by: 'canbo.binhlu', note: 'Đã quan sát thấy lồng nhốt nhím tại quán.' },
      { do: 'forward', by: 'canbo.binhlu', to: 'kiem_lam' },
      { do: 'accept', by: 'kiemlam' },
      { do: 'act', by: 'kiemlam', note: 'Đã lập biên bản tạm giữ 2 cá thể nhím, chờ giám định loài.' },
      { do: 'extend', by: 'kiemlam', reason: 'Chờ kết quả giám định loài của cơ quan chuyên môn.' }
    ]
  },
  {
    key: 'o-nhiem-khun-ha-da-gia-han',
    commune: '03430',
    category: 'co_so_o_nhiem',
    protection: 'named',
    reporter: { name: 'Hoàng Văn Tâm', phone: '0356789012', address: 'Bản Lùng Than, xã Khun Há' },
    observedDaysAgo: 40,
    at: [200, 700],
    place: 'Xưởng sấy chè đầu bản',
    description: 'Xưởng sấy chè đốt củi và than, khói bụi phủ kín nhà dân xung quanh suốt mùa chè.',
    photos: ['smoke'],
    steps: [
      { do: 'verify', by: 'canbo.tinh', note: 'Khói bụi ảnh hưởng khoảng 10 hộ liền kề.' },
      { do: 'forward', by: 'canbo.tinh', to: 'moi_truong' },
      { do: 'accept', by: 'lanhdao.so' },
      { do: 'extend', by: 'lanhdao.so', reason: 'Cần lấy mẫu không khí và chờ kết quả quan trắc.' },
      { do: 'decide', by: 'lanhdao.so', approve: true, note: 'Đồng ý gia hạn 30 ngày để có kết quả quan trắc.' }
    ]
  },
  {
    key: 'cat-soi-doan-ket-xu-phat',
    commune: DK,
    category: 'khai_thac_cat_soi',
    protection: 'confidential',
    reporter: { name: 'Phạm Văn Long', phone: '0967001122' },
    observedDaysAgo: 75,
    at: [-900, -600],
    place: 'Lòng suối Nậm Lò, đoạn qua tổ 12',
    description:
      'Bãi tập kết cát sỏi trái phép ven suối, máy hút cát hoạt động cả ngày, bờ suối sạt lở vào vườn nhà dân.',
    violator: 'Bãi tập kết không biển hiệu',
    photos: ['river', 'quarry'],
    steps: [
      { do: 'verify', by: 'canbo.doanket', note: 'Đã kiểm tra, có máy hút cát và bãi tập kết khoảng 200 m³.' },
      { do: 'forward', by: 'canbo.doanket', to: 'so_nnmt' },
      { do: 'accept', by: 'lanhdao.so' },
      { do: 'act', by: 'lanhdao.so', note: 'Đoàn kiểm tra liên ngành đã lập biên bản vi phạm hành chính.' },
      {
        do: 'resolve',
        by: 'lanhdao.so',
        outcome: fine(
          '27/QĐ-XPHC',
          35_000_000,
          'Buộc tháo dỡ máy hút cát, san trả mặt bằng bãi tập kết, khắc phục sạt lở bờ suối.',
          'Đã xử phạt chủ bãi và tịch thu phương tiện khai thác.'
        )
      },
      { do: 'rate', stars: 5 }
    ],
    publish: 'canbo.doanket'
  },
  {
    key: 'rac-binh-lu-nhac-nho',
    commune: BL,
    village: 'Bản Mẫu Bốn (demo)',
    category: 'do_rac',
    protection: 'anonymous',
    observedDaysAgo: 45,
    at: [300, -200],
    place: 'Ven đường vào bản, gần cầu tràn',
    description: 'Rác thải sinh hoạt bị đổ thành đống ven đường, trâu bò bới ra khắp nơi.',
    photos: ['rubbish'],
    // Resolved five weeks ago and not reopened: closed by the daily run.
    receivedDaysAgo: 44,
    steps: [
      { do: 'verify', by: 'canbo.binhlu', note: 'Chi hội đã xác nhận vị trí đống rác.' },
      { do: 'forward', by: 'canbo.binhlu', to: 'moi_truong', daysAgo: 43 },
      { do: 'accept', by: 'lanhdao.so', daysAgo: 42 },
      {
        do: 'resolve',
        by: 'lanhdao.so',
        daysAgo: 35,
        outcome: {
          kind: 'warned_remedied',
          note: 'Đã nhắc nhở các hộ, bản tổ chức dọn sạch và đặt điểm tập kết rác mới.'
        }
      },
      { do: 'rate', stars: 4 },
      { do: 'close' }
    ],
    publish: 'canbo.binhlu'
  },
  {
    key: 'dat-tan-phong-khong-vi-pham',
    commune: '03408',
    category: 'chuyen_muc_dich_dat',
    protection: 'anonymous',
    observedDaysAgo: 50,
    at: [-150, 450],
    place: 'Khu ruộng giáp đường Võ Nguyên Giáp',
    description: 'Ruộng lúa bị đổ đất, nghi chuyển sang làm nhà trái phép.',
    steps: [
      { do: 'verify', by: 'canbo.tinh', note: 'Có đổ đất trên ruộng.' },
      { do: 'forward', by: 'canbo.tinh', to: 'so_nnmt' },
      { do: 'accept', by: 'lanhdao.so' },
      {
        do: 'resolve',
        by: 'lanhdao.so',
        outcome: {
          kind: 'not_a_violation',
          note: 'Hộ gia đình đã được cấp phép chuyển mục đích sử dụng đất theo quy hoạch; không có vi phạm.'
        }
      }
    ],
    publish: 'canbo.tinh'
  },
  {
    key: 'chay-rung-muong-te-chuyen',
    commune: '03445',
    category: 'chay_rung',
    protection: 'named',
    reporter: { name: 'Pờ Văn Hừ', phone: '0375123987' },
    observedDaysAgo: 35,
    at: [1200, 300],
    place: 'Đồi thông phía sau trường học',
    description: 'Đồi thông bốc cháy lúc chiều, lửa lan nhanh do gió, dân bản đang dập lửa.',
    photos: ['smoke'],
    steps: [
      { do: 'forward', by: 'canbo.tinh', to: 'kiem_lam', note: 'Khẩn: cháy rừng, chuyển ngay không chờ xác minh.' },
      { do: 'accept', by: 'kiemlam' },
      {
        do: 'resolve',
        by: 'kiemlam',
        outcome: {
          kind: 'transferred',
          target: 'police',
          authority: 'Công an tỉnh Lai Châu',
          note: 'Lửa đã được dập; có dấu hiệu cố ý đốt, chuyển công an điều tra nguyên nhân.'
        }
      }
    ]
  },
  {
    key: 'dot-rac-doan-ket-mo-lai',
    commune: DK,
    category: 'dot_rac',
    protection: 'named',
    reporter: { name: 'Đinh Thị Mai', phone: '0916223344' },
    observedDaysAgo: 40,
    at: [450, 550],
    place: 'Bãi đất trống cạnh trường mầm non tổ 4',
    description: 'Rác được gom lại và đốt ngay cạnh trường mầm non, khói bay vào lớp học.',
    steps: [
      { do: 'verify', by: 'canbo.doanket', note: 'Đã xác minh, có vết đốt rác còn mới.' },
      { do: 'forward', by: 'canbo.doanket', to: 'moi_truong' },
      { do: 'accept', by: 'lanhdao.so' },
      {
        do: 'resolve',
        by: 'lanhdao.so',
        outcome: { kind: 'warned_remedied', note: 'Đã nhắc nhở tổ dân phố, yêu cầu không đốt rác cạnh trường.' }
      },
      { do: 'reopen', reason: 'Tuần này lại thấy đốt rác đúng chỗ cũ, nhắc nhở không có tác dụng.' }
    ]
  },
  {
    key: 'ho-ngoai-tham-quyen-nam-tam',
    commune: '03517',
    category: 'su_co_moi_truong',
    protection: 'anonymous',
    observedDaysAgo: 55,
    place: 'Hồ thủy điện, đoạn giáp bản Nậm Tăm',
    description: 'Cá chết nổi trắng một đoạn lòng hồ thủy điện, nước có màu lạ.',
    steps: [
      { do: 'verify', by: 'canbo.tinh', note: 'Cá chết khoảng 300 m dọc bờ hồ.' },
      { do: 'forward', by: 'canbo.tinh', to: 'moi_truong' },
      { do: 'accept', by: 'lanhdao.so' },
      {
        do: 'resolve',
        by: 'lanhdao.so',
        outcome: {
          kind: 'outside_jurisdiction',
          note: 'Lòng hồ do Bộ Công Thương và chủ đầu tư thủy điện quản lý; đã gửi văn bản đề nghị kiểm tra.'
        }
      }
    ]
  },
  {
    key: 'chan-nuoi-doan-ket-ho-hoi-vien',
    commune: DK,
    village: 'Bản Mẫu Một (demo)',
    category: 'chat_thai_chan_nuoi',
    protection: 'confidential',
    onBehalf: { by: 'canbo.doanket', member: 'Lò Văn Khăm' },
    observedDaysAgo: 6,
    place: 'Chuồng trâu sát nguồn nước đầu nguồn bản',
    description: 'Hộ dân làm chuồng trâu ngay cạnh bể nước sinh hoạt của bản, phân trâu tràn vào nguồn nước.',
    steps: [
      { do: 'verify', by: 'canbo.doanket', note: 'Hội viên báo tại buổi sinh hoạt chi hội; cán bộ đã xuống kiểm tra.' },
      { do: 'forward', by: 'canbo.doanket', to: 'moi_truong' }
    ]
  },
  {
    key: 'to-cao-go-binh-lu',
    commune: BL,
    category: 'khai_thac_go',
    channel: 'to_cao',
    protection: 'confidential',
    reporter: { name: 'Vàng Văn Sinh', phone: '0388776655', address: 'Bản Mẫu Ba (demo), xã Bình Lư' },
    observedDaysAgo: 90,
    at: [-2200, -1500],
    place: 'Rừng đầu nguồn khu vực Khe Ma',
    description:
      'Tố cáo một cán bộ thôn bảo kê cho nhóm người khai thác gỗ pơ mu trong rừng đầu nguồn, đã nhiều lần chở gỗ ra khỏi rừng.',
    violator: 'Một cán bộ thôn (tên đã cung cấp cho Hội)',
    steps: [
      { do: 'verify', by: 'canbo.binhlu', note: 'Người tố cáo đã ký đơn, có ảnh gỗ tập kết.' },
      { do: 'forward', by: 'canbo.binhlu', to: 'kiem_lam' },
      { do: 'accept', by: 'kiemlam' },
      { do: 'act', by: 'kiemlam', note: 'Đã kiểm tra hiện trường, xác định 12 cây pơ mu bị khai thác.' },
      {
        do: 'resolve',
        by: 'kiemlam',
        outcome: fine(
          '09/QĐ-XPHC',
          60_000_000,
          'Tịch thu toàn bộ gỗ; buộc trồng lại rừng trên diện tích bị khai thác.',
          'Đã xử phạt các đối tượng khai thác; hành vi của cán bộ thôn chuyển cấp có thẩm quyền xem xét kỷ luật.'
        )
      }
    ]
  }
];
