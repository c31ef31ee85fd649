/** The QĐ 366 / HD 43 checks of design.md §2.3, §2.5 and §2.7: each with rows that must and must not trigger. */
import {
  checkUnitReport,
  consolidate,
  readDistrictWorkbook,
  type CellValue,
  type Issue,
  type UnitSummary,
} from '../../core';
import { analyzeOk, cellSheet, goodMember, issuesOf, type MemberCells } from './workbooks';

const codes = (issues: Issue[]) => issues.map((i) => i.code);
/** Five good members first, so one excellent stays within the quota: the member under test is row 10. */
const FIVE_GOOD = ['Mạc Văn A', 'Mạc Văn B', 'Mạc Văn C', 'Mạc Văn D', 'Mạc Văn E'].map((n) => goodMember(n));
const checked = (member: MemberCells, year = 2025) =>
  issuesOf({ year, members: [...FIVE_GOOD, { name: 'Chu Văn Sơn', ...member }] });

describe('the score caps the rating (QĐ 366)', () => {
  test.each<[string, MemberCells, string[]]>([
    [
      'disciplined, KHTNV, 85 points: the discipline says why',
      { disciplined: 'x', rating: 'KHTNV', score: 85 },
      [],
    ],
    [
      'sick leave, HTNV, 92 points: the sick leave says why',
      { sickLeave: 'x', rating: 'HTNV', score: 92 },
      [],
    ],
    [
      'sick leave, KHTNV, 92 points: lower than the sick leave needs',
      { sickLeave: 'x', rating: 'KHTNV', score: 92 },
      ['W_RATING_BELOW_SCORE'],
    ],
    ['92 points rated HTTNV with a note', { rating: 'HTTNV', score: 92, note: 'Vượt kế hoạch dưới 30%' }, []],
    ['92 points rated HTTNV, no note', { rating: 'HTTNV', score: 92 }, ['W_RATING_BELOW_SCORE']],
    ['89,99 points rated HTTNV', { rating: 'HTTNV', score: '89,99' }, []],
    ['70 points rated HTXSNV', { rating: 'HTXSNV', score: 70 }, ['E_SCORE_MISMATCH']],
    ['a score and a not-rated reason', { reason: 'Miễn sinh hoạt', score: 70 }, []],
  ])('%s', (_, member, expected) => {
    expect(codes(checked(member))).toEqual(expected);
  });

  test('under QĐ 124 (2023) a score below the level is not questioned', () => {
    expect(codes(checked({ rating: 'HTTNV', score: 92 }, 2023))).toEqual([]);
  });

  test('a score with no rating: E_NO_RATING proposes the band’s level', () => {
    const [found] = checked({ score: 85 });
    expect(found.code).toBe('E_NO_RATING');
    expect(found.message).toMatch(
      /Điểm 85 ứng với mức “Hoàn thành tốt nhiệm vụ” \(QĐ 366 \/ HD 43\): xếp loại không cao hơn mức này\.$/,
    );
    expect(checked({}).map((i) => i.message)[0]).not.toMatch(/Điểm/);
  });
});

describe('the score in two parts', () => {
  test.each<[string, MemberCells, string[]]>([
    [
      'parts only: their sum is the score (25 + 58 = 83 → HTTNV)',
      { rating: 'HTTNV', scoreGeneral: 25, scoreTasks: 58 },
      [],
    ],
    [
      'parts only, rated above their sum',
      { rating: 'HTXSNV', scoreGeneral: 25, scoreTasks: 58 },
      ['E_SCORE_MISMATCH'],
    ],
    [
      'parts with decimals add up',
      { rating: 'HTTNV', score: '83,5', scoreGeneral: '25,25', scoreTasks: '58,25' },
      [],
    ],
    [
      'parts and a score that differ',
      { rating: 'HTTNV', score: 84, scoreGeneral: 25, scoreTasks: 58 },
      ['E_SCORE_PARTS'],
    ],
    ['one part only', { rating: 'HTTNV', scoreGeneral: 25 }, ['E_SCORE_PARTS']],
    ['one part beside a score', { rating: 'HTTNV', score: 80, scoreTasks: 55 }, []],
    ['general criteria above 30', { rating: 'HTTNV', scoreGeneral: 31, scoreTasks: 50 }, ['E_SCORE_INVALID']],
    ['task results above 70', { rating: 'HTTNV', scoreGeneral: 10, scoreTasks: 71 }, ['E_SCORE_INVALID']],
  ])('%s', (_, member, expected) => {
    expect(codes(checked(member))).toEqual(expected);
  });

  test('the derived score is checked where the parts are: the task results column', () => {
    const [found] = checked({ rating: 'HTXSNV', scoreGeneral: 25, scoreTasks: 58 });
    expect(found).toMatchObject({ code: 'E_SCORE_MISMATCH', column: 'Q', row: 10 });
  });

  test('one part only names the missing part', () => {
    const [found] = checked({ rating: 'HTTNV', scoreGeneral: 25 });
    expect(found).toMatchObject({ code: 'E_SCORE_PARTS', column: 'Q' });
  });
});

