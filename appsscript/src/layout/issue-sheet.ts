import { cellText, isError, type Issue } from '../../../core';
import { issueA1 } from './issue-place';
import { headerRow, integer, text, type BlockLink, type SheetBlock } from './sheet-block';
import { SIDEBAR_LIMIT } from './sidebar-items';

/**
 * Issues whose “Đến ô” cell is a link, as many as the sidebar lists: each link takes three builder calls,
 * so the calls stay bounded whatever the number of issues. The others show the cell's address as text.
 */
export const LINKED_ISSUES = SIDEBAR_LIMIT;

export const ISSUE_SHEET = 'Lỗi';

const HEADERS = ['Mức độ', 'Trang', 'Dòng', 'Cột', 'Giá trị', 'Nội dung', 'Mã', 'Đến ô'];

/** The `Lỗi` sheet: one row an issue, its last cell a link to the issue's cell (or sheet) for the first ones. */
export function issueSheet(issues: Issue[], sheetIds: Record<string, number>): SheetBlock {
  const rows = [headerRow(HEADERS)];
  const links: BlockLink[] = [];
  for (const found of issues) {
    const link = linkTo(found, sheetIds[found.sheet]);
    if (links.length < LINKED_ISSUES) links.push(link);
    rows.push([
      text(isError(found) ? 'Lỗi' : 'Cảnh báo'),
      text(found.sheet),
      found.row === null ? text('') : integer(found.row),
      text(found.column ?? ''),
      text(found.value === null ? '' : cellText(found.value)),
      text(found.message),
      text(found.code),
      text(link.text),
    ]);
  }
  if (issues.length === 0) rows.push([text('Không có lỗi nào.')]);
  return {
    sheet: ISSUE_SHEET,
    rows,
    widths: [80, 110, 60, 60, 160, 480, 170, 70],
    frozenRows: 1,
    ...(links.length ? { links: { row: 2, column: HEADERS.length, cells: links } } : {}),
  };
}

function linkTo(found: Issue, gid: number | undefined): BlockLink {
  if (gid === undefined) return { text: '', url: null };
  const a1 = issueA1(found);
  return a1 ? { text: a1, url: `#gid=${gid}&range=${a1}` } : { text: 'Mở trang', url: `#gid=${gid}` };
}
