import { headerName } from './headers';
import { QUOTA_BASE_WORDS, quotaBaseCount, quotaRatioText } from './quota';
import { isValidIsoDate, isoToDayMonthYear, lessThanSixMonths } from './cells';
import { formatNumber } from './format';
import { issue, type IssueCode, type IssuePlace } from './issues';
import { nearestLabel, ratingLabel, reasonLabel } from './labels';
import { roundHalfUp } from './percent';
import { type RuleSet } from './rules';
import { checkScoreCap, formatScore, isScoreIn, proposedLevelText } from './score-checks';
import { MEMBER_COLUMNS, type MemberColumn } from './sheet-formats';
import { firstRowsByKey, firstRowsByKeys } from './first-by-key';
import { MemberTable, memberView } from './member-table';
import { compactKey, foldedKeyHash, foldText, isBlankText } from './text';
import {
  NOT_RATED_REASONS,
  RATING_LEVELS,
  type CellValue,
  type Issue,
  type MemberRow,
  type QuotaSettings,
  type RatingLevel,
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
  /** The column a field of one row was read from, when it is not the field's own column. */
  columnAt?: (row: number, key: MemberColumn) => string | null;
}

const headerOf = (key: MemberColumn) => headerName(MEMBER_COLUMNS, key);

/**
 * Every row check of design.md §2.3 and §2.5 on rows already read from a sheet (a table, or rows) or a
 * request body.
 */
