/**
 * The first draft of a report's narrative, written from its figures, for the officer to
 * rework: "Trong kỳ, Hội đã tổ chức 42 buổi tuyên truyền với 2.150 lượt người tham dự…".
 * Numbers use the Vietnamese thousands separator. Sections the data cannot speak to
 * (assessment, directions) start empty.
 */
import { formatNumber } from '$lib/shared/format';
import { figureValue, type Figures } from '$lib/shared/reporting/figures';
import type { Narrative } from '$lib/shared/reporting/sections';

const n = (x: number) => formatNumber(x);

export function draftNarrative(orgName: string, periodTitle: string, f: Figures): Narrative {
  const v = (code: string) => figureValue(f, code);
  const children = f.figures[0]?.children.length ?? 0;
  const out: Narrative = {
    situation:
      `Báo cáo kết quả hoạt động của ${orgName} ${periodTitle}` +
      (children ? `, tổng hợp từ ${n(children)} đơn vị trực thuộc.` : '.'),
    outreach:
      `Trong kỳ, Hội đã tổ chức ${n(v('outreach_sessions'))} buổi tuyên truyền với ` +
      `${n(v('outreach_participants'))} lượt người tham dự (trong đó ${n(v('outreach_elderly'))} lượt ` +
      `người cao tuổi, ${n(v('outreach_women'))} lượt phụ nữ, ${n(v('outreach_ethnic'))} lượt người ` +
      `dân tộc thiểu số); tổng cộng ${n(v('elderly_participants'))} lượt người cao tuổi tham gia ` +
      `các hoạt động; ra quân ${n(v('campaign_days'))} ngày.`,
    training: `Tổ chức ${n(v('trainings'))} lớp tập huấn với ${n(v('training_participants'))} lượt người tham dự.`,
    violations:
      `Tiếp nhận ${n(v('reports_received'))} phản ánh về vi phạm môi trường, xác minh ` +
      `${n(v('reports_verified'))} phản ánh; chuyển cơ quan chức năng ${n(v('reports_forwarded'))} ` +
      `phản ánh; ${n(v('reports_resolved'))} phản ánh đã được xử lý (${n(v('reports_on_time'))} ` +
      `phản ánh đúng hạn). Qua đó, cơ quan chức năng đã xử phạt ${n(v('violations_fined'))} vụ vi phạm ` +
      `với tổng số tiền ${n(v('fines_vnd'))} đồng; ${n(v('violations_remedied'))} vụ được khắc phục hậu quả.`,
    commitments:
      `Vận động ${n(v('commitments_households'))} hộ gia đình và ${n(v('commitments_persons'))} ` +
      `hội viên ký cam kết bảo vệ môi trường.`,
    models: `Xây dựng mới ${n(v('new_models'))} mô hình; hiện có ${n(v('active_models'))} mô hình đang hoạt động.`
  };
  const emulation = emulationText(f);
  if (emulation) out.emulation = emulation;
  const planned = f.figures.filter((x) => x.percent !== null);
  if (planned.length) {
    out.leadership =
      'Kết quả so với kế hoạch năm: ' +
      planned.map((x) => `${x.name.toLocaleLowerCase('vi')} đạt ${n(x.percent!)}%`).join('; ') +
      '.';
  }
  return out;
}

/** "7. Thi đua, khen thưởng", when the figures hold any (emulation-figures.ts). */
function emulationText(f: Figures): string | null {
  const registered = f.figures.find((x) => x.code === 'emu_registered');
  if (!registered) return null;
  const passed = f.figures
    .filter((x) => x.code.startsWith('emu_passed_') && x.value)
    .map((x) => `${n(x.value)} ${x.unit}`);
  const awards = f.figures
    .filter((x) => x.code.startsWith('award:'))
    .map((x) => `${n(x.value)} ${x.name.replace(/^Khen thưởng: /, '')}`);
  return (
    `Phong trào thi đua có ${n(registered.value)} lượt đăng ký` +
    (passed.length ? `; đạt danh hiệu: ${passed.join(', ')}` : '') +
    (awards.length ? `. Khen thưởng: ${awards.join('; ')}.` : '.')
  );
}
