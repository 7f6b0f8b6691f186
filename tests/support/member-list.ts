/**
 * Member lists shaped like the ones commune offices really keep, built with exceljs: title
 * rows and a merged two-row header above the table, a row of column numbers, phones typed as
 * numbers, names in decomposed Unicode, dates as text in many forms and as real dates, a
 * village the registry lacks, wrong rows, and a signature footer.
 */
import ExcelJS from 'exceljs';

export interface ListRow {
  name: string;
  born?: string | number | Date;
  sex?: string;
  village?: string;
  phone?: string | number;
  card?: string;
  joined?: string | number | Date;
}

const nfd = (s: string) => s.normalize('NFD');

export async function officeMemberList(rows: ListRow[], opts: { twoRowHeader?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS hội viên');
  ws.addRow(['HỘI NGƯỜI CAO TUỔI XÃ ĐOÀN KẾT', '', '', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
  ws.mergeCells('A1:D1');
  ws.addRow(['DANH SÁCH HỘI VIÊN CHI HỘI NĂM 2026']);
  ws.mergeCells('A2:H2');
  ws.addRow([]);
  if (opts.twoRowHeader !== false) {
    ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Nơi ở', '', 'Số thẻ HV', 'Ngày vào Hội']);
    ws.addRow(['', '', '', '', 'Thôn/bản', 'Số điện thoại', '', '']);
    for (const c of ['A', 'B', 'C', 'D', 'G', 'H']) ws.mergeCells(`${c}4:${c}5`);
    ws.mergeCells('E4:F4');
  } else {
    ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Thôn, bản', 'SĐT', 'Số thẻ', 'Ngày kết nạp']);
  }
  ws.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)']);
  rows.forEach((r, i) => {
    const row = ws.addRow([
      i + 1,
      nfd(r.name),
      r.born ?? '',
      r.sex ?? '',
      r.village ? nfd(r.village) : '',
      r.phone ?? '',
      r.card ?? '',
      r.joined ?? ''
    ]);
    if (r.joined instanceof Date) row.getCell(8).numFmt = 'dd/mm/yyyy';
  });
  ws.addRow([]);
  ws.addRow(['', '', '', '', '', 'Đoàn Kết, ngày 01 tháng 12 năm 2026']);
  ws.addRow(['', 'Người lập biểu', '', '', '', 'TM. BAN CHẤP HÀNH']);
  ws.addRow(['', '(Ký, ghi rõ họ tên)']);
  ws.addRow(['', 'Lò Thị Lập', '', '', '', 'Tòng Văn Ký']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
