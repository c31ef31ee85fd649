import { cellText } from './cells';
import { HEADER_SEARCH_ROWS, headerRowsAt, type HeaderMatch } from './headers';
import { readRatingLabel, readReasonLabel } from './labels';
import { MEMBER_COLUMNS, type MemberColumn } from './sheet-formats';
import type { CellValue, Grid, NotRatedReason, RatingLevel } from './types';

/** A column of the one-column-per-level form: a mark in it means this level, or this not-rated reason. */
export type MarkColumn = { rating: RatingLevel } | { reason: NotRatedReason };

/** The member header, with the mark columns of the one-column-per-level form when the sheet uses it. */
export interface MemberHeader extends HeaderMatch<MemberColumn> {
  /** 0-based column index → what a mark there means; empty for the single `Xếp loại` column form. */
  marks: Map<number, MarkColumn>;
}

/** How many distinct levels a sheet must head with their own column to be read as that form. */
const MIN_LEVEL_COLUMNS = 2;

/** The mark columns a header row names: a level ("HTXSNV", "Hoàn thành tốt nhiệm vụ"…) or a reason. */
function markColumnsOf(row: Grid[number]): Map<number, MarkColumn> {
  const marks = new Map<number, MarkColumn>();
  (row ?? []).forEach((cell: CellValue, index) => {
    const text = cellText(cell).replace(/\([^)]*\)|\[[^\]]*\]/g, '');
    if (!text) return;
    const rating = readRatingLabel(text);
    if (rating) return void marks.set(index, { rating: rating.code });
    const reason = readReasonLabel(text);
    if (reason) marks.set(index, { reason: reason.code });
  });
  return marks;
}

function levelCount(marks: Map<number, MarkColumn>): number {
  return new Set([...marks.values()].filter((m) => 'rating' in m).map((m) => 'rating' in m && m.rating)).size;
}

/**
 * design.md §3: the header row (one row, or a group row above the column row) holding a name column and
 * either a `Xếp loại` column or one column per level. In the latter form a group header "Kết quả xếp
 * loại" (read as `Xếp loại`) or "Không xếp loại" over the mark columns is not a column of its own.
 */
export function findMemberHeader(grid: Grid): MemberHeader | null {
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const topMarks = markColumnsOf(grid[index]);
    const belowMarks = grid[index + 1] ? markColumnsOf(grid[index + 1]) : new Map<number, MarkColumn>();
    const twoRowMarks = levelCount(belowMarks) >= MIN_LEVEL_COLUMNS ? belowMarks.size : 0;
    const { columns, dataStart } = headerRowsAt(grid, index, MEMBER_COLUMNS, 'name', twoRowMarks);
    const marks = dataStart === index + 2 ? new Map([...topMarks, ...belowMarks]) : topMarks;
    const oneColumnPerLevel = levelCount(marks) >= MIN_LEVEL_COLUMNS;
    if (oneColumnPerLevel) {
      for (const key of ['rating', 'reason'] as const) {
        const at = columns[key];
        if (at !== undefined && (marks.has(at) || groupsMarks(grid, index, at, marks))) delete columns[key];
      }
    } else marks.clear();
    if (columns.name === undefined || (columns.rating === undefined && !oneColumnPerLevel)) continue;
    return {
      headerIndex: index,
      dataStart,
      columns,
      marks,
      missing: MEMBER_COLUMNS.filter(
        (s) => s.required && columns[s.key] === undefined && !(s.key === 'rating' && oneColumnPerLevel),
      ),
    };
  }
  return null;
}

/** A merged group cell over mark columns: the cell right of it on its row is empty and a mark column sits under it. */
function groupsMarks(grid: Grid, index: number, at: number, marks: Map<number, MarkColumn>): boolean {
  return marks.has(at) || (marks.has(at + 1) && cellText(grid[index]?.[at + 1]) === '');
}
