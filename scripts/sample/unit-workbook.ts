import { indicatorName, type CellValue, type Grid, type RatingLevel, type WorkbookData } from '../../core';
import type { CatalogueUnit } from './catalogue';
import type { SubordinateCell } from './cells';
import type { Person } from './members';
import { ratingText, reasonText, type SheetStyle } from './sheet-style';

export interface TargetLine {
  code: string;
  target: number | null;
  actual: number;
}

export interface UnitYear {
  unit: CatalogueUnit;
  year: number;
  people: Person[];
  cells: { cell: SubordinateCell; rating: RatingLevel }[];
  targets: TargetLine[];
}

/** A date as the office typed it: a real date cell (UTC midnight, as readers return it) or dd/mm/yyyy text. */
export function dateCell(iso: string, style: Pick<SheetStyle, 'textDates'>): CellValue {
  const [year, month, day] = iso.split('-').map(Number);
  return style.textDates
    ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
    : new Date(Date.UTC(year, month - 1, day));
}

/** The unit workbook of design.md §3: `Thông tin`, the member sheet, `Chi bộ` (đảng bộ only), `Chỉ tiêu` (when any). */
export function unitWorkbook(data: UnitYear, style: SheetStyle): WorkbookData {
  const { unit, year } = data;
  const sheets: WorkbookData['sheets'] = [
    {
      name: 'Thông tin',
      rows: [
        ['Mã đơn vị', unit.code],
        ['Tên đơn vị', unit.name],
        ['Năm', year],
        ['Loại hình', unit.kind],
        ['Ngày đánh giá', dateCell(`${year}-12-31`, style)],
      ],
    },
    { name: style.memberSheet, rows: memberRows(data, style) },
  ];
  if (data.cells.length) {
    sheets.push({
      name: 'Chi bộ',
      rows: [
        ['STT', 'Tên chi bộ', 'Xếp loại', 'Ngày thành lập'],
        ...data.cells.map(({ cell, rating }, i) => [
          i + 1,
          cell.name,
          ratingText(style, rating),
          dateCell(cell.foundedOn, style),
        ]),
      ],
    });
  }
  if (data.targets.length) sheets.push(targetSheet(data.targets));
  return { sheets };
}

/** A unit's `Chỉ tiêu`: target and actual of each indicator. */
export function targetSheet(targets: TargetLine[]): WorkbookData['sheets'][number] {
  return {
    name: 'Chỉ tiêu',
    rows: [
      ['Mã chỉ tiêu', 'Tên chỉ tiêu', 'Kế hoạch', 'Thực hiện'],
      ...targets.map((t) => [t.code, indicatorName(t.code), t.target ?? '', t.actual]),
    ],
  };
}

function memberRows(data: UnitYear, style: SheetStyle): Grid {
  const { unit, year } = data;
  const titles = [
    'ĐẢNG BỘ HUYỆN CHƯƠNG MỸ',
    unit.name.toUpperCase(),
    `DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM ${year}`,
  ];
  const rows: Grid = style.titleRows ? [...titles.slice(-style.titleRows).map((t) => [t]), []] : [];
  const synonyms = style.synonymHeaders;
  const header = [
    'STT',
    synonyms ? 'Họ tên' : 'Họ và tên',
    synonyms ? 'Số thẻ' : 'Số thẻ đảng viên',
    'Ngày sinh',
    'Chi bộ',
    synonyms ? 'Ngày kết nạp' : 'Ngày vào Đảng',
    synonyms ? 'Kết quả xếp loại' : 'Xếp loại',
    synonyms ? 'Tình trạng' : 'Lý do không xếp loại',
    ...(style.scoreColumn ? ['Điểm'] : []),
    synonyms ? 'Kỷ luật' : 'Kỷ luật trong năm',
    synonyms ? 'Nghỉ ốm' : 'Nghỉ ốm từ 3 tháng',
    'Nhóm',
    'Ghi chú',
  ];
  rows.push(header);
  const onRoll = data.people.filter((p) => p.years[year]);
  onRoll.forEach((person, i) => {
    const entry = person.years[year]!;
    const status = entry.status;
    let rating = '';
    let reason = '';
    if ('rating' in status) rating = ratingText(style, status.rating);
    else if (style.reasonInRatingColumn) rating = reasonText(style, status.reason);
    else reason = reasonText(style, status.reason);
    const probationary = person.admittedOn >= `${year}-01-01`;
    rows.push([
      i + 1,
      person.name,
      probationary ? '' : person.card,
      dateCell(person.birthDate, style),
      person.cell ?? '',
      dateCell(person.admittedOn, style),
      rating,
      reason,
      ...(style.scoreColumn ? [''] : []),
      entry.disciplined ? style.yes : '',
      entry.sickLeave ? style.yes : '',
      entry.groups.join('; '),
      entry.note,
    ]);
  });
  if (style.totalRow) rows.push(['', 'Tổng cộng', `${onRoll.length} đảng viên`]);
  return rows;
}
