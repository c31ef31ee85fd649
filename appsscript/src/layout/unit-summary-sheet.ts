import { formatNumber, formatVietnamTime, shareChange, type Tally, type UnitSummary } from '../../../core';
import { groupTable } from './group-table';
import { COLOURS, text, type BlockCell, type SheetBlock } from './sheet-block';
import { tallyTable } from './tally-table';
import { targetTable } from './target-table';

export const SUMMARY_SHEET = 'Tổng hợp';

/** Last year's figures of the unit, when this spreadsheet computed them. */
export interface PreviousFigures {
  members: Tally;
  cells: Tally | null;
}

/** The unit's `Tổng hợp` sheet, with a pie chart of the members' distribution. */
export function unitSummarySheet(
  summary: UnitSummary,
  previous: PreviousFigures | null,
  now: Date,
): SheetBlock {
  const rows: BlockCell[][] = [
    [text(`KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM ${summary.year || '(chưa ghi năm)'}`, { bold: true })],
    [
      text(
        summary.unit.name
          ? `${summary.unit.name}${summary.unit.code ? ` (${summary.unit.code})` : ''}`
          : summary.unit.code,
      ),
    ],
    [
      text(
        `Tính lúc ${formatVietnamTime(now)}${previous ? '; so sánh với số liệu năm trước đã tính trong bảng tính này' : ''}.`,
      ),
    ],
  ];
  if (summary.errors.length) {
    rows.push([
      text(
        `Dữ liệu còn ${formatNumber(summary.errors.length)} lỗi: số liệu dưới đây chưa dùng để báo cáo được. Chạy “Kiểm tra dữ liệu” để xem.`,
        {
          bold: true,
          background: COLOURS.missing,
        },
      ),
    ]);
  }
  rows.push([]);
  const members = tallyTable(
    'Đảng viên',
    summary.members,
    previous ? shareChange(summary.members, previous.members) : null,
  );
  const levelsRow = rows.length + members.levelsAt + 1;
  rows.push(...members.rows, []);
  if (summary.cells) {
    const cellsChange = previous?.cells ? shareChange(summary.cells, previous.cells) : null;
    rows.push(...tallyTable('Chi bộ trực thuộc', summary.cells, cellsChange).rows, []);
  }
  const groups = groupTable('Theo nhóm đảng viên', summary.groups);
  if (groups.length) rows.push(...groups, []);
  rows.push(...targetTable('Thực hiện chỉ tiêu', summary.targets));
  return {
    sheet: SUMMARY_SHEET,
    rows,
    widths: [380, 110, 110, 170, 110, 90, 90, 90, 90, 90, 90],
    frozenRows: 0,
    charts: [
      {
        kind: 'pie',
        title: 'Cơ cấu xếp loại đảng viên',
        range: { row: levelsRow, column: 1, rows: 4, columns: 2 },
        anchor: { row: 2, column: 6 },
      },
    ],
  };
}