export function checkMembers(members: MemberRow[] | MemberTable, context: MemberCheckContext): Issue[] {
  const found: Issue[] = [];
  // A table's rows are read one at a time into a view (and the row a duplicate points at into another).
  const table = members instanceof MemberTable ? members : null;
  const rows = table ? null : (members as MemberRow[]);
  const count = table ? table.length : rows!.length;
  const view = memberView();
  const earlierView = memberView();
  const rowAt = (index: number) => (table ? table.read(index, view) : rows![index]);
  const at = (member: MemberRow, index: number, key: MemberColumn, value: unknown) => ({
    sheet: context.sheet,
    row: member.row ?? index + 1,
    column:
      (context.columnAt && member.row !== undefined ? context.columnAt(member.row, key) : null) ??
      context.columns?.[key] ??
      null,
    header: headerOf(key),
    value:
      context.rawValue && member.row !== undefined ? context.rawValue(member.row, key) : (value as CellValue),
  });
  const push = (code: IssueCode, place: IssuePlace, message: string) =>
    found.push(issue(code, place, message));
  /** Rows knownCodesOnly had to fix, by index: the duplicate checks compare the fixed rows. */
  const fixedRows = new Map<number, MemberRow>();
  const memberAt = (index: number) =>
    fixedRows.get(index) ?? (table ? table.read(index, earlierView) : rows![index]);
  // A row's name and card number as the checks below see them (knownCodesOnly keeps both, a name that is
  // not text becoming '').
  const nameOf = (index: number) => {
    const name = table ? table.name(index) : rows![index].name;
    return typeof name === 'string' ? name : '';
  };
  const cardOf = (index: number) => (table ? table.card(index) : rows![index].card);
  // A table has the key hashes already (computed as its rows were read).
  const sameCard = (a: number, b: number) => compactKey(cardOf(a)!) === compactKey(cardOf(b)!);
  const firstWithCard = table
    ? firstRowsByKeys(count, (keys, rows) => table.keyedRows(true, keys, rows), sameCard)
    : firstRowsByKey(
        count,
        (index) => {
          const card = cardOf(index);
          return card ? foldedKeyHash(card, true) : null;
        },
        sameCard,
      );
  const sameName = (a: number, b: number) => foldText(nameOf(a)) === foldText(nameOf(b));
  const firstWithName = table
    ? firstRowsByKeys(count, (keys, rows) => table.keyedRows(false, keys, rows), sameName)
    : firstRowsByKey(
        count,
        (index) => {
          const name = nameOf(index);
          return isBlankText(name) ? null : foldedKeyHash(name, false);
        },
        sameName,
      );
  // Most sheets have no unreadable rating: then no row is looked up.
  const unreadableRows = context.unreadable?.size ? context.unreadable : null;
  // Admission days repeat down a sheet: each is checked against the evaluation date once.
  const recentOn = new Map<string, boolean>();
  const recentlyAdmitted = (day: string) => {
    let recent = recentOn.get(day);
    if (recent === undefined) recentOn.set(day, (recent = lessThanSixMonths(day, context.evaluationDate)));
    return recent;
  };

  for (let index = 0; index < count; index++) {
    const input = rowAt(index);
    const row = input.row ?? index + 1;
    let member = input;
    let dropped = false;
    if (table ? !table.allKnown(index) : !allKnown(input)) {
      ({ member, dropped } = knownCodesOnly(input, index, at, push));
      fixedRows.set(index, member);
    }
    const ratingValue = member.rating ? ratingLabel(member.rating) : null;
    const hasNote = !!member.note?.trim();
    // The fixes of knownCodesOnly keep the name: a table's row is named as it was read.
    const named = table ? table.named(index) : !isBlankText(member.name);
    if (!named && !context.unreadableNames?.has(row)) {
      push('E_NAME_MISSING', at(member, index, 'name', null), 'Thiếu họ và tên đảng viên.');
    }
    const score = scoreOf(member, index, at, push);

    const unreadable = (unreadableRows !== null && unreadableRows.has(row)) || dropped;
    if (!unreadable && !member.rating && !member.reason) {
      push(
        'E_NO_RATING',
        at(member, index, 'rating', null),
        'Chưa có mức xếp loại, cũng chưa ghi lý do không xếp loại (miễn sinh hoạt, đình chỉ, mới kết nạp, chưa đánh giá).' +
          proposedLevelText(score, context.ruleSet),
      );
    }
    if (member.rating && member.reason) {
      push(
        'E_RATING_AND_REASON',
        at(member, index, 'reason', member.reason),
        'Đảng viên vừa có mức xếp loại vừa có lý do không xếp loại: chỉ giữ một trong hai.',
      );
    }

    // Only a row with a card number has an earlier one (tested first: it does not open the string).
    const firstCard = firstWithCard[index];
    if (firstCard >= 0 && member.card) {
      push(
        'E_DUPLICATE_CARD',
        at(member, index, 'card', member.card),
        `Số thẻ đảng viên ${member.card} trùng với dòng ${memberAt(firstCard).row ?? firstCard + 1}.`,
      );
    }

    if (named) {
      const firstIndex = firstWithName[index];
      const first = firstIndex >= 0 ? memberAt(firstIndex) : null;
      if (first && !clearlyDifferentPeople(first, member)) {
        found.push(
          issue(
            'W_DUPLICATE_NAME',
            at(member, index, 'name', member.name),
            `Họ tên “${member.name}” trùng với dòng ${first.row ?? firstIndex + 1}: kiểm tra có nhập một người hai lần không.`,
          ),
        );
      }
    }

    const disciplineException = !!member.disciplined && !!member.selfCorrected && hasNote;
    if (member.disciplined && member.rating && member.rating !== 'notComplete') {
      if (disciplineException) {
        push(
          'W_DISCIPLINE_EXCEPTION',
          at(member, index, 'rating', ratingValue),
          `Đảng viên bị kỷ luật trong năm được xếp loại “${ratingLabel(member.rating)}” theo trường hợp ngoại lệ “${SELF_CORRECTED_WORDS}” (ghi chú: “${member.note!.trim()}”): cấp ủy kiểm tra lại căn cứ; một vi phạm chỉ tính một lần khi xếp loại.`,
        );
      } else {
        push(
          'E_DISCIPLINED_RATED_ABOVE',
          at(member, index, 'rating', ratingValue),
          DISCIPLINE_RULE_WORDS +
            (member.selfCorrected
              ? ' Đã đánh dấu “Tự phát hiện, khắc phục”: cần ghi rõ căn cứ ở cột “Ghi chú”.'
              : ''),
        );
      }
    }
    if (member.sickLeave && (member.rating === 'good' || member.rating === 'excellent')) {
      push('E_SICK_LEAVE_RATED_ABOVE', at(member, index, 'rating', ratingValue), SICK_LEAVE_RULE_WORDS);
    }
    if (member.admittedOn && member.rating && recentlyAdmitted(member.admittedOn)) {
      push(
        'E_NEW_MEMBER_RATED',
        at(member, index, 'rating', ratingValue),
        `Kết nạp ngày ${isoToDayMonthYear(member.admittedOn)}, chưa đủ 6 tháng đến ngày đánh giá ${isoToDayMonthYear(
          context.evaluationDate,
        )}: không xếp loại, ghi lý do “${reasonLabel('newMember')}”.`,
      );
    }
    if (member.reason === 'newMember' && member.admittedOn && !recentlyAdmitted(member.admittedOn)) {
      push(
        'E_NEW_MEMBER_REASON_STALE',
        at(member, index, 'reason', reasonLabel('newMember')),
        `Kết nạp ngày ${isoToDayMonthYear(member.admittedOn)}, đã đủ 6 tháng đến ngày đánh giá ${isoToDayMonthYear(
          context.evaluationDate,
        )}: không còn là “${reasonLabel('newMember')}”, phải đánh giá, xếp loại.`,
      );
    }
    if (member.reason === 'pending' && !hasNote) {
      push(
        'W_PENDING_NO_NOTE',
        at(member, index, 'reason', reasonLabel('pending')),
        'Đảng viên “Chưa đánh giá”: ghi lý do ở cột “Ghi chú” (ốm đau dài ngày, nghỉ thai sản, đi học, công tác xa…).',
      );
    }
    if (score !== undefined && member.rating) {
      const factsCap: RatingLevel =
        member.disciplined && !disciplineException
          ? 'notComplete'
          : member.sickLeave
            ? 'complete'
            : 'excellent';
      found.push(
        ...checkScoreCap(
          { score, rating: member.rating, factsCap, hasNote },
          context.ruleSet,
          at(member, index, member.score === undefined ? 'scoreTasks' : 'score', member.score),
        ),
      );
    }
  }
  return found;
}

