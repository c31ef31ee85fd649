import { cellText, isEmptyCell } from './cells';
import { checkConsolidation } from './consolidation-shape';
import { findHeader, findSheet, type ColumnSpec } from './headers';
import { REASON_LABELS, RATING_LABELS } from './labels';
import type { CellValue, Consolidation, Grid, SheetData, WorkbookData } from './types';

/**
 * The "figures sheet": a consolidation written out one value a row, so that the report workbook a level sends
 * up can be read back and rolled up exactly. Each row: a Vietnamese description, the value's key (a JSON
 * pointer), its kind and the value. Objects and lists have a row of their own (their size), before their
 * contents.
 */
export const FIGURES_SHEET = 'Số liệu tổng hợp';
export const FIGURES_FORMAT = 'xeploai-so-lieu/1';
const TITLE = 'SỐ LIỆU TỔNG HỢP — để cấp trên đọc lại và tổng hợp tiếp; không sửa trang này';

type FiguresColumn = 'label' | 'key' | 'kind' | 'value';
const FIGURES_COLUMNS: ColumnSpec<FiguresColumn>[] = [
  { key: 'label', header: 'Nội dung', synonyms: [] },
  { key: 'key', header: 'Khóa', synonyms: [], required: true },
  { key: 'kind', header: 'Kiểu', synonyms: [], required: true },
  { key: 'value', header: 'Giá trị', synonyms: [], required: true },
];

const KIND = {
  number: 'số',
  text: 'chữ',
  flag: 'đúng/sai',
  empty: 'trống',
  list: 'danh sách',
  record: 'nhóm',
} as const;
type Kind = (typeof KIND)[keyof typeof KIND];

const FORMAT_KEY = '#';

const WORDS: Record<string, string> = {
  year: 'Năm',
  quarter: 'Quý',
  organization: 'Tổ chức',
  code: 'Mã',
  name: 'Tên',
  kind: 'Loại hình',
  group: 'Khối',
  parent: 'Cấp trên',
  mergedFrom: 'Sáp nhập từ',
  units: 'Đơn vị',
  count: 'Số đơn vị',
  codes: 'Mã các đơn vị',
  byKind: 'Theo loại hình',
  members: 'Đảng viên',
  total: 'Tổng số',
  evaluated: 'Được xếp loại',
  notRated: 'Không xếp loại',
  counts: 'Số lượng',
  percent: 'Tỷ lệ (%)',
  excellentPerGood: 'Xuất sắc so với hoàn thành tốt (%)',
  quota: 'Giới hạn xuất sắc',
  ratio: 'Tỷ lệ giới hạn',
  base: 'Cơ sở tính',
  maxExcellent: 'Số xuất sắc tối đa',
  ok: 'Trong giới hạn',
  probationary: 'Đảng viên dự bị',
  groups: 'Nhóm đảng viên',
  cells: 'Chi bộ trực thuộc',
  organizations: 'Xếp loại tổ chức',
  organizationGroups: 'Xếp loại tổ chức theo khối',
  upperOrganizations: 'Tổ chức đảng cấp trên cơ sở',
  byUnit: 'Theo đơn vị',
  children: 'Đơn vị trực thuộc',
  isUnit: 'Là tổ chức cơ sở đảng',
  errors: 'Lỗi',
  warnings: 'Cảnh báo',
  change: 'So với năm trước (điểm phần trăm)',
  comparedWith: 'So với số liệu năm trước của',
  targets: 'Chỉ tiêu',
  target: 'Kế hoạch',
  actual: 'Thực hiện',
  development: 'Phát triển đảng viên',
  admitted: 'Kết nạp',
  membersAtStart: 'Đảng viên đầu năm',
  sheet: 'Trang',
  row: 'Dòng',
  column: 'Cột',
  value: 'Giá trị',
  message: 'Nội dung',
  header: 'Tiêu đề cột',
  unit: 'Đơn vị',
  ...Object.fromEntries(Object.values(RATING_LABELS).map((l) => [l.code, l.abbreviation])),
  ...Object.fromEntries(Object.values(REASON_LABELS).map((l) => [l.code, l.label])),
};

/** RFC 6901 escaping of one key of a JSON pointer. */
const escapeKey = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapeKey = (key: string) => key.replace(/~1/g, '/').replace(/~0/g, '~');

/** The consolidation as the figures sheet's rows (a title row, the header, then one row a value). */
export function figuresGrid(consolidation: Consolidation): Grid {
  const rows: Grid = [[TITLE], FIGURES_COLUMNS.map((c) => c.header)];
  rows.push(['Định dạng số liệu', FORMAT_KEY, KIND.text, FIGURES_FORMAT]);
  const walk = (value: unknown, pointer: string, label: string) => {
    if (value === undefined) return;
    if (Array.isArray(value)) {
      if (pointer) rows.push([label, pointer, KIND.list, value.length]);
      value.forEach((item, index) =>
        walk(item, `${pointer}/${index}`, `${label} › ${itemName(item, index)}`),
      );
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value).filter(([, v]) => v !== undefined);
      if (pointer) rows.push([label, pointer, KIND.record, entries.length]);
      for (const [key, inner] of entries)
        walk(
          inner,
          `${pointer}/${escapeKey(key)}`,
          label ? `${label} › ${WORDS[key] ?? key}` : (WORDS[key] ?? key),
        );
    } else if (value === null) rows.push([label, pointer, KIND.empty, null]);
    else if (typeof value === 'number') rows.push([label, pointer, KIND.number, value]);
    else if (typeof value === 'boolean') rows.push([label, pointer, KIND.flag, value]);
    else rows.push([label, pointer, KIND.text, String(value)]);
  };
  walk(JSON.parse(JSON.stringify(consolidation)), '', '');
  return rows;
}

