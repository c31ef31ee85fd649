import {
  columnLetter,
  RATING_LEVELS,
  type CellValue,
  type Grid,
  type NotRatedReason,
  type RatingLevel,
} from '../../core';
import type { Form2025 } from './form-2025';
import { ratingText, reasonText, sheetStyle } from './sheet-style';
import type { Member, Standing } from './standing';
import type { Unit2025 } from './tree-2025';
import type { TargetLine } from './unit-workbook';
import { dateCell, targetSheet } from './unit-workbook';
import type { SampleSheet, SampleWorkbook } from './write-xlsx';

export interface CellStanding {
  name: string;
  foundedOn: string;
  rating: RatingLevel | null;
  /** "Mới thành lập" for a cell founded less than six months before the evaluation. */
  reason: string;
  score: number | null;
  disciplined: boolean;
}

export interface UnitYear2025 {
  unit: Unit2025;
  year: number;
  unitTitle: string;
  rows: { member: Member; standing: Standing }[];
  cells: CellStanding[];
  targets: TargetLine[];
}

const LEVEL_ABBREVIATIONS: Record<RatingLevel, string> = {
  excellent: 'HTXSNV',
  good: 'HTTNV',
  complete: 'HTNV',
  notComplete: 'KHTNV',
};
const REASON_COLUMNS: [NotRatedReason, string][] = [
  ['exempt', 'Miễn sinh hoạt'],
  ['suspended', 'Đình chỉ'],
  ['newMember', 'Mới kết nạp'],
  ['pending', 'Chưa đánh giá'],
];
const TYPO: Record<RatingLevel, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vu',
  good: 'Hoàn thành tôt nhiệm vụ',
  complete: 'Hoan thanh nhiem vu',
  notComplete: 'Không hoàn thành nhiệm vu',
};
const LABELS = sheetStyle('');

/** A column of the member sheet: its header(s) and what it shows of one member. */
interface Column {
  header: string;
  /** Set for the columns under a merged group header ("Kết quả xếp loại"). */
  group?: string;
  value: (row: UnitYear2025['rows'][number]) => CellValue;
}

/** The 2025 unit workbook (QĐ 366): `Thông tin`, the member sheet in one of its forms, `Chi bộ`, `Chỉ tiêu`. */
export function unitWorkbook2025(data: UnitYear2025, form: Form2025): SampleWorkbook {
  const { unit, year } = data;
  const info: Grid = [
    ['Mã đơn vị', unit.code],
    ['Tên đơn vị', unit.name],
    ['Năm', year],
    ['Loại hình', unit.kind],
  ];
  if (form.evaluationDate) info.push(['Ngày đánh giá', dateCell(`${year}-12-31`, form)]);
  const sheets: SampleSheet[] = [{ name: 'Thông tin', rows: info }, memberSheet(data, form)];
  if (data.cells.length) sheets.push(cellSheet(data.cells, form));
  if (data.targets.length) sheets.push(targetSheet(data.targets));
  return { sheets };
}

function memberSheet(data: UnitYear2025, form: Form2025): SampleSheet {
  const columns = memberColumns(data, form);
  const titles = [
    data.unitTitle.toUpperCase(),
    data.unit.name.toUpperCase(),
    `DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM ${data.year}`,
  ];
  const rows: Grid = form.titleRows ? [...titles.slice(-form.titleRows).map((t) => [t]), []] : [];
  const merges: string[] = [];
  const top = rows.length + 1;
  if (columns.some((c) => c.group)) {
    rows.push(
      columns.map((c, i) => (c.group ? (columns[i - 1]?.group === c.group ? '' : c.group) : c.header)),
    );
    rows.push(columns.map((c) => (c.group ? c.header : '')));
    columns.forEach((c, i) => {
      const letter = columnLetter(i);
      if (!c.group) merges.push(`${letter}${top}:${letter}${top + 1}`);
      else if (columns[i - 1]?.group !== c.group) {
        let last = i;
        while (columns[last + 1]?.group === c.group) last++;
        merges.push(`${letter}${top}:${columnLetter(last)}${top}`);
      }
    });
  } else rows.push(columns.map((c) => c.header));
  data.rows.forEach((row, i) => rows.push([i + 1, ...columns.slice(1).map((c) => c.value(row))]));
  const sheet: SampleSheet = { name: form.memberSheet, rows, merges };
  return form.nfd ? toNfd(sheet) : sheet;
}

