import type { Consolidation } from '../../core';
import { renderTable } from '../../cli/render/table';
import { checkPublishedFigures } from '../published-report';

/** The published report's figures beside the ones recomputed from raw rows; disagreements are marked. */
export function renderFigureChecks(report: Consolidation): string {
  const checks = checkPublishedFigures(report);
  const rows = checks.map((c) => [c.label, c.printed, c.computed, c.agrees === null ? '—' : c.agrees ? 'khớp' : 'SAI LỆCH']);
  const wrong = checks.filter((c) => c.agrees === false);
  const verdict = wrong.length
    ? `Báo cáo đã công bố có ${wrong.length} số không khớp với số liệu gốc: ${wrong.map((c) => `${c.label.trim()} in ${c.printed}, đúng là ${c.computed}`).join('; ')}.`
    : 'Mọi số trong báo cáo đã công bố khớp với số liệu gốc.';
  return [
    'ĐỐI CHIẾU VỚI BÁO CÁO ĐÃ CÔNG BỐ (so ở số chữ số thập phân mà báo cáo in)',
    renderTable(['Chỉ số', 'Báo cáo in', 'Tính lại', 'Kết quả'], rows, ['left', 'right', 'right', 'left']),
    verdict,
  ].join('\n');
}
