import type { Consolidation } from '../../core';
import { renderTable } from '../../cli/render/table';
import { checkPublishedFigures } from '../published-report';

/** The published report's figures beside the ones recomputed from raw rows; disagreements are marked. */
export function renderFigureChecks(report: Consolidation): string {
  const checks = checkPublishedFigures(report);
  const verdictOf = (c: (typeof checks)[number]) =>
    c.assumed ? 'giả định (*)' : c.agrees === null ? '—' : c.agrees ? 'khớp' : 'SAI LỆCH';
  const rows = checks.map((c) => [c.label, c.printed, c.computed, verdictOf(c)]);
  const wrong = checks.filter((c) => c.agrees === false);
  const verdict = wrong.length
    ? `Báo cáo đã công bố có ${wrong.length} số không khớp với số liệu gốc: ${wrong.map((c) => `${c.label.trim()} in ${c.printed}, đúng là ${c.computed}`).join('; ')}.`
    : 'Mọi số trong báo cáo đã công bố khớp với số liệu gốc.';
  return [
    'ĐỐI CHIẾU VỚI BÁO CÁO ĐÃ CÔNG BỐ (so ở số chữ số thập phân mà báo cáo in)',
    renderTable(['Chỉ số', 'Báo cáo in', 'Tính lại', 'Kết quả'], rows, ['left', 'right', 'right', 'left']),
    verdict,
    '(*) Báo cáo không công bố số tổ chức năm 2022; mức tăng/giảm +3,3 / +2,1 / −5,4 không đạt được đồng thời với bất kỳ\n' +
      'số tổ chức nào từ 80 đến 197. Dữ liệu mẫu giả định 90 tổ chức (15 / 69 / 6), gần nhất với các số đã in.',
  ].join('\n');
}
