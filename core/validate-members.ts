import { headerName } from './headers';
import { QUOTA_BASE_WORDS, quotaBaseCount, quotaRatioText } from './quota';
import { isValidIsoDate, isoToDayMonthYear, lessThanSixMonths } from './cells';
import { formatNumber } from './format';
import { issue, type IssueCode, type IssuePlace } from './issues';
import { nearestLabel, ratingLabel } from './labels';
import { levelForScore, type RuleSet } from './rules';
import { MEMBER_COLUMNS, type MemberColumn } from './sheet-formats';
import { compactKey, foldText } from './text';
import {
  NOT_RATED_REASONS,
  RATING_LEVELS,
  type CellValue,
  type Issue,
  type MemberRow,
  type QuotaSettings,
  type Tally,
} from './types';

export interface MemberCheckContext {
  sheet: string;
  /** YYYY-MM-DD: the day the evaluation is made (default 31/12 of the year). */
  evaluationDate: string;
  ruleSet: RuleSet;
  /** Column letters when the rows come from a sheet; absent for rows sent as JSON. */
  columns?: Partial<Record<MemberColumn, string>>;
  /** Rows whose rating cell was already reported as unreadable. */
  unreadable?: Set<number>;
  /** Rows whose name cell was already reported as unreadable (a formula error). */
  unreadableNames?: Set<number>;
  /** The cell as it stands in the sheet, so issues carry the raw value; absent for rows sent as JSON. */
  rawValue?: (row: number, key: MemberColumn) => CellValue;
}

const headerOf = (key: MemberColumn) => headerName(MEMBER_COLUMNS, key);

/** Every row check of design.md §2.3 on rows already read from a sheet or a request body. */
export function checkMembers(members: MemberRow[], context: MemberCheckContext): Issue[] {
  const found: Issue[] = [];
  const at = (member: MemberRow, index: number, key: MemberColumn, value: unknown) => ({
    sheet: context.sheet,
    row: member.row ?? index + 1,
    column: context.columns?.[key] ?? null,
    header: headerOf(key),
    value:
      context.rawValue && member.row !== undefined ? context.rawValue(member.row, key) : (value as CellValue),
  });
  const push = (code: IssueCode, place: IssuePlace, message: string) =>
    found.push(issue(code, place, message));
  const cards = new Map<string, number>();
  const names = new Map<string, { row: number; member: MemberRow }>();

  members.forEach((input, index) => {
    const row = input.row ?? index + 1;
    const { member, dropped } = knownCodesOnly(input, index, at, push);
    const ratingValue = member.rating ? ratingLabel(member.rating) : null;
    if (!member.name.trim() && !context.unreadableNames?.has(row)) {
      push('E_NAME_MISSING', at(member, index, 'name', null), 'Thiếu họ và tên đảng viên.');
    }

    const unreadable = (context.unreadable?.has(row) ?? false) || dropped;
    if (!unreadable && !member.rating && !member.reason) {
      push(
        'E_NO_RATING',
        at(member, index, 'rating', null),
        'Chưa có mức xếp loại, cũng chưa ghi lý do không xếp loại (miễn sinh hoạt, đình chỉ, mới kết nạp, chưa đánh giá).',
      );
    }
    if (member.rating && member.reason) {
      push(
        'E_RATING_AND_REASON',
        at(member, index, 'reason', member.reason),
        'Đảng viên vừa có mức xếp loại vừa có lý do không xếp loại: chỉ giữ một trong hai.',
      );
    }

    if (member.card) {
      const key = compactKey(member.card);
      const first = cards.get(key);
      if (first !== undefined) {
        push(
          'E_DUPLICATE_CARD',
          at(member, index, 'card', member.card),
          `Số thẻ đảng viên ${member.card} trùng với dòng ${first}.`,
        );
      } else cards.set(key, row);
    }

    if (member.name.trim()) {
      const key = foldText(member.name);
      const first = names.get(key);
      if (first && !clearlyDifferentPeople(first.member, member)) {
        found.push(
          issue(
            'W_DUPLICATE_NAME',
            at(member, index, 'name', member.name),
            `Họ tên “${member.name}” trùng với dòng ${first.row}: kiểm tra có nhập một người hai lần không.`,
          ),
        );
      } else if (!first) names.set(key, { row, member });
    }

    if (member.disciplined && member.rating && member.rating !== 'notComplete') {
      push(
        'E_DISCIPLINED_RATED_ABOVE',
        at(member, index, 'rating', ratingValue),
        `Đảng viên bị kỷ luật trong năm chỉ được xếp loại “${ratingLabel('notComplete')}”.`,
      );
    }
    if (member.sickLeave && (member.rating === 'good' || member.rating === 'excellent')) {
      push(
        'E_SICK_LEAVE_RATED_ABOVE',
        at(member, index, 'rating', ratingValue),
        `Đảng viên nghỉ ốm từ 3 tháng trở lên trong năm không được xếp loại “${ratingLabel('good')}” hoặc “${ratingLabel(
          'excellent',
        )}”.`,
      );
    }
    if (member.admittedOn && member.rating && lessThanSixMonths(member.admittedOn, context.evaluationDate)) {
      push(
        'E_NEW_MEMBER_RATED',
        at(member, index, 'rating', ratingValue),
        `Kết nạp ngày ${isoToDayMonthYear(member.admittedOn)}, chưa đủ 6 tháng đến ngày đánh giá ${isoToDayMonthYear(
          context.evaluationDate,
        )}: không xếp loại, ghi lý do “Mới kết nạp”.`,
      );
    }
    if (member.score !== undefined) {
      if (!Number.isFinite(member.score) || member.score < 0 || member.score > 100) {
        push(
          'E_SCORE_INVALID',
          at(member, index, 'score', member.score),
          `Điểm ${formatScore(member.score)} nằm ngoài thang 0–100.`,
        );
      } else if (member.rating) {
        const expected = levelForScore(context.ruleSet, member.score);
        if (expected && expected !== member.rating) {
          push(
            'E_SCORE_MISMATCH',
            at(member, index, 'score', member.score),
            `Điểm ${formatScore(member.score)} ứng với mức “${ratingLabel(
              expected,
            )}” (${context.ruleSet.name}), nhưng dòng này xếp loại “${ratingLabel(member.rating)}”.`,
          );
        }
      }
    }
  });
  return found;
}

