import { formatNumber, formatPercent, type TargetResult } from '../../core';
import { renderTable } from './table';

export function renderTargets(targets: TargetResult[]): string {
  const number = (n: number | null) => (n === null ? '—' : formatNumber(n, Number.isInteger(n) ? 0 : 2));
  return (
    'Chỉ tiêu:\n' +
    renderTable(
      ['Chỉ tiêu', 'Kế hoạch', 'Thực hiện', 'Đạt'],
      targets.map((t) => [t.name, number(t.target), number(t.actual), formatPercent(t.percent)]),
    )
  );
}
