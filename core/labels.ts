import { issue, type IssuePlace } from './issues';
import { compactKey, editDistance } from './text';
import {
  NOT_RATED_REASONS,
  RATING_LEVELS,
  type CellNotRatedReason,
  type Issue,
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
    variants: ['Xuất sắc', 'Hoàn thành xuất sắc', 'HTXS', 'Hoàn thành xuất sắc NV'],
  },
  good: {
    code: 'good',
    label: 'Hoàn thành tốt nhiệm vụ',
    abbreviation: 'HTTNV',
    variants: ['Tốt', 'Hoàn thành tốt', 'HTT', 'Hoàn thành tốt NV'],
  },
  complete: {
    code: 'complete',
    label: 'Hoàn thành nhiệm vụ',
    abbreviation: 'HTNV',
    variants: ['Hoàn thành', 'HT', 'Hoàn thành NV'],
  },
  notComplete: {
    code: 'notComplete',
    label: 'Không hoàn thành nhiệm vụ',
    abbreviation: 'KHTNV',
    variants: ['Không hoàn thành', 'KHT', 'Không hoàn thành NV', 'Không HTNV'],
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
    label: 'Mới kết nạp chưa đủ 06 tháng',
    abbreviation: 'Mới KN',
    variants: [
      'Mới kết nạp',
      'Mới kết nạp (dưới 6 tháng)',
      'Mới kết nạp chưa đủ 6 tháng',
      'Dự bị dưới 6 tháng',
      'Kết nạp dưới 6 tháng',
      'Đảng viên mới kết nạp',
    ],
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

/** A label as written, case- and spacing-insensitive but keeping its diacritics (NFC or NFD alike). */
export function spellingKey(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[Ðð]/g, 'đ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

interface LabelIndex<C extends string> {
  exact: Map<string, C>;
  folded: Map<string, C>;
  specs: Record<C, LabelSpec<C>>;
  /** Texts already read: a sheet repeats a handful of labels on every row. */
  read: Map<string, LabelRead<C> | null>;
  /**
   * The last few texts read, compared before the map is asked: every cell's text is a string of its own,
   * and comparing it with a recent one (lengths first) costs less than hashing it for the map.
   */
  recentTexts: string[];
  recentReads: (LabelRead<C> | null)[];
  nextRecent: number;
}

const RECENT_TEXTS = 4;

function buildIndex<C extends string>(specs: Record<C, LabelSpec<C>>): LabelIndex<C> {
  const index: LabelIndex<C> = {
    exact: new Map(),
    folded: new Map(),
    specs,
    read: new Map(),
    recentTexts: new Array<string>(RECENT_TEXTS).fill(''),
    recentReads: new Array<LabelRead<C> | null>(RECENT_TEXTS).fill(null),
    nextRecent: 0,
  };
  for (const spec of Object.values(specs) as LabelSpec<C>[]) {
    for (const text of [spec.label, spec.abbreviation, ...spec.variants]) {
      index.exact.set(spellingKey(text), spec.code);
      index.folded.set(compactKey(text), spec.code);
    }
  }
  return index;
}

const ratingIndex = buildIndex(RATING_LABELS);
const reasonIndex = buildIndex(REASON_LABELS);
const cellReasonIndex = buildIndex(CELL_REASON_LABELS);

export interface LabelRead<C extends string> {
  readonly code: C;
  /** True when the text was read only after dropping its diacritics (or fixing a wrong one). */
  readonly normalized: boolean;
  /** The canonical text the cell should hold. */
  readonly canonical: string;
}

/**
 * A label read as design.md §2.1 says: the full text, the abbreviation or a short form in any case and
 * Unicode form; also, but `normalized`, one that matches only without its diacritics ("Hoan thanh tot nhiem
 * vu", "Hoàn thành tôt nhiệm vụ"). Other slips are not guessed: "Hoàn thành đạt" is not "Hoàn thành tốt".
 */
function readLabel<C extends string>(text: string, index: LabelIndex<C>): LabelRead<C> | null {
  const recent = index.recentTexts;
  for (let i = 0; i < RECENT_TEXTS; i++) if (recent[i] === text) return index.recentReads[i];
  let result = index.read.get(text);
  if (result === undefined) {
    result = readLabelAnew(text, index);
    // Bounded, so a sheet of all-different texts does not grow it without end; long texts are not kept.
    if (text.length > LABEL_CACHE_TEXT_LENGTH) return result;
    if (index.read.size >= LABEL_CACHE_SIZE) index.read.clear();
    index.read.set(text, result);
  }
  recent[index.nextRecent] = text;
  index.recentReads[index.nextRecent] = result;
  index.nextRecent = (index.nextRecent + 1) % RECENT_TEXTS;
  return result;
}

const LABEL_CACHE_SIZE = 1000;
const LABEL_CACHE_TEXT_LENGTH = 200;

function readLabelAnew<C extends string>(text: string, index: LabelIndex<C>): LabelRead<C> | null {
  const found = (code: C, normalized: boolean) =>
    Object.freeze({ code, normalized, canonical: index.specs[code].label });
  const exact = index.exact.get(spellingKey(text));
  if (exact) return found(exact, false);
  const folded = index.folded.get(compactKey(text));
  if (folded) return found(folded, true);
  // A dropdown's "Hoàn thành tốt nhiệm vụ (HTTNV)" or "HTTNV (Tốt)": both parts must name the same level.
  const parts = /^([^()]+)\(([^()]+)\)[\s.]*$/.exec(text);
  if (!parts) return null;
  const [outer, inner] = [readLabelAnew(parts[1], index), readLabelAnew(parts[2], index)];
  return outer && inner && outer.code === inner.code
    ? found(outer.code, outer.normalized || inner.normalized)
    : null;
}

export function readRatingLabel(text: string): LabelRead<RatingLevel> | null {
  return readLabel(text, ratingIndex);
}

export function readReasonLabel(text: string): LabelRead<NotRatedReason> | null {
  return readLabel(text, reasonIndex);
}

export function readCellReasonLabel(text: string): LabelRead<CellNotRatedReason> | null {
  return readLabel(text, cellReasonIndex);
}

export function recognizeRating(text: string): RatingLevel | null {
  return readRatingLabel(text)?.code ?? null;
}

export function recognizeReason(text: string): NotRatedReason | null {
  return readReasonLabel(text)?.code ?? null;
}

export function recognizeCellReason(text: string): CellNotRatedReason | null {
  return readCellReasonLabel(text)?.code ?? null;
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

/** W_LABEL_NORMALIZED: the label was understood, but the cell should hold the canonical text. */
export function normalizedLabelIssue(place: IssuePlace, text: string, canonical: string): Issue {
  return issue(
    'W_LABEL_NORMALIZED',
    place,
    `“${text}” được hiểu là “${canonical}”: nên sửa lại cho đúng chữ.`,
    canonical,
  );
}