describe('the discipline exception (tự phát hiện và khắc phục xong hậu quả)', () => {
  test.each<[string, MemberCells, string[]]>([
    [
      'marked, with a note',
      { disciplined: 'x', selfCorrected: 'x', note: 'Đã khắc phục', rating: 'HTTNV' },
      ['W_DISCIPLINE_EXCEPTION'],
    ],
    [
      'marked, no note: still an error',
      { disciplined: 'x', selfCorrected: 'x', rating: 'HTTNV' },
      ['E_DISCIPLINED_RATED_ABOVE'],
    ],
    [
      'a note, not marked: still an error',
      { disciplined: 'x', note: 'Đã khắc phục', rating: 'HTTNV' },
      ['E_DISCIPLINED_RATED_ABOVE'],
    ],
    ['marked but not disciplined', { selfCorrected: 'x', rating: 'HTTNV' }, []],
    [
      'with the exception, 85 points rated HTTNV',
      { disciplined: 'x', selfCorrected: 'x', note: 'Đã khắc phục', rating: 'HTTNV', score: 85 },
      ['W_DISCIPLINE_EXCEPTION'],
    ],
  ])('%s', (_, member, expected) => {
    expect(codes(checked(member))).toEqual(expected);
  });

  test('marked without a note, the error says the note is missing', () => {
    const [found] = checked({ disciplined: 'x', selfCorrected: 'x', rating: 'HTTNV' });
    expect(found.message).toMatch(/cần ghi rõ căn cứ ở cột “Ghi chú”\.$/);
  });
});

describe('not-rated reasons that need a date or a note', () => {
  test.each<[string, MemberCells, string[]]>([
    [
      '“Mới kết nạp”, admitted 6 months before',
      { reason: 'Mới kết nạp', admittedOn: '30/06/2025' },
      ['E_NEW_MEMBER_REASON_STALE'],
    ],
    [
      '“Mới kết nạp”, admitted less than 6 months before',
      { reason: 'Mới kết nạp', admittedOn: '01/07/2025' },
      [],
    ],
    [
      '“Mới kết nạp” typed in the rating column, stale',
      { rating: 'Mới kết nạp', admittedOn: '01/01/2025' },
      ['E_NEW_MEMBER_REASON_STALE'],
    ],
    ['“Mới kết nạp” without a date', { reason: 'Mới kết nạp' }, []],
    ['“Chưa đánh giá” without a note', { reason: 'Chưa đánh giá' }, ['W_PENDING_NO_NOTE']],
    ['“Chưa đánh giá” with a note', { reason: 'Chưa đánh giá', note: 'Ốm đau dài ngày' }, []],
    ['“Miễn sinh hoạt” without a note', { reason: 'Miễn sinh hoạt' }, []],
  ])('%s', (_, member, expected) => {
    expect(codes(checked(member))).toEqual(expected);
  });

  test('a reason typed in the rating column is reported at that column', () => {
    const [found] = checked({ rating: 'Mới kết nạp', admittedOn: '01/01/2025' });
    expect(found).toMatchObject({ column: 'G', value: 'Mới kết nạp' });
  });
});

describe('labels read only without their diacritics are reported with the canonical text', () => {
  test.each<[CellValue, string | null]>([
    ['Hoàn thành tôt nhiệm vụ', 'Hoàn thành tốt nhiệm vụ'],
    ['Hoan thanh xuat sac nhiem vu', 'Hoàn thành xuất sắc nhiệm vụ'],
    ['Khong hoan thanh', 'Không hoàn thành nhiệm vụ'],
    ['Hoàn thành tốt nhiệm vụ', null],
    ['hoàn thành tốt nhiệm vụ'.normalize('NFD'), null],
    ['H.T.T.N.V', null],
    ['HTTNV', null],
    ['Xuất sắc', null],
  ])('%p → %p', (rating, fix) => {
    const found = checked({ rating }, 2023).filter((i) => i.code === 'W_LABEL_NORMALIZED');
    expect(found.map((i) => i.fix)).toEqual(fix ? [fix] : []);
  });

  test('a not-rated reason and a cell reason, too', () => {
    const found = issuesOf({
      year: 2025,
      members: [...FIVE_GOOD, { name: 'Chu Văn Sơn', reason: 'Mien sinh hoat' }],
      extraSheets: [cellSheet([['Chi bộ thôn 1', 'Hoan thanh tot nhiem vu']])],
    }).filter((i) => i.code === 'W_LABEL_NORMALIZED');
    expect(found.map((i) => [i.sheet, i.row, i.column, i.fix])).toEqual([
      ['Đảng viên', 10, 'H', 'Miễn công tác và sinh hoạt đảng'],
      ['Chi bộ', 2, 'B', 'Hoàn thành tốt nhiệm vụ'],
    ]);
  });
});