function memberColumns(data: UnitYear2025, form: Form2025): Column[] {
  const yes = (flag: boolean) => (flag ? form.yes : '');
  const ratingOf = (s: Standing) => ('rating' in s.status ? s.status.rating : null);
  const reasonOf = (s: Standing) => ('reason' in s.status ? s.status.reason : null);
  const columns: Column[] = [
    { header: 'STT', value: () => '' },
    { header: 'Họ và tên', value: ({ member }) => member.name },
    { header: 'Ngày sinh', value: ({ member }) => dateCell(member.birthDate, form) },
    {
      header: 'Số thẻ đảng viên',
      value: ({ member, standing }) => (standing.probationary ? '' : member.card),
    },
    { header: 'Ngày vào Đảng', value: ({ member }) => dateCell(member.admittedOn, form) },
  ];
  if (data.cells.length) columns.push({ header: 'Chi bộ', value: ({ member }) => member.cell ?? '' });
  if (form.probationary === 'kind')
    columns.push({
      header: 'Loại đảng viên',
      value: ({ standing }) => (standing.probationary ? 'Dự bị' : 'Chính thức'),
    });
  if (form.probationary === 'flag')
    columns.push({ header: 'Đảng viên dự bị', value: ({ standing }) => yes(standing.probationary) });
  if (form.score === 'parts' || form.score === 'partsAndTotal') {
    columns.push(
      { header: 'Điểm tiêu chí chung', value: ({ standing }) => scoreParts(standing.score)?.[0] ?? '' },
      {
        header: 'Điểm kết quả thực hiện nhiệm vụ',
        value: ({ standing }) => scoreParts(standing.score)?.[1] ?? '',
      },
    );
  }
  if (form.score === 'total' || form.score === 'partsAndTotal')
    columns.push({ header: 'Điểm', value: ({ standing }) => standing.score ?? '' });
  if (form.layout === 'perLevel') {
    const group = 'Kết quả xếp loại';
    for (const level of RATING_LEVELS)
      columns.push({
        header: form.levelHeaders === 'label' ? ratingText(LABELS, level) : LEVEL_ABBREVIATIONS[level],
        group,
        value: ({ standing }) => yes(ratingOf(standing) === level),
      });
    if (form.reasonColumns) {
      for (const [reason, header] of REASON_COLUMNS)
        columns.push({
          header,
          group: 'Không xếp loại',
          value: ({ standing }) => yes(reasonOf(standing) === reason),
        });
    }
  } else {
    columns.push({
      header: 'Xếp loại',
      value: ({ standing }) => {
        const level = ratingOf(standing);
        if (!level) return '';
        return standing.typo ? TYPO[level] : ratingText({ ...LABELS, ratings: form.ratings }, level);
      },
    });
  }
  if (form.layout === 'single' || !form.reasonColumns)
    columns.push({
      header: 'Lý do không xếp loại',
      value: ({ standing }) => {
        const reason = reasonOf(standing);
        return reason ? reasonText(LABELS, reason) : '';
      },
    });
  columns.push({ header: 'Kỷ luật trong năm', value: ({ standing }) => yes(standing.disciplined) });
  if (form.selfCorrectedColumn)
    columns.push({ header: 'Tự phát hiện, khắc phục', value: ({ standing }) => yes(standing.selfCorrected) });
  columns.push(
    { header: 'Nghỉ ốm từ 3 tháng', value: ({ standing }) => yes(standing.sickLeave) },
    { header: 'Ghi chú', value: ({ standing }) => standing.note },
  );
  return columns;
}

/** The two parts of a score: general criteria (0–30, a whole number) and task results (0–70). */
export function scoreParts(score: number | null): [number, number] | null {
  if (score === null) return null;
  const general = Math.min(30, Math.max(Math.ceil(score - 70), Math.round(score * 0.29)));
  return [general, score - general];
}

function cellSheet(cells: CellStanding[], form: Form2025): SampleSheet {
  return {
    name: 'Chi bộ',
    rows: [
      [
        'STT',
        'Tên chi bộ',
        'Ngày thành lập',
        'Điểm',
        'Xếp loại',
        'Lý do không xếp loại',
        'Kỷ luật trong năm',
      ],
      ...cells.map((cell, i) => [
        i + 1,
        cell.name,
        dateCell(cell.foundedOn, form),
        cell.score ?? '',
        cell.rating ? ratingText(LABELS, cell.rating) : '',
        cell.reason,
        cell.disciplined ? form.yes : '',
      ]),
    ],
  };
}

function toNfd(sheet: SampleSheet): SampleSheet {
  return {
    ...sheet,
    name: sheet.name.normalize('NFD'),
    rows: sheet.rows.map((row) => row.map((v) => (typeof v === 'string' ? v.normalize('NFD') : v))),
  };
}
