import { isoToDayMonthYear, lessThanSixMonths } from './cells';
import { headerName } from './headers';
import { issue, type IssueCode, type IssuePlace } from './issues';
import { CELL_REASON_LABELS, nearestLabel, ratingLabel } from './labels';
import type { RuleSet } from './rules';
import { checkScoreCap, formatScore, isScoreIn, proposedLevelText } from './score-checks';
import { CELL_COLUMNS, SHEET_NAMES, type CellColumn } from './sheet-formats';
import { RATING_LEVELS, type CellRow, type CellValue, type Issue } from './types';

export interface CellCheckContext {
  evaluationDate: string;
  ruleSet: RuleSet;
  sheet?: string;
  /** Column letters when the rows come from the `Chi bộ` sheet. */
  columns?: Partial<Record<CellColumn, string>>;
  /** Rows whose rating or reason was already reported as unreadable. */
  unreadable?: Set<number>;
  /** The cell as it stands in the sheet, so issues carry the raw value; absent for rows sent as JSON. */
  rawValue?: (row: number, key: CellColumn) => CellValue;
}

const NEW_CELL = CELL_REASON_LABELS.newCell.label;

/** The checks of design.md §2.7 on the subordinate cells (chi bộ trực thuộc) of a đảng bộ cơ sở. */
export function checkCells(cells: CellRow[], context: CellCheckContext): Issue[] {
  const found: Issue[] = [];
  const sheet = context.sheet ?? SHEET_NAMES.cells;
  cells.forEach((cell, index) => {
    const row = cell.row ?? index + 1;
    const at = (key: CellColumn, value: unknown): IssuePlace => ({
      sheet,
      row,
      column: context.columns?.[key] ?? null,
      header: headerName(CELL_COLUMNS, key),
      value:
        context.rawValue && cell.row !== undefined ? context.rawValue(cell.row, key) : (value as CellValue),
    });
    const push = (code: IssueCode, place: IssuePlace, message: string) =>
      found.push(issue(code, place, message));
    const name = typeof cell.name === 'string' ? cell.name.trim() : '';
    const called = `Chi bộ “${name}”`;
    const hasNote = !!cell.note?.trim();
    let rating = cell.rating;
    if (rating !== undefined && !(RATING_LEVELS as readonly string[]).includes(rating)) {
      const text = String(rating);
      push(
        'E_RATING_UNKNOWN',
        at('rating', text),
        `Không nhận ra mức xếp loại “${text}”. Có phải “${nearestLabel(text, 'rating')}”?`,
      );
      rating = undefined;
    }
    if (!name) push('E_NAME_MISSING', at('name', null), 'Thiếu tên chi bộ.');

    let score = cell.score;
    if (score !== undefined && !isScoreIn(score, 100)) {
      push('E_SCORE_INVALID', at('score', score), `Điểm ${formatScore(score)} nằm ngoài thang 0–100.`);
      score = undefined;
    }
    if (!rating && !cell.reason && !context.unreadable?.has(row) && cell.rating === undefined) {
      push(
        'E_NO_RATING',
        at('rating', null),
        `${called} chưa có mức xếp loại (hoặc lý do “${NEW_CELL}”).` +
          proposedLevelText(score, context.ruleSet),
      );
    }
    if (rating && cell.reason) {
      push(
        'E_RATING_AND_REASON',
        at('reason', NEW_CELL),
        `${called} vừa có mức xếp loại vừa có lý do “${NEW_CELL}”: chỉ giữ một trong hai.`,
      );
    }
    const founded = cell.foundedOn;
    const young = !!founded && lessThanSixMonths(founded, context.evaluationDate);
    if (founded && rating && young) {
      push(
        'E_NEW_CELL_RATED',
        at('rating', ratingLabel(rating)),
        `${called} thành lập ngày ${isoToDayMonthYear(founded)}, chưa đủ 6 tháng đến ngày đánh giá ${isoToDayMonthYear(
          context.evaluationDate,
        )}: không xếp loại, ghi lý do “${NEW_CELL}”.`,
      );
    }
    if (founded && cell.reason === 'newCell' && !young) {
      push(
        'E_NEW_CELL_REASON_STALE',
        at('reason', NEW_CELL),
        `${called} thành lập ngày ${isoToDayMonthYear(founded)}, đã đủ 6 tháng đến ngày đánh giá ${isoToDayMonthYear(
          context.evaluationDate,
        )}: phải đánh giá, xếp loại.`,
      );
    }
    const exception = !!cell.disciplined && !!cell.selfCorrected && hasNote;
    if (cell.disciplined && rating && rating !== 'notComplete') {
      if (exception) {
        push(
          'W_DISCIPLINE_EXCEPTION',
          at('rating', ratingLabel(rating)),
          `${called} bị kỷ luật trong năm được xếp loại “${ratingLabel(rating)}” theo trường hợp ngoại lệ “tự phát hiện và khắc phục xong hậu quả” (ghi chú: “${cell.note!.trim()}”): cấp ủy kiểm tra lại căn cứ.`,
        );
      } else {
        push(
          'E_DISCIPLINED_RATED_ABOVE',
          at('rating', ratingLabel(rating)),
          `Tổ chức đảng bị thi hành kỷ luật trong năm thì xếp loại “${ratingLabel('notComplete')}”, trừ trường hợp tự phát hiện và khắc phục xong hậu quả (${called}).`,
        );
      }
    }
    if (score !== undefined && rating) {
      found.push(
        ...checkScoreCap(
          {
            score,
            rating,
            factsCap: cell.disciplined && !exception ? 'notComplete' : 'excellent',
            hasNote,
          },
          context.ruleSet,
          at('score', score),
        ),
      );
    }
  });
  return found;
}