function itemName(item: unknown, index: number): string {
  const code = item && typeof item === 'object' && 'code' in item ? (item as { code: unknown }).code : null;
  return typeof code === 'string' && code ? code : String(index + 1);
}

export type FiguresRead = { ok: true; consolidation: Consolidation } | { ok: false; message: string };

export function hasFiguresSheet(workbook: WorkbookData): boolean {
  return !!findSheet(workbook, FIGURES_SHEET);
}

/** The consolidation back from a workbook's figures sheet; a sheet that was edited or damaged says where. */
export async function readFiguresSheet(workbook: WorkbookData): Promise<FiguresRead> {
  const sheet = findSheet(workbook, FIGURES_SHEET);
  if (!sheet) return { ok: false, message: `Không có trang “${FIGURES_SHEET}”.` };
  return readFiguresGrid(sheet);
}

export async function readFiguresGrid(sheet: SheetData): Promise<FiguresRead> {
  const header = findHeader(sheet.rows, FIGURES_COLUMNS, ['key', 'kind', 'value']);
  const where = (index: number) => `Trang “${sheet.name}”, dòng ${index + 1}`;
  if (!header)
    return { ok: false, message: `Trang “${sheet.name}” thiếu dòng tiêu đề “Khóa”, “Kiểu”, “Giá trị”.` };
  const at = (cells: CellValue[], column: FiguresColumn) => cells[header.columns[column]!];
  const root: Record<string, unknown> = {};
  const sizes: { container: unknown[] | Record<string, unknown>; size: number; index: number }[] = [];
  let format: string | null = null;
  for (let index = header.headerIndex + 1; index < sheet.rows.length; index++) {
    const cells = sheet.rows[index] ?? [];
    const key = cellText(at(cells, 'key'));
    if (!key) continue;
    const kind = cellText(at(cells, 'kind')) as Kind;
    const raw = at(cells, 'value');
    if (key === FORMAT_KEY) {
      format = cellText(raw);
      continue;
    }
    const value = decodeValue(kind, raw);
    if (value === undefined) return { ok: false, message: `${where(index)}: kiểu hay giá trị không hợp lệ.` };
    const path = key.split('/');
    if (path[0] !== '') return { ok: false, message: `${where(index)}: khóa “${key}” không hợp lệ.` };
    const parent = path.slice(1, -1).reduce<unknown>((node, part) => childOf(node, unescapeKey(part)), root);
    const last = unescapeKey(path[path.length - 1]);
    if (!parent || typeof parent !== 'object' || (Array.isArray(parent) && last !== String(parent.length)))
      return { ok: false, message: `${where(index)}: khóa “${key}” không thuộc nhóm nào ở trên.` };
    (parent as Record<string, unknown>)[last] = value;
    if (kind === KIND.list || kind === KIND.record)
      sizes.push({ container: value as Record<string, unknown>, size: Number(raw), index });
  }
  if (format !== FIGURES_FORMAT)
    return {
      ok: false,
      message: `Trang “${sheet.name}” không phải số liệu tổng hợp của xeploai (${FIGURES_FORMAT}).`,
    };
  for (const { container, size, index } of sizes) {
    const found = Array.isArray(container) ? container.length : Object.keys(container).length;
    if (found !== size)
      return {
        ok: false,
        message: `${where(index)}: ghi ${size} phần tử nhưng có ${found}: trang đã bị sửa.`,
      };
  }
  const checked = await checkConsolidation(root);
  return checked.ok ? checked : { ok: false, message: `Trang “${sheet.name}”: ${checked.message}` };
}

function childOf(node: unknown, key: string): unknown {
  return node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
}

function decodeValue(kind: Kind, raw: CellValue): unknown {
  switch (kind) {
    case KIND.number: {
      const n = typeof raw === 'number' ? raw : Number(cellText(raw));
      return Number.isFinite(n) && !isEmptyCell(raw) ? n : undefined;
    }
    case KIND.text:
      return isEmptyCell(raw) ? '' : typeof raw === 'string' ? raw : cellText(raw);
    case KIND.flag:
      return raw === true || raw === 'TRUE' ? true : raw === false || raw === 'FALSE' ? false : undefined;
    case KIND.empty:
      return null;
    case KIND.list:
      return [];
    case KIND.record:
      return {};
    default:
      return undefined;
  }
}
