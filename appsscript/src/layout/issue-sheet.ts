import { cellText, isError, type Issue } from '../../../core';
import { hyperlinkFormula } from './hyperlink';
import { issueA1 } from './issue-place';
import { formula, integer, text, type BlockCell, type SheetBlock } from './sheet-block';

export const ISSUE_SHEET = 'Lỗi';

/** The code last: it runs on over the empty cells after it, so only the message column is widened. */
const HEADERS = ['Mức độ', 'Trang', 'Dòng', 'Cột', 'Giá trị', 'Nội dung', 'Đến ô', 'Mã'];

/**
 * The `Lỗi` sheet: one row an issue, its last cell a HYPERLINK to the issue's cell (or sheet). The links
 * are values like the others, so the sheet takes the same calls whatever the number of issues.
 * `separator` is the spreadsheet's formula argument separator (see argumentSeparator).
 */
export function issueSheet(
  issues: Issue[],
  sheetIds: Record<string, number>,
  separator: ';' | ',',
): SheetBlock {
  const rows = [HEADERS.map((label) => text(label, { bold: true }))];
  for (const found of issues) {
    rows.push([
      text(isError(found) ? 'Lỗi' : 'Cảnh báo'),
      text(found.sheet),
      found.row === null ? text('') : integer(found.row),
      text(found.column ?? ''),
      text(found.value === null ? '' : cellText(found.value)),
      text(found.message),
      linkTo(found, sheetIds[found.sheet], separator),
      text(found.code),
    ]);
  }
  if (issues.length === 0) rows.push([text('Không có lỗi nào.')]);
  return {
    sheet: ISSUE_SHEET,
    rows,
    // Only the message column is widened (one call); the others keep Sheets' 100 px.
    widths: [null, null, null, null, null, 480, null, null],
    frozenRows: 1,
  };
}

function linkTo(found: Issue, gid: number | undefined, separator: ';' | ','): BlockCell {
  if (gid === undefined) return text('');
  const a1 = issueA1(found);
  return a1
    ? formula(hyperlinkFormula(`#gid=${gid}&range=${a1}`, a1, separator))
    : formula(hyperlinkFormula(`#gid=${gid}`, 'Mở trang', separator));
}