describe('subordinate cells', () => {
  const cellCodes = (rows: CellValue[][], year = 2025) =>
    codes(issuesOf({ year, members: [goodMember('Mạc Văn A')], extraSheets: [cellSheet(rows)] }));
  // columns: Tên chi bộ, Xếp loại, Ngày thành lập, Lý do không xếp loại, Kỷ luật, Tự phát hiện, Điểm, Ghi chú
  test.each<[string, CellValue[], string[]]>([
    ['founded 01/07/2025, rated', ['Chi bộ A', 'HTTNV', '01/07/2025'], ['E_NEW_CELL_RATED']],
    ['founded 01/07/2025, “Mới thành lập”', ['Chi bộ A', '', '01/07/2025', 'Mới thành lập'], []],
    ['“Mới thành lập” in the rating column', ['Chi bộ A', 'Mới thành lập', '01/07/2025'], []],
    [
      'founded 30/06/2025, “Mới thành lập”',
      ['Chi bộ A', '', '30/06/2025', 'Mới thành lập'],
      ['E_NEW_CELL_REASON_STALE'],
    ],
    ['a rating and “Mới thành lập”', ['Chi bộ A', 'HTTNV', '', 'Mới thành lập'], ['E_RATING_AND_REASON']],
    ['disciplined, rated HTNV', ['Chi bộ A', 'HTNV', '', '', 'x'], ['E_DISCIPLINED_RATED_ABOVE']],
    ['disciplined, rated KHTNV', ['Chi bộ A', 'KHTNV', '', '', 'x'], []],
    [
      'disciplined, exception with a note',
      ['Chi bộ A', 'HTNV', '', '', 'x', 'x', '', 'Đã khắc phục'],
      ['W_DISCIPLINE_EXCEPTION'],
    ],
    [
      'scored 85, rated HTXSNV',
      ['Chi bộ A', 'HTXSNV', '', '', '', '', 85],
      ['E_SCORE_MISMATCH', 'W_QUOTA_EXCEEDED'],
    ],
    ['scored 95, rated HTTNV, no note', ['Chi bộ A', 'HTTNV', '', '', '', '', 95], ['W_RATING_BELOW_SCORE']],
    ['scored 85, not rated', ['Chi bộ A', '', '', '', '', '', 85], ['E_NO_RATING']],
    ['scored 85, rated HTTNV', ['Chi bộ A', 'HTTNV', '', '', '', '', 85], []],
  ])('%s', (_, row, expected) => {
    expect(cellCodes([row])).toEqual(expected);
  });

  test('issues name the cell’s column and raw value', () => {
    const found = issuesOf({
      year: 2025,
      members: [goodMember('Mạc Văn A')],
      extraSheets: [cellSheet([['Chi bộ A', 'Tốt', '01/07/2025']])],
    });
    expect(found).toEqual([
      expect.objectContaining({
        code: 'E_NEW_CELL_RATED',
        sheet: 'Chi bộ',
        row: 2,
        column: 'B',
        value: 'Tốt',
      }),
    ]);
  });

  test('the quota applies among the cells of one đảng bộ', () => {
    const rows = [...Array.from({ length: 5 }, (_, i) => [`Chi bộ ${i}`, 'HTTNV']), ['Chi bộ X', 'HTXSNV']];
    expect(cellCodes(rows)).toEqual([]);
    expect(cellCodes([...rows, ['Chi bộ Y', 'HTXSNV']])).toEqual(['W_QUOTA_EXCEEDED']);
  });

  test('cells sent as JSON are checked the same way', () => {
    const found = checkUnitReport({
      year: 2025,
      unit: { code: 'XA01', name: 'Đảng bộ xã' },
      members: [{ name: 'Mạc Văn A', rating: 'good' }],
      cells: [
        { row: 2, name: 'Chi bộ A', rating: 'good', foundedOn: '2025-07-01' },
        { row: 3, name: 'Chi bộ B', rating: 'complete', disciplined: true },
        { row: 4, name: 'Chi bộ C', reason: 'newCell', foundedOn: '2025-07-01' },
      ],
    });
    expect(found.map((i) => [i.code, i.row, i.column])).toEqual([
      ['E_NEW_CELL_RATED', 2, null],
      ['E_DISCIPLINED_RATED_ABOVE', 3, null],
    ]);
  });
});

