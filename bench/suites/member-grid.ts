import { headerName, MEMBER_COLUMNS, type CellValue, type WorkbookData } from '../../core';

const RATINGS = [
  'Hoàn thành xuất sắc nhiệm vụ',
  'Hoàn thành tốt nhiệm vụ',
  'Hoàn thành tốt nhiệm vụ',
  'Hoàn thành nhiệm vụ',
];

/** The template's own headers for the columns the grid fills. */
export const MEMBER_HEADER = (
  ['index', 'name', 'card', 'admittedOn', 'rating', 'reason', 'disciplined', 'groups'] as const
).map((key) => headerName(MEMBER_COLUMNS, key));

/**
 * A unit workbook of `count` members as getValues() returns it: a number, a name, a card number, a date
 * cell, a rating, two empty cells and a group tag on every seventh row. `badRating` puts a misspelt
 * rating on every row (one issue a row), `badRows` on the first rows only. Every text is a string of its
 * own, as getValues() and JSON.parse make them (see `asRead`).
 */
export function memberWorkbook(
  count: number,
  options: { badRating?: boolean; badRows?: number } = {},
): WorkbookData {
  const rows: CellValue[][] = new Array(count + 1);
  rows[0] = MEMBER_HEADER;
  for (let i = 1; i <= count; i++) {
    rows[i] = [
      i,
      asRead(`Nguyễn Văn Thành ${i}`),
      asRead(`01.${String(i).padStart(7, '0')}`),
      new Date(Date.UTC(1990 + (i % 30), i % 12, 1 + (i % 27))),
      asRead(options.badRating || i <= (options.badRows ?? 0) ? 'Hoàn thàn tốt' : RATINGS[i % 4]),
      '',
      '',
      i % 7 === 0 ? asRead('Đoàn viên thanh niên') : '',
    ];
  }
  return {
    sheets: [
      {
        name: 'Thông tin',
        rows: [
          ['Mã đơn vị', 'DB99'],
          ['Tên đơn vị', 'Đảng bộ xã Thử Nghiệm'],
          ['Năm', 2023],
        ],
      },
      { name: 'Đảng viên', rows },
    ],
  };
}

/**
 * The text as a reader hands it over: a flat string of its own. A template literal makes a rope (a
 * "cons string") that the engine would have to flatten on first read, and one constant shared by every
 * row has its hash already computed; neither happens with values read from Sheets or a JSON body.
 */
function asRead(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
