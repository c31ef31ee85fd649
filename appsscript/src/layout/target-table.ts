import type { TargetResult } from '../../../core';
import { decimal, headerRow, percent, text, type BlockCell } from './sheet-block';

/** Target achievement: actual ÷ target, "—" where there is no target. */
export function targetTable(title: string, targets: TargetResult[]): BlockCell[][] {
  if (!targets.length) return [];
  return [
    [text(title, { bold: true })],
    headerRow(['Mã chỉ tiêu', 'Chỉ tiêu', 'Kế hoạch', 'Thực hiện', 'Đạt']),
    ...targets.map((t) => [
      text(t.code),
      text(t.name),
      decimal(t.target),
      decimal(t.actual),
      percent(t.percent),
    ]),
  ];
}
