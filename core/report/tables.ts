import { RATING_LABELS, REASON_LABELS } from '../labels';
import { QUOTA_BASE_WORDS, quotaRatioText } from '../quota';
import {
  NOT_RATED_REASONS,
  RATING_LEVELS,
  type Development,
  type ShareChange,
  type Tally,
  type TargetResult,
} from '../types';
import {
  count,
  decimal,
  EMPTY,
  fraction,
  index,
  points,
  text,
  type ReportChart,
  type ReportColumn,
  type ReportRow,
  type ReportTable,
} from './model';

const STT: ReportColumn = { header: 'STT', role: 'index' };

/** Count and share of each level (of those rated), with the change in points when last year is known. */
export function ratingTable(
  id: string,
  caption: string,
  tally: Tally,
  change: ShareChange | null,
): ReportTable {
  const columns: ReportColumn[] = [
    STT,
    { header: 'Mức xếp loại', role: 'label' },
    { header: 'Viết tắt', role: 'code' },
    { header: 'Số lượng', role: 'figure' },
    { header: 'Tỷ lệ', role: 'figure' },
    ...(change ? [{ header: 'So với năm trước (điểm phần trăm)', role: 'figure' as const }] : []),
  ];
  const rows: ReportRow[] = RATING_LEVELS.map((level, at) => ({
    cells: [
      index(at + 1),
      text(RATING_LABELS[level].label),
      text(RATING_LABELS[level].abbreviation),
      count(tally.counts[level]),
      fraction(tally.percent[level]),
      ...(change ? [points(change[level])] : []),
    ],
  }));
  rows.push({
    total: true,
    cells: [
      EMPTY,
      text('Cộng số được xếp loại'),
      EMPTY,
      count(tally.evaluated),
      fraction(tally.evaluated ? 100 : null),
      ...(change ? [EMPTY] : []),
    ],
  });
  return { id, caption, columns, rows };
}

/** The excellent-per-good share and the quota: the most allowed, how many there are. */
export function quotaTable(id: string, caption: string, tally: Tally): ReportTable {
  const { quota } = tally;
  return {
    id,
    caption,
    columns: [STT, { header: 'Nội dung', role: 'label' }, { header: 'Số liệu', role: 'figure' }],
    rows: [
      {
        cells: [index(1), text('Tỷ lệ HTXSNV so với số HTTNV'), fraction(tally.excellentPerGood)],
      },
      {
        cells: [
          index(2),
          text(`Số HTXSNV tối đa (${quotaRatioText(quota.ratio)} số ${QUOTA_BASE_WORDS[quota.base]})`),
          count(quota.maxExcellent),
        ],
      },
      {
        alert: !quota.ok,
        cells: [
          index(3),
          text(quota.ok ? 'Số HTXSNV: trong định mức' : 'Số HTXSNV: vượt định mức'),
          count(tally.counts.excellent),
        ],
      },
    ],
  };
}

/** Everyone counted: those rated and those not rated, by reason. */
export function headcountTable(id: string, caption: string, tally: Tally): ReportTable {
  // Probationary members are reported apart (design.md §2.7) once a list marks any.
  const probationary = tally.probationary.total > 0;
  const rows: ReportRow[] = [
    { total: true, cells: [EMPTY, text('Tổng số đảng viên'), count(tally.total)] },
    ...(probationary
      ? [{ cells: [EMPTY, text('Trong đó: đảng viên dự bị'), count(tally.probationary.total)] }]
      : []),
    { cells: [index(1), text('Được đánh giá, xếp loại'), count(tally.evaluated)] },
    ...(probationary
      ? [{ cells: [EMPTY, text('Trong đó: đảng viên dự bị'), count(tally.probationary.evaluated)] }]
      : []),
    { cells: [index(2), text('Không xếp loại'), count(tally.total - tally.evaluated)] },
    ...NOT_RATED_REASONS.map((reason) => ({
      cells: [
        EMPTY,
        text(`Trong đó: ${REASON_LABELS[reason].label.toLowerCase()}`),
        count(tally.notRated[reason]),
      ],
    })),
  ];
  return {
    id,
    caption,
    columns: [STT, { header: 'Nội dung', role: 'label' }, { header: 'Số lượng', role: 'figure' }],
    rows,
  };
}

/** One row a member group (cadres, youth-union members…): how many rated and at each level. */
export function groupTable(id: string, caption: string, groups: Record<string, Tally>): ReportTable | null {
  const entries = Object.entries(groups);
  if (!entries.length) return null;
  return {
    id,
    caption,
    columns: [
      STT,
      { header: 'Nhóm đảng viên', role: 'label' },
      { header: 'Được xếp loại', role: 'figure' },
      ...RATING_LEVELS.map((l) => ({ header: RATING_LABELS[l].abbreviation, role: 'figure' as const })),
    ],
    rows: entries.map(([label, tally], at) => ({
      cells: [
        index(at + 1),
        text(label),
        count(tally.evaluated),
        ...RATING_LEVELS.map((l) => count(tally.counts[l])),
      ],
    })),
  };
}

/** Target achievement, names in full and codes in a narrow column. */
export function targetTable(id: string, caption: string, targets: TargetResult[]): ReportTable | null {
  if (!targets.length) return null;
  return {
    id,
    caption,
    columns: [
      STT,
      { header: 'Chỉ tiêu', role: 'label' },
      { header: 'Mã', role: 'code' },
      { header: 'Kế hoạch', role: 'figure' },
      { header: 'Thực hiện', role: 'figure' },
      { header: 'Tỷ lệ đạt', role: 'figure' },
    ],
    rows: targets.map((t, at) => ({
      cells: [
        index(at + 1),
        text(t.name),
        text(t.code),
        decimal(t.target),
        decimal(t.actual),
        fraction(t.percent),
      ],
    })),
  };
}

/** "Tỷ lệ phát triển đảng viên": members admitted ÷ members at the start of the year. */
export function developmentTable(id: string, caption: string, development: Development): ReportTable {
  return {
    id,
    caption,
    columns: [STT, { header: 'Nội dung', role: 'label' }, { header: 'Số liệu', role: 'figure' }],
    rows: [
      { cells: [index(1), text('Đảng viên đầu năm'), count(development.membersAtStart)] },
      { cells: [index(2), text('Kết nạp trong năm'), count(development.admitted)] },
      { total: true, cells: [EMPTY, text('Tỷ lệ phát triển đảng viên'), fraction(development.percent)] },
    ],
  };
}

/** A pie of the four levels of a rating table (label column, count column). */
export function ratingChart(title: string, table: ReportTable, tally: Tally): ReportChart {
  return {
    title,
    table: table.id,
    rows: [0, 1, 2, 3],
    labelColumn: 1,
    valueColumn: 3,
    slices: RATING_LEVELS.map((l) => ({ label: RATING_LABELS[l].label, value: tally.counts[l] })),
  };
}
