/** The one-column-per-level form (design.md §3) and two-row headers: read the same as the single-column form. */
import fc from 'fast-check';
import {
  analyzeUnitWorkbook,
  NOT_RATED_REASONS,
  RATING_LABELS,
  RATING_LEVELS,
  REASON_LABELS,
  type CellValue,
  type Issue,
  type NotRatedReason,
  type RatingLevel,
  type WorkbookData,
} from '../../core';
import { analyzeOk } from './workbooks';

const INFO = {
  name: 'Thông tin',
  rows: [
    ['Mã đơn vị', 'XA25'],
    ['Năm', 2025],
  ],
};
const book = (rows: CellValue[][]): WorkbookData => ({ sheets: [INFO, { name: 'Sheet1', rows }] });
const TITLE: CellValue[][] = [['ĐẢNG ỦY XÃ THỬ NGHIỆM'], ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2025']];

/** STT | Họ và tên | HTXSNV | HTTNV | HTNV | KHTNV | Ghi chú under a merged "Kết quả xếp loại" row. */
const TWO_ROW_HEADER: CellValue[][] = [
  ['STT', 'Họ và tên', 'Kết quả xếp loại', '', '', '', 'Ghi chú'],
  ['', '', 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', ''],
];

describe('the one-column-per-level form', () => {
  test('a merged “Kết quả xếp loại” row over HTXSNV | HTTNV | HTNV | KHTNV: one mark a row', () => {
    const { read, summary } = analyzeOk(
      book([
        ...TITLE,
        ...TWO_ROW_HEADER,
        [1, 'Lê Văn An', 'x', '', '', '', ''],
        [2, 'Trần Thị Bình', '', 'X', '', '', ''],
        [3, 'Phạm Văn Cường', '', '', '✓', '', ''],
        [4, 'Đỗ Thị Dung', '', '', '', true, ''],
        [5, 'Vũ Văn Em', '', 'Có', '', '', ''],
        [6, 'Hoàng Văn Giang', '', 1, '', '', ''],
      ]),
    );
    expect(read.report.members.map((m) => [m.row, m.name, m.rating])).toEqual([
      [5, 'Lê Văn An', 'excellent'],
      [6, 'Trần Thị Bình', 'good'],
      [7, 'Phạm Văn Cường', 'complete'],
      [8, 'Đỗ Thị Dung', 'notComplete'],
      [9, 'Vũ Văn Em', 'good'],
      [10, 'Hoàng Văn Giang', 'good'],
    ]);
    expect(summary.errors).toEqual([]);
    expect(summary.members.counts).toEqual({ excellent: 1, good: 3, complete: 1, notComplete: 1 });
  });

  test('no mark: E_NO_RATING at the first level column; two marks: E_RATING_MULTIPLE naming both', () => {
    const { summary } = analyzeOk(
      book([
        ...TWO_ROW_HEADER,
        [1, 'Lê Văn An', '', '', '', '', ''],
        [2, 'Trần Thị Bình', '', 'x', 'x', '', ''],
        [3, 'Phạm Văn Cường', '', 'x', '', '', ''],
      ]),
    );
    expect(summary.errors.map((i) => [i.code, i.row, i.column, i.value])).toEqual([
      ['E_NO_RATING', 3, 'C', null],
      ['E_RATING_MULTIPLE', 4, 'D', 'x'],
    ]);
    expect(summary.errors[1].message).toBe(
      'Đánh dấu nhiều cột cùng lúc: HTTNV (cột D), HTNV (cột E). Mỗi đảng viên chỉ đánh dấu một cột.',
    );
  });

  test('full labels as headers on one row, with not-rated reason columns', () => {
    const { read, summary } = analyzeOk(
      book([
        [
          'Họ và tên',
          'Hoàn thành xuất sắc nhiệm vụ',
          'Hoàn thành tốt nhiệm vụ',
          'Hoàn thành nhiệm vụ',
          'Không hoàn thành nhiệm vụ',
          'Miễn sinh hoạt',
          'Đình chỉ',
          'Mới kết nạp',
          'Chưa đánh giá',
          'Ghi chú',
        ],
        ['Lê Văn An', '', 'x', '', '', '', '', '', '', ''],
        ['Trần Thị Bình', '', '', '', '', 'x', '', '', '', ''],
        ['Phạm Văn Cường', '', '', '', '', '', '', '', 'x', 'Nghỉ thai sản'],
        ['Đỗ Thị Dung', '', '', '', '', '', '', 'x', '', ''],
      ]),
    );
    expect(read.report.members.map((m) => m.rating ?? m.reason)).toEqual([
      'good',
      'exempt',
      'pending',
      'newMember',
    ]);
    expect(summary.errors).toEqual([]);
    expect(summary.warnings).toEqual([]);
  });

  test('issues of the row checks point at the marked cell', () => {
    const { summary } = analyzeOk(
      book([
        ['Họ và tên', 'Kỷ luật trong năm', 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'Chưa đánh giá'],
        ['Lê Văn An', 'x', '', '', 'x', '', ''],
        ['Trần Thị Bình', '', '', '', '', '', 'x'],
      ]),
    );
    expect([...summary.errors, ...summary.warnings].map((i) => [i.code, i.row, i.column, i.value])).toEqual([
      ['E_DISCIPLINED_RATED_ABOVE', 2, 'E', 'x'],
      ['W_PENDING_NO_NOTE', 3, 'G', 'x'],
    ]);
  });

  test('a mark cell that is not a yes-cell is named; a total row is skipped', () => {
    const { summary } = analyzeOk(
      book([
        ...TWO_ROW_HEADER,
        [1, 'Lê Văn An', '', 'HTTNV', '', '', ''],
        ['', 'Tổng cộng', '', '', '', '', ''],
      ]),
    );
    expect(summary.errors.map((i) => [i.code, i.row, i.column])).toEqual([['E_FLAG_INVALID', 3, 'D']]);
    expect(summary.members.total).toBe(0);
  });

  test('near miss: a single `Xếp loại` column whose first row is rated is not taken for a two-row header', () => {
    const { read } = analyzeOk(
      book([
        ['Họ và tên', 'Xếp loại', 'Lý do không xếp loại'],
        ['Lê Văn An', 'HTTNV', ''],
        ['Trần Thị Bình', 'HTNV', ''],
      ]),
    );
    expect(read.report.members.map((m) => m.rating)).toEqual(['good', 'complete']);
  });

  test('one level column alone is not the one-column form: the sheet has no rating column', () => {
    const result = analyzeUnitWorkbook(
      book([
        ['Họ và tên', 'HTXSNV', 'Ghi chú'],
        ['Lê Văn An', 'x', ''],
      ]),
    );
    expect(result.ok).toBe(false);
  });
});

describe('two-row headers in general', () => {
  test('the single-column form under a group row: “Thông tin đảng viên” over the name, merged cells repeated', () => {
    const { read, summary } = analyzeOk(
      book([
        ['Thông tin đảng viên', 'Thông tin đảng viên', 'Đánh giá', 'Đánh giá'],
        ['Họ và tên', 'Ngày vào Đảng', 'Xếp loại', 'Điểm'],
        ['Lê Văn An', '01/01/2010', 'HTTNV', 85],
      ]),
    );
    expect(read.report.members).toEqual([
      { row: 3, name: 'Lê Văn An', admittedOn: '2010-01-01', rating: 'good', score: 85 },
    ]);
    expect(summary.errors).toEqual([]);
  });

  test('a name merged over two rows with the score parts under a group row', () => {
    const { read } = analyzeOk(
      book([
        ['Họ và tên', 'Điểm', 'Trong đó', '', 'Xếp loại'],
        ['', '', 'Điểm tiêu chí chung', 'Điểm kết quả thực hiện nhiệm vụ', ''],
        ['Lê Văn An', 83, 25, 58, 'HTTNV'],
      ]),
    );
    expect(read.report.members).toEqual([
      { row: 3, name: 'Lê Văn An', rating: 'good', score: 83, scoreGeneral: 25, scoreTasks: 58 },
    ]);
  });
});

describe('property: any placement of exactly one mark reads the same as the single-column form', () => {
  type Outcome = { rating: RatingLevel } | { reason: NotRatedReason };
  const outcome: fc.Arbitrary<Outcome> = fc.oneof(
    fc.constantFrom(...RATING_LEVELS).map((rating) => ({ rating })),
    fc.constantFrom(...NOT_RATED_REASONS).map((reason) => ({ reason })),
  );
  const MARKS: CellValue[] = ['x', 'X', '✓', 'Có', 'có', true, 1];
  const LEVEL_HEADERS = [
    (l: RatingLevel) => RATING_LABELS[l].abbreviation,
    (l: RatingLevel) => RATING_LABELS[l].label,
  ];
  const REASON_HEADER: Record<NotRatedReason, string> = {
    exempt: 'Miễn sinh hoạt',
    suspended: 'Đình chỉ',
    newMember: 'Mới kết nạp',
    pending: 'Chưa đánh giá',
  };
  const comparable = (issues: Issue[]) => issues.map((i) => i.code).sort();

  test('members, tallies and issue codes are the same', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(outcome, fc.constantFrom(...MARKS)), { minLength: 1, maxLength: 25 }),
        fc.shuffledSubarray([...RATING_LEVELS, ...NOT_RATED_REASONS], { minLength: 8, maxLength: 8 }),
        fc.constantFrom(...LEVEL_HEADERS),
        fc.boolean(),
        (rows, order, levelHeader, groupRow) => {
          const names = rows.map((_, i) => `Đảng viên ${i + 1}`);
          const notes = rows.map(([o]) => ('reason' in o && o.reason === 'pending' ? 'Ốm đau dài ngày' : ''));
          const single = book([
            ['Họ và tên', 'Xếp loại', 'Lý do không xếp loại', 'Ghi chú'],
            ...rows.map(([o], i) => [
              names[i],
              'rating' in o ? RATING_LABELS[o.rating].label : '',
              'reason' in o ? REASON_LABELS[o.reason].label : '',
              notes[i],
            ]),
          ]);
          const headerOf = (key: string) =>
            (RATING_LEVELS as readonly string[]).includes(key)
              ? levelHeader(key as RatingLevel)
              : REASON_HEADER[key as NotRatedReason];
          const columnRow = ['Họ và tên', ...order.map(headerOf), 'Ghi chú'];
          const header = groupRow
            ? [
                ['Họ và tên', 'Kết quả xếp loại', ...order.slice(1).map(() => ''), 'Ghi chú'],
                columnRow.map((h, i) => (i === 0 || i > order.length ? '' : h)),
              ]
            : [columnRow];
          const perLevel = book([
            ...header,
            ...rows.map(([o, mark], i) => [
              names[i],
              ...order.map((key) => (('rating' in o ? o.rating : o.reason) === key ? mark : '')),
              notes[i],
            ]),
          ]);
          const a = analyzeOk(single);
          const b = analyzeOk(perLevel);
          const strip = (m: { row?: number }) => ({ ...m, row: undefined });
          expect(b.read.report.members.map(strip)).toEqual(a.read.report.members.map(strip));
          expect(b.summary.members).toEqual(a.summary.members);
          expect(comparable([...b.summary.errors, ...b.summary.warnings])).toEqual(
            comparable([...a.summary.errors, ...a.summary.warnings]),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