type PlaceOf = (member: MemberRow, index: number, key: MemberColumn, value: unknown) => IssuePlace;

/**
 * Rows sent as JSON are not trusted: a rating or reason that is not a known code, or a date that is not a
 * real YYYY-MM-DD day, is reported and left out of the other checks; `dropped` tells a rating or reason was.
 */
function knownCodesOnly(
  member: MemberRow,
  index: number,
  at: PlaceOf,
  push: (code: IssueCode, place: IssuePlace, message: string) => void,
): { member: MemberRow; dropped: boolean } {
  if (allKnown(member)) return { member, dropped: false };
  const fixed: MemberRow = { ...member, name: typeof member.name === 'string' ? member.name : '' };
  let dropped = false;
  if (member.rating !== undefined && !(RATING_LEVELS as readonly string[]).includes(member.rating)) {
    const text = String(member.rating);
    push(
      'E_RATING_UNKNOWN',
      at(member, index, 'rating', text),
      `Không nhận ra mức xếp loại “${text}”. Có phải “${nearestLabel(text, 'rating')}”?`,
    );
    delete fixed.rating;
    dropped = true;
  }
  if (member.reason !== undefined && !(NOT_RATED_REASONS as readonly string[]).includes(member.reason)) {
    const text = String(member.reason);
    push(
      'E_REASON_UNKNOWN',
      at(member, index, 'reason', text),
      `Không nhận ra lý do không xếp loại “${text}”. Có phải “${nearestLabel(text, 'reason')}”?`,
    );
    delete fixed.reason;
    dropped = true;
  }
  for (const key of ['birthDate', 'admittedOn'] as const) {
    const value = member[key];
    if (value !== undefined && !(typeof value === 'string' && isValidIsoDate(value))) {
      push(
        'E_DATE_INVALID',
        at(member, index, key, value),
        `Ngày “${String(value)}” không hợp lệ: cần một ngày có thật, dạng YYYY-MM-DD.`,
      );
      delete fixed[key];
    }
  }
  return { member: fixed, dropped };
}

/** The common case, checked without copying the row: nothing for knownCodesOnly to report or drop. */
function allKnown(member: MemberRow): boolean {
  return (
    typeof member.name === 'string' &&
    (member.rating === undefined || (RATING_LEVELS as readonly string[]).includes(member.rating)) &&
    (member.reason === undefined || (NOT_RATED_REASONS as readonly string[]).includes(member.reason)) &&
    (member.birthDate === undefined ||
      (typeof member.birthDate === 'string' && isValidIsoDate(member.birthDate))) &&
    (member.admittedOn === undefined ||
      (typeof member.admittedOn === 'string' && isValidIsoDate(member.admittedOn)))
  );
}

function clearlyDifferentPeople(a: MemberRow, b: MemberRow): boolean {
  if (a.card && b.card && compactKey(a.card) !== compactKey(b.card)) return true;
  if (a.birthDate && b.birthDate && a.birthDate !== b.birthDate) return true;
  return false;
}

/** The quota of design.md §2.4 as a warning: the competent level may decide otherwise, so it never blocks. */
export function checkQuota(
  tally: Tally,
  sheet: string,
  subject: string,
  settings: QuotaSettings,
  /** Where the quota applies when it is not the whole list, e.g. "Khối Xã, phường". */
  scope?: string,
): Issue[] {
  if (tally.quota.ok) return [];
  const baseText = `số ${subject} ${QUOTA_BASE_WORDS[settings.base]} (${formatNumber(quotaBaseCount(tally.counts, settings.base))})`;
  return [
    issue(
      'W_QUOTA_EXCEEDED',
      { sheet, row: null, column: null, value: tally.counts.excellent },
      `${scope ? `${scope}: c` : 'C'}ó ${formatNumber(tally.counts.excellent)} ${subject} hoàn thành xuất sắc nhiệm vụ, vượt tỷ lệ ${quotaRatioText(settings.ratio)} của ${baseText}: tối đa ${formatNumber(tally.quota.maxExcellent)}.`,
    ),
  ];
}

/** A score as typed, the Vietnamese way: 89.5 → "89,5", 89.25 → "89,25"; anything else as it came. */
function formatScore(score: unknown): string {
  if (typeof score !== 'number' || !Number.isFinite(score)) return String(score);
  const decimals = Math.min(2, (String(score).split('.')[1] ?? '').length);
  return formatNumber(score, decimals);
}
