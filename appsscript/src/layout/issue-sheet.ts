import { cellText, isError, type Issue } from '../../../core';
import { issueA1 } from './issue-place';
import { formula, headerRow, integer, text, type SheetBlock } from './sheet-block';

export const ISSUE_SHEET = 'Lỗi';

const HEADERS = ['Mức độ', 'Trang', 'Dòng', 'Cột', 'Giá trị', 'Nội dung', 'Mã', 'Đến ô'];

/**
 * The `Lỗi` sheet: one row an issue with a link to its cell. `;` separates HYPERLINK's arguments: the
 * Vietnamese locale's separator, which Sheets also accepts in every other locale.
 */
export function issueSheet(issues: Issue[], sheetIds: Record<string, number>): SheetBlock {
  const rows = [headerRow(HEADERS)];
  for (const found of issues) {
    const a1 = issueA1(found);
    const gid = sheetIds[found.sheet];
    const link =
      gid === undefined
        ? text('')
        : formula(`=HYPERLINK("#gid=${gid}${a1 ? `&range=${a1}` : ''}";"${a1 ?? 'Mở trang'}")`);
    rows.push([
      text(isError(found) ? 'Lỗi' : 'Cảnh báo'),
      text(found.sheet),
      found.row === null ? text('') : integer(found.row),
      text(found.column ?? ''),
      text(found.value === null ? '' : cellText(found.value)),
      text(found.message),
      text(found.code),
      link,
    ]);
  }
  if (issues.length === 0) rows.push([text('Không có lỗi nào.')]);
  return {
    sheet: ISSUE_SHEET,
    rows,
    widths: [80, 110, 60, 50, 160, 480, 170, 70],
    frozenRows: 1,
    charts: [],
  };
}
