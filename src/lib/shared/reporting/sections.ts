/**
 * The usual outline of a report of the association (báo cáo sơ kết, tổng kết, định kỳ):
 * I. the situation; II. results, by line of work; III. assessment; IV. directions; V. proposals.
 * Each section is one narrative text typed by the officer (pre-filled with a draft from the
 * figures). The headings are those printed in the document.
 */
export const SECTION_KEYS = [
  'situation',
  'leadership',
  'outreach',
  'training',
  'violations',
  'commitments',
  'models',
  'emulation',
  'strengths',
  'weaknesses',
  'causes',
  'lessons',
  'directions',
  'proposals'
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export type Narrative = Partial<Record<SectionKey, string>>;

export interface OutlinePart {
  /** "I. ĐẶC ĐIỂM TÌNH HÌNH" */
  heading: string;
  sections: { key: SectionKey; heading: string | null }[];
}

export const OUTLINE: OutlinePart[] = [
  { heading: 'I. ĐẶC ĐIỂM TÌNH HÌNH', sections: [{ key: 'situation', heading: null }] },
  {
    heading: 'II. KẾT QUẢ THỰC HIỆN',
    sections: [
      { key: 'leadership', heading: '1. Công tác lãnh đạo, chỉ đạo' },
      { key: 'outreach', heading: '2. Công tác tuyên truyền' },
      { key: 'training', heading: '3. Tập huấn, hội nghị' },
      { key: 'violations', heading: '4. Phát hiện, phản ánh vi phạm và kết quả xử lý' },
      { key: 'commitments', heading: '5. Ký cam kết' },
      { key: 'models', heading: '6. Xây dựng và nhân rộng mô hình' },
      { key: 'emulation', heading: '7. Thi đua, khen thưởng' }
    ]
  },
  {
    heading: 'III. ĐÁNH GIÁ',
    sections: [
      { key: 'strengths', heading: '1. Ưu điểm' },
      { key: 'weaknesses', heading: '2. Hạn chế' },
      { key: 'causes', heading: '3. Nguyên nhân' },
      { key: 'lessons', heading: '4. Bài học kinh nghiệm' }
    ]
  },
  { heading: 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ', sections: [{ key: 'directions', heading: null }] },
  { heading: 'V. ĐỀ XUẤT, KIẾN NGHỊ', sections: [{ key: 'proposals', heading: null }] }
];

export const REPORT_KINDS = ['periodic', 'midterm', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted', 'superseded'] as const;
export type ReportStatusCode = (typeof REPORT_STATUSES)[number];

/** The document's type line: "BÁO CÁO" + subject "Sơ kết …" / "Tổng kết …" / "Kết quả … quý I năm 2026". */
export function reportSubject(kind: ReportKind, periodTitle: string, programTitle?: string | null): string {
  const what = programTitle ? `thực hiện ${programTitle}` : 'công tác Hội';
  if (kind === 'midterm') return `Sơ kết ${what} ${periodTitle}`;
  if (kind === 'final') return `Tổng kết ${what} ${periodTitle}`;
  return `Kết quả ${what} ${periodTitle}`;
}
