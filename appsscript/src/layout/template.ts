import {
  bestHeaderGuess,
  CELL_COLUMNS,
  CELL_REASON_LABELS,
  INDICATORS,
  INFO_KEYS,
  MEMBER_COLUMNS,
  NOT_RATED_REASONS,
  RATING_LEVELS,
  RATING_LABELS,
  readUnitInfo,
  REASON_LABELS,
  SHEET_NAMES,
  TARGET_COLUMNS,
  UNIT_KINDS,
  type ColumnSpec,
  type Grid,
} from '../../../core';
import { RECEIPT_KEYS } from './receipt';

export type ColumnRule =
  | { kind: 'list'; values: string[]; help: string }
  | { kind: 'date'; help: string }
  | { kind: 'number'; min: number; max: number | null; help: string };

export interface TemplateColumn {
  header: string;
  width: number;
  format?: string;
  rule?: ColumnRule;
}

/** Pixels a bold header character may take at Sheets' default font, with room to spare, and the cell's padding. */
const HEADER_CHARACTER_PX = 8;
const CELL_PADDING_PX = 10;

/** Whether some header is too long for its column on one line: only then is the header row wrapped. */
export function headerNeedsWrap(columns: TemplateColumn[]): boolean {
  return columns.some((c) => c.header.length * HEADER_CHARACTER_PX + CELL_PADDING_PX > c.width);
}

/** One standard sheet of design.md §3 as the add-on creates it. */
export interface TemplateSheet {
  name: string;
  columns: TemplateColumn[];
  /** Rows under the header. */
  rows: (string | number)[][];
  /** Rules on single cells (1-based), e.g. the `Loại hình` value in `Thông tin`. */
  cellRules: { row: number; column: number; rule: ColumnRule }[];
  cellFormats: { row: number; column: number; format: string }[];
  /** Thông tin's first column holds the keys: protected like the header. */
  protectFirstColumn: boolean;
}

export const DATE_FORMAT = 'dd/mm/yyyy';

const ratingRule: ColumnRule = {
  kind: 'list',
  values: RATING_LEVELS.map((level) => RATING_LABELS[level].label),
  help: 'Chọn một trong bốn mức xếp loại. Để trống nếu đảng viên không được xếp loại và ghi lý do ở cột bên cạnh.',
};
const reasonRule: ColumnRule = {
  kind: 'list',
  values: NOT_RATED_REASONS.map((reason) => REASON_LABELS[reason].label),
  help: 'Chỉ ghi khi đảng viên không được xếp loại.',
};
const yesRule: ColumnRule = {
  kind: 'list',
  values: ['x', 'Có'],
  help: 'Chọn “x” (hoặc “Có”) nếu đúng; để trống nếu không.',
};
const dateRule: ColumnRule = { kind: 'date', help: 'Nhập ngày dạng dd/mm/yyyy.' };

const MEMBER_LAYOUT: Record<string, Omit<TemplateColumn, 'header'>> = {
  index: { width: 50 },
  name: { width: 200 },
  card: { width: 120, format: '@' },
  birthDate: { width: 100, format: DATE_FORMAT, rule: dateRule },
  cell: { width: 160 },
  admittedOn: { width: 110, format: DATE_FORMAT, rule: dateRule },
  rating: { width: 230, rule: ratingRule },
  reason: { width: 230, rule: reasonRule },
  score: {
    width: 60,
    rule: { kind: 'number', min: 0, max: 100, help: 'Điểm từ 0 đến 100 (nếu chấm điểm).' },
  },
  disciplined: { width: 100, rule: yesRule },
  sickLeave: { width: 120, rule: yesRule },
  groups: { width: 170, format: '@' },
  note: { width: 200 },
  probationary: { width: 90, rule: yesRule },
  selfCorrected: { width: 120, rule: yesRule },
  scoreGeneral: {
    width: 90,
    rule: { kind: 'number', min: 0, max: 30, help: 'Điểm tiêu chí chung, từ 0 đến 30 (QĐ 366).' },
  },
  scoreTasks: {
    width: 110,
    rule: {
      kind: 'number',
      min: 0,
      max: 70,
      help: 'Điểm kết quả thực hiện nhiệm vụ, từ 0 đến 70 (QĐ 366).',
    },
  },
};

function columnsOf(
  specs: ColumnSpec[],
  layout: Record<string, Omit<TemplateColumn, 'header'>>,
): TemplateColumn[] {
  return specs
    .filter((spec) => !spec.readOnly)
    .map((spec) => ({ header: spec.header, ...(layout[spec.key] ?? { width: 120 }) }));
}

