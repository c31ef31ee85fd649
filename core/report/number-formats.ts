import { formatNumber } from '../format';
import type { ReportCell, ReportCellKind } from './model';

/**
 * Number formats in the pattern language Google Sheets and Excel share: the viewer's locale chooses the
 * separators ("11.940", "14,25%", "+0,41" in Vietnamese; "11,940", "14.25%", "+0.41" in English).
 */
export const REPORT_FORMATS: Record<ReportCellKind, string> = {
  text: '@',
  empty: '@',
  index: '0',
  count: '#,##0',
  decimal: '#,##0.##',
  fraction: '0.00%',
  points: '+0.00;-0.00;0.00',
};

/** A cell as Vietnamese text, for the terminal: what a vi_VN spreadsheet shows with REPORT_FORMATS. */
export function reportCellText(cell: ReportCell): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'empty':
      return '';
    case 'index':
      return String(cell.value);
    case 'count':
      return formatNumber(cell.value);
    case 'decimal':
      return formatNumber(cell.value, Number.isInteger(cell.value * 10) ? 1 : 2);
    case 'fraction':
      return formatNumber(cell.value * 100, 2) + '%';
    case 'points':
      return (cell.value > 0 ? '+' : '') + formatNumber(cell.value, 2);
  }
}

/** The value a spreadsheet cell holds: the number itself, or the text ('' for an empty cell). */
export function reportCellValue(cell: ReportCell): string | number {
  if (cell.kind === 'text') return cell.text;
  if (cell.kind === 'empty') return '';
  return cell.value;
}
