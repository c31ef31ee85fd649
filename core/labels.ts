import { compactKey, editDistance } from './text';
import {
  NOT_RATED_REASONS,
  RATING_LEVELS,
  type CellNotRatedReason,
  type NotRatedReason,
  type RatingLevel,
} from './types';

interface LabelSpec<C extends string> {
  code: C;
  label: string;
  abbreviation: string;
  variants: string[];
}

export const RATING_LABELS: Record<RatingLevel, LabelSpec<RatingLevel>> = {
  excellent: {
    code: 'excellent',
    label: 'Hoàn thành xuất sắc nhiệm vụ',
    abbreviation: 'HTXSNV',
    variants: ['Xuất sắc', 'Hoàn thành xuất sắc', 'HTXS'],
  },
  good: {
    code: 'good',
    label: 'Hoàn thành tốt nhiệm vụ',
    abbreviation: 'HTTNV',
    variants: ['Tốt', 'Hoàn thành tốt', 'HTT'],
  },
  complete: {
    code: 'complete',
    label: 'Hoàn thành nhiệm vụ',
    abbreviation: 'HTNV',
    variants: ['Hoàn thành', 'HT'],
  },
  notComplete: {
    code: 'notComplete',
    label: 'Không hoàn thành nhiệm vụ',
    abbreviation: 'KHTNV',
    variants: ['Không hoàn thành', 'KHT'],
  },
};

export const REASON_LABELS: Record<NotRatedReason, LabelSpec<NotRatedReason>> = {
  exempt: {
    code: 'exempt',
    label: 'Miễn công tác và sinh hoạt đảng',
    abbreviation: 'Miễn SH',
    variants: [
      'Miễn sinh hoạt',
      'Miễn sinh hoạt đảng',
      'Miễn công tác và sinh hoạt',
      'Miễn công tác, sinh hoạt đảng',
      'Miễn',
    ],
  },
  suspended: {
    code: 'suspended',
    label: 'Đình chỉ sinh hoạt đảng',
    abbreviation: 'Đình chỉ SH',
    variants: ['Đình chỉ sinh hoạt', 'Đình chỉ'],
  },
  newMember: {
    code: 'newMember',
    label: 'Mới kết nạp (dưới 6 tháng)',
    abbreviation: 'Mới KN',
    variants: ['Mới kết nạp', 'Dự bị dưới 6 tháng', 'Kết nạp dưới 6 tháng', 'Đảng viên mới kết nạp'],
  },
  pending: {
    code: 'pending',
    label: 'Chưa đánh giá',
    abbreviation: 'Chưa ĐG',
    variants: ['Chưa đánh giá, xếp loại', 'Chưa xếp loại'],
  },
};

export const CELL_REASON_LABELS: Record<CellNotRatedReason, LabelSpec<CellNotRatedReason>> = {
  newCell: {
    code: 'newCell',
    label: 'Mới thành lập (dưới 6 tháng)',
    abbreviation: 'Mới TL',
    variants: [
      'Mới thành lập',
      'Mới sáp nhập',
      'Mới hợp nhất',
      'Thành lập dưới 6 tháng',
      'Mới thành lập, sáp nhập',
      'Chi bộ mới thành lập',
    ],
  },
};

function buildIndex<C extends string>(specs: Record<C, LabelSpec<C>>): Map<string, C> {
  const index = new Map<string, C>();
  for (const spec of Object.values(specs) as LabelSpec<C>[]) {
    for (const text of [spec.label, spec.abbreviation, ...spec.variants])
      index.set(compactKey(text), spec.code);
  }
  return index;
}

const ratingIndex = buildIndex(RATING_LABELS);
const reasonIndex = buildIndex(REASON_LABELS);
const cellReasonIndex = buildIndex(CELL_REASON_LABELS);

export function recognizeRating(text: string): RatingLevel | null {
  return ratingIndex.get(compactKey(text)) ?? null;
}

export function recognizeReason(text: string): NotRatedReason | null {
  return reasonIndex.get(compactKey(text)) ?? null;
}

export function recognizeCellReason(text: string): CellNotRatedReason | null {
  return cellReasonIndex.get(compactKey(text)) ?? null;
}

const LONGEST_LABEL = 80;

/** The canonical label closest to an unrecognised text, for "did you mean …" messages. */
export function nearestLabel(text: string, kind: 'rating' | 'reason'): string {
  const specs: LabelSpec<string>[] =
    kind === 'rating'
      ? RATING_LEVELS.map((c) => RATING_LABELS[c])
      : NOT_RATED_REASONS.map((c) => REASON_LABELS[c]);
  // Labels are short: comparing a long text's start is enough, and keeps the edit distance cheap
  // (a 100.000-character cell took a minute).
  const key = compactKey(text).slice(0, LONGEST_LABEL);
  let best = specs[0].label;
  let bestDistance = Infinity;
  for (const spec of specs) {
    for (const candidate of [spec.label, spec.abbreviation, ...spec.variants]) {
      const distance = editDistance(key, compactKey(candidate));
      if (distance < bestDistance) {
        bestDistance = distance;
        best = spec.label;
      }
    }
  }
  return best;
}

export function ratingLabel(level: RatingLevel): string {
  return RATING_LABELS[level].label;
}

export function reasonLabel(reason: NotRatedReason): string {
  return REASON_LABELS[reason].label;
}