export function templateSheets(defaults: { unitCode: string; year: number }): TemplateSheet[] {
  const infoRows: (string | number)[][] = [
    [INFO_KEYS.code, defaults.unitCode],
    [INFO_KEYS.name, ''],
    [INFO_KEYS.year, defaults.year],
    [INFO_KEYS.kind, ''],
    [INFO_KEYS.evaluationDate, ''],
    [RECEIPT_KEYS.sentAt, ''],
    [RECEIPT_KEYS.version, ''],
  ];
  const infoRow = (label: string) => infoRows.findIndex((r) => r[0] === label) + 2;
  return [
    {
      name: SHEET_NAMES.info,
      columns: [
        { header: 'Mục', width: 170 },
        { header: 'Giá trị', width: 280 },
      ],
      rows: infoRows,
      cellRules: [
        {
          row: infoRow(INFO_KEYS.kind),
          column: 2,
          rule: { kind: 'list', values: [...UNIT_KINDS], help: 'Chọn loại hình tổ chức cơ sở đảng.' },
        },
        {
          row: infoRow(INFO_KEYS.year),
          column: 2,
          rule: { kind: 'number', min: 1990, max: 2200, help: 'Năm đánh giá, ví dụ 2024.' },
        },
        {
          row: infoRow(INFO_KEYS.evaluationDate),
          column: 2,
          rule: { ...dateRule, help: 'Không bắt buộc; mặc định là 31/12 của năm đánh giá.' },
        },
      ],
      cellFormats: [
        { row: infoRow(INFO_KEYS.code), column: 2, format: '@' },
        { row: infoRow(INFO_KEYS.evaluationDate), column: 2, format: DATE_FORMAT },
      ],
      protectFirstColumn: true,
    },
    {
      name: SHEET_NAMES.members,
      columns: columnsOf(MEMBER_COLUMNS, MEMBER_LAYOUT),
      rows: [],
      cellRules: [],
      cellFormats: [],
      protectFirstColumn: false,
    },
    {
      name: SHEET_NAMES.cells,
      columns: columnsOf(CELL_COLUMNS, {
        name: { width: 240 },
        rating: { width: 230, rule: ratingRule },
        foundedOn: { width: 120, format: DATE_FORMAT, rule: dateRule },
        reason: {
          width: 200,
          rule: {
            kind: 'list',
            values: [CELL_REASON_LABELS.newCell.label],
            help: 'Chỉ ghi khi chi bộ mới thành lập (hoặc sáp nhập) chưa đủ 6 tháng: không xếp loại.',
          },
        },
        disciplined: { width: 100, rule: yesRule },
        selfCorrected: { width: 120, rule: yesRule },
        score: {
          width: 60,
          rule: { kind: 'number', min: 0, max: 100, help: 'Điểm từ 0 đến 100 (nếu chấm điểm).' },
        },
        note: { width: 200 },
      }),
      rows: [],
      cellRules: [],
      cellFormats: [],
      protectFirstColumn: false,
    },
    {
      name: SHEET_NAMES.targets,
      columns: columnsOf(TARGET_COLUMNS, {
        code: { width: 230, format: '@' },
        name: { width: 420 },
        target: { width: 90, rule: { kind: 'number', min: 0, max: null, help: 'Số được giao (kế hoạch).' } },
        actual: { width: 90, rule: { kind: 'number', min: 0, max: null, help: 'Số đã thực hiện.' } },
      }),
      rows: INDICATORS.map((indicator) => [indicator.code, indicator.name]),
      cellRules: [],
      cellFormats: [],
      protectFirstColumn: false,
    },
  ];
}

const SPECS: Record<string, ColumnSpec[]> = {
  [SHEET_NAMES.members]: MEMBER_COLUMNS,
  [SHEET_NAMES.cells]: CELL_COLUMNS,
  [SHEET_NAMES.targets]: TARGET_COLUMNS,
};

/** The standard columns (or `Thông tin` keys) an existing sheet lacks, read from its first rows. */
export function missingHeaders(sheet: string, firstRows: Grid): { required: string[]; optional: string[] } {
  if (sheet === SHEET_NAMES.info) {
    const info = readUnitInfo({ sheets: [{ name: sheet, rows: firstRows }] }, []);
    const missing = (Object.keys(INFO_KEYS) as (keyof typeof INFO_KEYS)[]).filter(
      (key) => info.rows[key] === undefined,
    );
    return {
      required: missing.filter((key) => key === 'code' || key === 'year').map((key) => INFO_KEYS[key]),
      optional: missing.filter((key) => key !== 'code' && key !== 'year').map((key) => INFO_KEYS[key]),
    };
  }
  const specs = SPECS[sheet] ?? [];
  const guess = bestHeaderGuess(firstRows, specs);
  const absent = specs.filter((spec) => !spec.readOnly && guess.columns[spec.key] === undefined);
  return {
    required: absent.filter((s) => s.required).map((s) => s.header),
    optional: absent.filter((s) => !s.required).map((s) => s.header),
  };
}