describe('an organization rated excellent with weak cells', () => {
  const summaryWith = (cells: CellValue[][]): UnitSummary =>
    analyzeOk({
      sheets: [
        {
          name: 'Thông tin',
          rows: [
            ['Mã đơn vị', 'XA01'],
            ['Năm', 2025],
          ],
        },
        {
          name: 'Đảng viên',
          rows: [
            ['Họ và tên', 'Xếp loại'],
            ['Mạc Văn A', 'HTTNV'],
          ],
        },
        cellSheet(cells),
      ],
    }).summary;
  const warnings = (cells: CellValue[][], rating = 'HTXSNV') => {
    const { data } = readDistrictWorkbook({
      sheets: [
        {
          name: 'Tổ chức cơ sở',
          rows: [
            ['Mã đơn vị', 'Tên tổ chức', 'Xếp loại'],
            ['XA01', 'Đảng bộ xã A', rating],
            ...['XA02', 'XA03', 'XA04', 'XA05', 'XA06'].map((c) => [c, c, 'HTTNV']),
          ],
        },
      ],
    });
    return consolidate([summaryWith(cells)], { year: 2025, district: data }).warnings.filter(
      (w) => w.code === 'W_EXCELLENT_WEAK_CELLS',
    );
  };
  const disciplined = (n: number, of: number) =>
    Array.from({ length: of }, (_, i) => [
      `Chi bộ ${i + 1}`,
      i < n ? 'KHTNV' : 'HTTNV',
      '',
      '',
      i < n ? 'x' : '',
    ]);

  test('one cell KHTNV: a warning naming it; the same cell under an organization rated HTTNV: none', () => {
    const cells = [
      ['Chi bộ 1', 'HTTNV'],
      ['Chi bộ 2', 'KHTNV'],
    ];
    expect(warnings(cells).map((w) => w.message)).toEqual([
      'Đảng bộ xã A (XA01) được xếp loại “Hoàn thành xuất sắc nhiệm vụ” nhưng có chi bộ không hoàn thành nhiệm vụ: “Chi bộ 2”: xem lại mức xếp loại.',
    ]);
    expect(warnings(cells, 'HTTNV')).toEqual([]);
  });

  test('more than 20% of cells disciplined names them; exactly 20% does not (beyond the KHTNV cell)', () => {
    const [over] = warnings(disciplined(2, 9));
    expect(over.message).toContain('2 trong 9 chi bộ bị kỷ luật (22,22%, quá 20%): “Chi bộ 1”, “Chi bộ 2”');
    const [exactly] = warnings(disciplined(2, 10));
    expect(exactly.message).not.toContain('bị kỷ luật');
  });
});

describe('organizations scored by the superior level (QĐ 366)', () => {
  const issuesFor = (rating: string, score: number, note = '', year = 2025) => {
    const { data } = readDistrictWorkbook({
      sheets: [
        {
          name: 'Tổ chức cơ sở',
          rows: [
            ['Mã đơn vị', 'Tên tổ chức', 'Xếp loại', 'Điểm', 'Ghi chú'],
            ['XA01', 'Đảng bộ xã A', rating, score, note],
          ],
        },
      ],
    });
    const result = consolidate([], { year, district: data });
    return codes([...result.errors, ...result.warnings]).filter((c) => c !== 'W_UNIT_MISSING');
  };
  test.each<[string, number, string, number, string[]]>([
    ['HTXSNV', 85, '', 2025, ['E_SCORE_MISMATCH', 'W_QUOTA_EXCEEDED']],
    ['HTTNV', 85, '', 2025, []],
    ['HTNV', 85, '', 2025, ['W_RATING_BELOW_SCORE']],
    ['HTNV', 85, 'Chưa đạt tiêu chí', 2025, []],
    ['HTNV', 85, '', 2024, []],
  ])('%s with %i points (note %p, year %i) → %p', (rating, score, note, year, expected) => {
    expect(issuesFor(rating, score, note, year)).toEqual(expected);
  });
});
