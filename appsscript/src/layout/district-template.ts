import {
  ASSIGNED_TARGET_COLUMNS,
  bestHeaderGuess,
  forEachInfoValue,
  INDICATORS,
  ORGANIZATION_COLUMNS,
  RATING_LABELS,
  RATING_LEVELS,
  SHEET_NAMES,
  SUPERIOR_INFO_KEYS,
  UNIT_KINDS,
  type ColumnSpec,
  type Grid,
} from '../../../core';
import type { TemplateColumn, TemplateSheet } from './template';

/** Groups (`Khối`) offered in the dropdown; any other text is accepted too. */
const GROUP_SUGGESTIONS = [
  'Xã, phường',
  'Thôn, tổ dân phố',
  'Trường học',
  'Cơ quan',
  'Đơn vị sự nghiệp',
  'Doanh nghiệp',
  'Lực lượng vũ trang',
];

function columnsOf<K extends string>(
  specs: ColumnSpec<K>[],
  layout: Partial<Record<K, Omit<TemplateColumn, 'header'>>>,
): TemplateColumn[] {
  return specs.map((spec) => ({ header: spec.header, width: 120, ...layout[spec.key] }));
}

function sheetOf(name: string, columns: TemplateColumn[]): TemplateSheet {
  return { name, columns, rows: [], cellRules: [], cellFormats: [], protectFirstColumn: false };
}

/** An empty `Giao chỉ tiêu` sheet with its header and a dropdown of the catalogue's indicator codes. */
export function assignedTargetsTemplate(): TemplateSheet {
  return sheetOf(
    SHEET_NAMES.assignedTargets,
    columnsOf(ASSIGNED_TARGET_COLUMNS, {
      unit: { width: 110, format: '@' },
      code: {
        width: 240,
        format: '@',
        rule: {
          kind: 'list',
          values: INDICATORS.map((i) => i.code),
          help: 'Mã chỉ tiêu trong danh mục (có thể dùng mã riêng).',
        },
      },
      name: { width: 420 },
      // As wide as the unit codes: the four widths are then set in three calls.
      target: { width: 110, rule: { kind: 'number', min: 0, max: null, help: 'Số được giao.' } },
    }),
  );
}

/**
 * The superior level's sheets (design.md §3): `Thông tin` naming the organization, `Tổ chức cơ sở` listing the
 * organizations directly below it (its children in the tree) with their group and mergers, `Giao chỉ tiêu`.
 */
export function superiorSheets(defaults: { orgCode: string; year: number }): TemplateSheet[] {
  const info: TemplateSheet = {
    ...sheetOf(SHEET_NAMES.info, [
      { header: 'Mục', width: 170 },
      { header: 'Giá trị', width: 320 },
    ]),
    rows: [
      [SUPERIOR_INFO_KEYS.code, defaults.orgCode],
      [SUPERIOR_INFO_KEYS.name, ''],
      [SUPERIOR_INFO_KEYS.superior, ''],
      [SUPERIOR_INFO_KEYS.year, defaults.year],
      [SUPERIOR_INFO_KEYS.place, ''],
    ],
    cellRules: [
      {
        row: 5,
        column: 2,
        rule: { kind: 'number', min: 1990, max: 2200, help: 'Năm đánh giá, ví dụ 2025.' },
      },
    ],
    cellFormats: [{ row: 2, column: 2, format: '@' }],
    protectFirstColumn: true,
  };
  const organizations = sheetOf(
    SHEET_NAMES.organizations,
    columnsOf(ORGANIZATION_COLUMNS, {
      code: { width: 110, format: '@' },
      name: { width: 300 },
      kind: {
        width: 130,
        rule: { kind: 'list', values: [...UNIT_KINDS], help: 'Loại hình tổ chức (có thể ghi loại khác).' },
      },
      group: {
        width: 150,
        rule: {
          kind: 'list',
          values: GROUP_SUGGESTIONS,
          help: 'Khối có vai trò, chức năng, nhiệm vụ tương đồng: tỷ lệ xuất sắc tính trong từng khối. Có thể ghi khối khác.',
        },
      },
      rating: {
        width: 230,
        rule: {
          kind: 'list',
          values: RATING_LEVELS.map((level) => RATING_LABELS[level].label),
          help: 'Mức xếp loại cấp trên đánh giá tổ chức này.',
        },
      },
      score: {
        width: 60,
        rule: { kind: 'number', min: 0, max: 100, help: 'Điểm từ 0 đến 100 (nếu chấm điểm).' },
      },
      mergedFrom: { width: 160, format: '@' },
      note: { width: 200 },
    }),
  );
  return [info, organizations, assignedTargetsTemplate()];
}

const SUPERIOR_SPECS: Record<string, ColumnSpec[]> = {
  [SHEET_NAMES.organizations]: ORGANIZATION_COLUMNS,
  [SHEET_NAMES.assignedTargets]: ASSIGNED_TARGET_COLUMNS,
};

/** The standard columns (or `Thông tin` keys) an existing superior sheet lacks, read from its first rows. */
export function missingSuperiorHeaders(
  sheet: string,
  firstRows: Grid,
): { required: string[]; optional: string[] } {
  if (sheet === SHEET_NAMES.info) {
    const present = new Set<string>();
    forEachInfoValue({ name: sheet, rows: firstRows }, SUPERIOR_INFO_KEYS, (key) => present.add(key));
    const absent = (Object.keys(SUPERIOR_INFO_KEYS) as (keyof typeof SUPERIOR_INFO_KEYS)[]).filter(
      (key) => !present.has(key),
    );
    const required = (key: string) => key === 'code' || key === 'year';
    return {
      required: absent.filter(required).map((key) => SUPERIOR_INFO_KEYS[key]),
      optional: absent.filter((key) => !required(key)).map((key) => SUPERIOR_INFO_KEYS[key]),
    };
  }
  const specs = SUPERIOR_SPECS[sheet] ?? [];
  const guess = bestHeaderGuess(firstRows, specs);
  const absent = specs.filter((spec) => guess.columns[spec.key] === undefined);
  return {
    required: absent.filter((s) => s.required).map((s) => s.header),
    optional: absent.filter((s) => !s.required).map((s) => s.header),
  };
}
