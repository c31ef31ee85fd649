import { isoToDayMonthYear, lessThanSixMonths } from './cells';
import { formatNumber } from './format';
import { issue, type IssueCode } from './issues';
import { ratingLabel } from './labels';
import { levelForScore, type RuleSet } from './rules';
import { MEMBER_COLUMNS, type MemberColumn } from './sheet-formats';
import { compactKey, foldText } from './text';
import type { Issue, MemberRow, QuotaSettings, Tally } from './types';

export interface MemberCheckContext {
  sheet: string;
  /** YYYY-MM-DD: the day the evaluation is made (default 31/12 of the year). */
  evaluationDate: string;
  ruleSet: RuleSet;
  /** Column letters when the rows come from a sheet; absent for rows sent as JSON. */
  columns?: Partial<Record<MemberColumn, string>>;
  /** Rows whose rating cell was already reported as unreadable. */
  unreadable?: Set<number>;
}

const headerOf = (key: MemberColumn) => MEMBER_COLUMNS.find((c) => c.key === key)!.header;

/** Every row check of design.md §2.3 on rows already read from a sheet or a request body. */
export function checkMembers(members: MemberRow[], context: MemberCheckContext): Issue[] {
  const found: Issue[] = [];
  const at = (member: MemberRow, index: number, key: MemberColumn, value: unknown) => ({
    sheet: context.sheet,
    row: member.row ?? index + 1,
    column: context.columns?.[key] ?? null,
    header: headerOf(key),
    value: value as string | number | boolean | null,
  });
  const push = (code: IssueCode, place: ReturnType<typeof at>, message: string) => found.push(issue(code, place, message));
  const cards = new Map<string, number>();
  const names = new Map<string, { row: number; member: MemberRow }>();

  members.forEach((member, index) => {
    const row = member.row ?? index + 1;
    const ratingValue = member.rating ? ratingLabel(member.rating) : null;
    if (!member.name.trim()) push('E_NAME_MISSING', at(member, index, 'name', null), 'Thiếu họ và tên đảng viên.');

    const unreadable = context.unreadable?.has(row) ?? false;
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
        push('E_DUPLICATE_CARD', at(member, index, 'card', member.card), `Số thẻ đảng viên ${member.card} trùng với dòng ${first}.`);
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
        'Đảng viên nghỉ ốm từ 3 tháng trở lên trong năm không được xếp loại “Hoàn thành tốt” hoặc “Hoàn thành xuất sắc” nhiệm vụ.',
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
        push('E_SCORE_INVALID', at(member, index, 'score', member.score), `Điểm ${member.score} nằm ngoài thang 0–100.`);
      } else if (member.rating) {
        const expected = levelForScore(context.ruleSet, member.score);
        if (expected && expected !== member.rating) {
          push(
            'E_SCORE_MISMATCH',
            at(member, index, 'score', member.score),
            `Điểm ${formatNumber(member.score, Number.isInteger(member.score) ? 0 : 1)} ứng với mức “${ratingLabel(
              expected,
            )}” (${context.ruleSet.name}), nhưng dòng này xếp loại “${ratingLabel(member.rating)}”.`,
          );
        }
      }
    }
  });
  return found;
}

function clearlyDifferentPeople(a: MemberRow, b: MemberRow): boolean {
  if (a.card && b.card && compactKey(a.card) !== compactKey(b.card)) return true;
  if (a.birthDate && b.birthDate && a.birthDate !== b.birthDate) return true;
  return false;
}

/** The quota of design.md §2.4 as a warning: the competent level may decide otherwise, so it never blocks. */
export function checkQuota(tally: Tally, sheet: string, subject: string, settings: QuotaSettings): Issue[] {
  if (tally.quota.ok) return [];
  const baseText =
    settings.base === 'good'
      ? `số ${subject} hoàn thành tốt nhiệm vụ (${formatNumber(tally.counts.good)})`
      : settings.base === 'goodOrBetter'
        ? `số ${subject} hoàn thành tốt nhiệm vụ trở lên (${formatNumber(tally.counts.good + tally.counts.excellent)})`
        : `số ${subject} được xếp loại (${formatNumber(tally.evaluated)})`;
  return [
    issue(
      'W_QUOTA_EXCEEDED',
      { sheet, row: null, column: null, value: tally.counts.excellent },
      `Có ${formatNumber(tally.counts.excellent)} ${subject} hoàn thành xuất sắc nhiệm vụ, vượt tỷ lệ ${formatNumber(
        settings.ratio * 100,
      )}% của ${baseText}: tối đa ${formatNumber(tally.quota.maxExcellent)}.`,
    ),
  ];
}