/** QĐ 124 / QĐ 366 wording of the discipline rule and its exception. */
const SELF_CORRECTED_WORDS = 'tự phát hiện và khắc phục xong hậu quả';
const DISCIPLINE_RULE_WORDS = `Đảng viên bị thi hành kỷ luật trong năm thì xếp loại “${ratingLabel(
  'notComplete',
)}” (một vi phạm chỉ tính một lần khi xếp loại), trừ trường hợp ${SELF_CORRECTED_WORDS}.`;
const SICK_LEAVE_RULE_WORDS = `Đảng viên nghỉ ốm từ 03 tháng trở lên trong năm thì không xếp loại ở mức “${ratingLabel(
  'good',
)}” trở lên.`;

/**
 * The score of a row: `Điểm`, or the sum of its two parts when only they are given (design.md §2.5).
 * Out-of-scale values (E_SCORE_INVALID) and parts that do not add up (E_SCORE_PARTS) are reported here;
 * undefined when there is no usable score.
 */
function scoreOf(
  member: MemberRow,
  index: number,
  at: PlaceOf,
  push: (code: IssueCode, place: IssuePlace, message: string) => void,
): number | undefined {
  if (member.score === undefined && member.scoreGeneral === undefined && member.scoreTasks === undefined)
    return undefined;
  let usable = true;
  for (let field = 0; field < SCORE_FIELDS.length; field++) {
    const { key, max, words } = SCORE_FIELDS[field];
    const value = member[key];
    if (value !== undefined && !isScoreIn(value, max)) {
      push(
        'E_SCORE_INVALID',
        at(member, index, key, value),
        `${words} ${formatScore(value)} nằm ngoài thang 0–${max}.`,
      );
      usable = false;
    }
  }
  if (!usable) return undefined;
  const { score, scoreGeneral: general, scoreTasks: tasks } = member;
  if (general !== undefined && tasks !== undefined) {
    const sum = roundHalfUp(general + tasks, 2);
    if (score !== undefined && Math.abs(score - sum) > 0.005) {
      push(
        'E_SCORE_PARTS',
        at(member, index, 'score', score),
        `Điểm ${formatScore(score)} không bằng tổng hai phần: ${formatScore(general)} (tiêu chí chung) + ${formatScore(
          tasks,
        )} (kết quả thực hiện nhiệm vụ) = ${formatScore(sum)}.`,
      );
      return undefined;
    }
    return score ?? sum;
  }
  if (score === undefined && (general !== undefined || tasks !== undefined)) {
    const missing = general === undefined ? 'scoreGeneral' : 'scoreTasks';
    push(
      'E_SCORE_PARTS',
      at(member, index, missing, null),
      `Mới có một phần điểm: ghi đủ “${headerOf('scoreGeneral')}” và “${headerOf(
        'scoreTasks',
      )}”, hoặc ghi tổng điểm ở cột “${headerOf('score')}”.`,
    );
    return undefined;
  }
  return score;
}

const SCORE_FIELDS = [
  { key: 'score', max: 100, words: 'Điểm' },
  { key: 'scoreGeneral', max: 30, words: 'Điểm tiêu chí chung' },
  { key: 'scoreTasks', max: 70, words: 'Điểm kết quả thực hiện nhiệm vụ' },
] as const;

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

const KNOWN_RATINGS = new Set<string>(RATING_LEVELS);
const KNOWN_REASONS = new Set<string>(NOT_RATED_REASONS);

/** The common case, checked without copying the row: nothing for knownCodesOnly to report or drop. */
function allKnown(member: MemberRow): boolean {
  return (
    typeof member.name === 'string' &&
    (member.rating === undefined || KNOWN_RATINGS.has(member.rating)) &&
    (member.reason === undefined || KNOWN_REASONS.has(member.reason)) &&
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
