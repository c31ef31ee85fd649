import {
  checkUnitReport,
  levelForScore,
  RULE_SET_QD124,
  RULE_SET_QD366,
  ruleSetFor,
  type CellValue,
  type Issue,
  type MemberRow,
  type UnitReport,
} from '../../core';
import { analyzeOk, FIRST_DATA_ROW, goodMember, issuesOf, unitWorkbook, type MemberCells } from './workbooks';

const codes = (issues: Issue[]) => issues.map((i) => i.code);

describe('admitted less than 6 months before the evaluation date', () => {
  const rated = (admittedOn: CellValue, year: number, evaluationDate?: CellValue) =>
    codes(issuesOf({ year, evaluationDate, members: [{ name: 'Lý Thị Mai', rating: 'HTNV', admittedOn }] }));

  test.each<[CellValue, number, CellValue | undefined, boolean]>([
    // default evaluation date 31/12: admitted 30/06 is six full months, 01/07 is one day short
    ['30/06/2023', 2023, undefined, true],
    ['01/07/2023', 2023, undefined, false],
    ['15/06/2023', 2023, '15/12/2023', true],
    ['16/06/2023', 2023, '15/12/2023', false],
    [new Date(Date.UTC(2023, 5, 15)), 2023, new Date(Date.UTC(2023, 11, 15)), true],
    [new Date(Date.UTC(2023, 5, 16)), 2023, new Date(Date.UTC(2023, 11, 15)), false],
    // a month-end admission: six months after 31/08/2023 is 29/02/2024
    ['31/08/2023', 2024, '29/02/2024', true],
    ['01/09/2023', 2024, '29/02/2024', false],
    ['01/01/2000', 2023, undefined, true],
  ])('admitted %p, year %i, evaluated %p: may be rated = %p', (admitted, year, evaluated, ok) => {
    expect(rated(admitted, year, evaluated)).toEqual(ok ? [] : ['E_NEW_MEMBER_RATED']);
  });

  test('a new member given the reason instead of a rating is fine', () => {
    expect(
      issuesOf({ members: [{ name: 'Lý Thị Mai', reason: 'Mới kết nạp', admittedOn: '01/12/2023' }] }),
    ).toEqual([]);
    expect(
      issuesOf({ members: [{ name: 'Lý Thị Mai', reason: 'Dự bị dưới 6 tháng', admittedOn: '01/12/2023' }] }),
    ).toEqual([]);
  });
});

describe('discipline and sick leave', () => {
  const check = (cells: MemberCells) => codes(issuesOf({ members: [{ name: 'Đặng Văn Tú', ...cells }] }));

  test.each([
    ['HTXSNV', ['E_DISCIPLINED_RATED_ABOVE', 'W_QUOTA_EXCEEDED']],
    ['HTTNV', ['E_DISCIPLINED_RATED_ABOVE']],
    ['HTNV', ['E_DISCIPLINED_RATED_ABOVE']],
    ['KHTNV', []],
  ])('disciplined and rated %s → %p', (rating, expected) => {
    expect(check({ disciplined: 'x', rating })).toEqual(expected);
  });

  test('disciplined and not rated (suspended) is fine', () => {
    expect(check({ disciplined: 'x', reason: 'Đình chỉ sinh hoạt đảng' })).toEqual([]);
  });

  test.each([
    ['HTTNV', ['E_SICK_LEAVE_RATED_ABOVE']],
    ['HTNV', []],
    ['KHTNV', []],
  ])('sick leave of 3 months and rated %s → %p', (rating, expected) => {
    expect(check({ sickLeave: 'x', rating })).toEqual(expected);
  });

  test('both at once: each rule reports once', () => {
    expect(check({ sickLeave: 'x', disciplined: 'x', rating: 'HTTNV' })).toEqual([
      'E_DISCIPLINED_RATED_ABOVE',
      'E_SICK_LEAVE_RATED_ABOVE',
    ]);
  });
});

describe('score bands by rule set', () => {
  test('the rule set follows the year: up to 2024 QĐ 124 (no score), from 2025 QĐ 366 (bands)', () => {
    expect(ruleSetFor(2023)).toBe(RULE_SET_QD124);
    expect(ruleSetFor(2024)).toBe(RULE_SET_QD124);
    expect(ruleSetFor(2025)).toBe(RULE_SET_QD366);
    expect(ruleSetFor(2026)).toBe(RULE_SET_QD366);
    expect(ruleSetFor(2023, 'qd366-hd43')).toBe(RULE_SET_QD366);
    expect(ruleSetFor(2023, 'no-such-rule-set')).toBe(RULE_SET_QD124);
    expect(RULE_SET_QD124.scoreBands).toBeNull();
  });

  test.each([
    [100, 'excellent'],
    [90, 'excellent'],
    [89.5, 'good'],
    [89.99, 'good'],
    [70, 'good'],
    [69.9, 'complete'],
    [50, 'complete'],
    [49.5, 'notComplete'],
    [0, 'notComplete'],
  ])('QĐ 366: score %p is %s', (score, level) => {
    expect(levelForScore(RULE_SET_QD366, score)).toBe(level);
    expect(levelForScore(RULE_SET_QD124, score)).toBeNull();
  });

  const scored = (year: number, score: CellValue, rating: string) =>
    codes(issuesOf({ year, members: [...fourGood(), { name: 'Chu Văn Sơn', score, rating }] }));

  test.each<[number, CellValue, string, string[]]>([
    [2025, 90, 'Hoàn thành xuất sắc nhiệm vụ', []],
    [2025, '89,5', 'Hoàn thành xuất sắc nhiệm vụ', ['E_SCORE_MISMATCH']],
    [2025, '89,5', 'Hoàn thành tốt nhiệm vụ', []],
    [2025, 70, 'HTTNV', []],
    [2025, 69, 'HTTNV', ['E_SCORE_MISMATCH']],
    [2025, 49, 'KHTNV', []],
    [2025, 50, 'KHTNV', ['W_RATING_BELOW_SCORE']], // below the band: allowed, but the note must say why
    [2025, 92, 'HTTNV', ['W_RATING_BELOW_SCORE']],
    [2025, -1, 'KHTNV', ['E_SCORE_INVALID']],
    [2025, 'chín mươi', 'HTXSNV', ['E_SCORE_INVALID']],
    [2023, '89,5', 'Hoàn thành xuất sắc nhiệm vụ', []], // QĐ 124 has no score scale
    [2023, 120, 'HTXSNV', ['E_SCORE_INVALID']], // … but a score is still 0–100
  ])('year %i, score %p, rated %s → %p', (year, score, rating, expected) => {
    expect(scored(year, score, rating)).toEqual(expected);
  });

  test('scores in messages are written the Vietnamese way', () => {
    const messages = issuesOf({
      year: 2025,
      members: [
        ...fourGood(),
        { name: 'Chu Văn Sơn', score: 100.5, rating: 'HTXSNV' },
        { name: 'Chu Văn Tâm', score: '69,25', rating: 'HTTNV' },
      ],
    }).map((i) => i.message);
    expect(messages).toEqual([
      'Điểm 100,5 nằm ngoài thang 0–100.',
      'Điểm 69,25 ứng với mức “Hoàn thành nhiệm vụ” (QĐ 366 / HD 43), nhưng dòng này xếp loại “Hoàn thành tốt nhiệm vụ”: không được xếp loại cao hơn mức ứng với điểm.',
    ]);
  });

  test('a rule set passed explicitly wins over the year', () => {
    const workbook = unitWorkbook({
      year: 2023,
      members: [...fourGood(), { name: 'Chu Văn Sơn', score: 80, rating: 'HTXSNV' }],
    });
    expect(codes(analyzeOk(workbook, { ruleSet: RULE_SET_QD366 }).summary.errors)).toEqual([
      'E_SCORE_MISMATCH',
    ]);
  });
});

function fourGood(): MemberCells[] {
  return ['Mạc Văn A', 'Mạc Văn B', 'Mạc Văn C', 'Mạc Văn D', 'Mạc Văn E'].map((n) => goodMember(n));
}

describe('duplicates', () => {
  test('the same card number twice is an error on the second row, naming the first', () => {
    const issues = issuesOf({
      members: [
        goodMember('A Văn Một', { card: 79000001 }),
        goodMember('B Văn Hai'),
        goodMember('C Văn Ba', { card: '79000001' }),
      ],
    });
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'E_DUPLICATE_CARD',
        row: FIRST_DATA_ROW + 2,
        column: 'C',
        value: '79000001',
      }),
    ]);
    expect(issues[0].message).toContain(`dòng ${FIRST_DATA_ROW}`);
  });

  test('the same name: a warning, unless card numbers or birth dates tell the people apart', () => {
    const twice = (a: MemberCells, b: MemberCells) =>
      codes(issuesOf({ members: [goodMember('Nguyễn Văn Nam', a), goodMember('Nguyễn  Văn NAM', b)] }));
    expect(twice({}, {})).toEqual(['W_DUPLICATE_NAME']);
    expect(twice({ card: '1' }, {})).toEqual(['W_DUPLICATE_NAME']);
    expect(twice({ card: '1' }, { card: '2' })).toEqual([]);
    expect(twice({ birthDate: '01/01/1980' }, { birthDate: '02/01/1980' })).toEqual([]);
    expect(twice({ birthDate: '01/01/1980' }, { birthDate: '01/01/1980' })).toEqual(['W_DUPLICATE_NAME']);
    expect(twice({ card: '1' }, { card: '1' })).toEqual(['E_DUPLICATE_CARD', 'W_DUPLICATE_NAME']);
  });

  test('duplicate warnings are warnings, not errors', () => {
    const { summary } = analyzeOk(
      unitWorkbook({ members: [goodMember('Nguyễn Văn Nam'), goodMember('Nguyễn Văn Nam')] }),
    );
    expect(summary.errors).toEqual([]);
    expect(codes(summary.warnings)).toEqual(['W_DUPLICATE_NAME']);
  });
});

describe('rows that are not members', () => {
  test('blank rows (even with a pre-filled STT) and a trailing total row are skipped', () => {
    const workbook = unitWorkbook({
      members: [goodMember('Một'), {}, goodMember('Hai'), { name: 'Tổng cộng:' }],
    });
    const { read, summary } = analyzeOk(workbook);
    expect(read.report.members.map((m) => [m.row, m.name])).toEqual([
      [FIRST_DATA_ROW, 'Một'],
      [FIRST_DATA_ROW + 2, 'Hai'],
    ]);
    expect(summary.errors).toEqual([]);
  });
});

describe('a not-rated reason typed in the rating column', () => {
  test('is read as the reason', () => {
    const { read, summary } = analyzeOk(
      unitWorkbook({ members: [{ name: 'Hà Văn Lâm', rating: 'Miễn sinh hoạt' }] }),
    );
    expect(read.report.members[0]).toMatchObject({ reason: 'exempt' });
    expect(read.report.members[0].rating).toBeUndefined();
    expect(summary.members.notRated.exempt).toBe(1);
  });
});

describe('the same checks on a report received as JSON', () => {
  const sheetMembers: MemberCells[] = [
    ...fourGood(),
    { rating: 'HTTNV' },
    { name: 'Không Xếp' },
    { name: 'Hai Thứ', rating: 'HTTNV', reason: 'Miễn sinh hoạt' },
    goodMember('Trùng Thẻ', { card: '79000001' }),
    goodMember('Trùng Thẻ Hai', { card: '79000001' }),
    { name: 'Kỷ Luật', disciplined: 'x', rating: 'HTNV' },
    { name: 'Ốm Dài', sickLeave: 'x', rating: 'HTTNV' },
    { name: 'Mới Vào', admittedOn: '01/08/2025', rating: 'HTNV' },
    { name: 'Điểm Sai', score: 120, rating: 'HTNV' },
    { name: 'Điểm Lệch', score: 65, rating: 'HTTNV' },
    goodMember('Mạc Văn A'),
    ...Array.from({ length: 3 }, (_, i) => ({ name: `Xuất Sắc ${i}`, rating: 'HTXSNV' })),
  ];

  /** The body the add-on sends: canonical codes, ISO dates, sheet rows, no column letters. */
  const jsonMembers: MemberRow[] = [
    ...['Mạc Văn A', 'Mạc Văn B', 'Mạc Văn C', 'Mạc Văn D', 'Mạc Văn E'].map((name) => ({
      name,
      rating: 'good' as const,
    })),
    { name: '', rating: 'good' },
    { name: 'Không Xếp' },
    { name: 'Hai Thứ', rating: 'good', reason: 'exempt' },
    { name: 'Trùng Thẻ', card: '79000001', rating: 'good' },
    { name: 'Trùng Thẻ Hai', card: '79000001', rating: 'good' },
    { name: 'Kỷ Luật', disciplined: true, rating: 'complete' },
    { name: 'Ốm Dài', sickLeave: true, rating: 'good' },
    { name: 'Mới Vào', admittedOn: '2025-08-01', rating: 'complete' },
    { name: 'Điểm Sai', score: 120, rating: 'complete' },
    { name: 'Điểm Lệch', score: 65, rating: 'good' },
    { name: 'Mạc Văn A', rating: 'good' },
    ...Array.from({ length: 3 }, (_, i) => ({ name: `Xuất Sắc ${i}`, rating: 'excellent' as const })),
  ].map((m, i) => ({ ...m, row: FIRST_DATA_ROW + i }) as MemberRow);

  test('give the same codes on the same rows, with column null', () => {
    const fromSheet = issuesOf({ year: 2025, members: sheetMembers });
    const report: UnitReport = {
      year: 2025,
      unit: { code: 'XA01', name: 'Đảng bộ xã Thử Nghiệm' },
      members: jsonMembers,
    };
    const fromJson = checkUnitReport(report);
    const key = (i: Issue) => `${i.code}@${i.row}`;
    expect(fromJson.map(key).sort()).toEqual(fromSheet.map(key).sort());
    expect(new Set(codes(fromJson))).toEqual(
      new Set([
        'E_NAME_MISSING',
        'E_NO_RATING',
        'E_RATING_AND_REASON',
        'E_DUPLICATE_CARD',
        'E_DISCIPLINED_RATED_ABOVE',
        'E_SICK_LEAVE_RATED_ABOVE',
        'E_NEW_MEMBER_RATED',
        'E_SCORE_INVALID',
        'E_SCORE_MISMATCH',
        'W_DUPLICATE_NAME',
        'W_QUOTA_EXCEEDED',
      ]),
    );
    for (const found of fromJson) {
      expect(found.column).toBeNull();
      expect(found.sheet).toBe('Đảng viên');
    }
    expect(fromSheet.filter((i) => i.row !== null).every((i) => i.column !== null)).toBe(true);
  });

  test('rows without a row number are numbered from 1', () => {
    const report: UnitReport = {
      year: 2023,
      unit: { code: 'X', name: 'X' },
      members: [{ name: 'Một', rating: 'good' }, { name: 'Hai' }],
    };
    expect(checkUnitReport(report)).toEqual([
      expect.objectContaining({ code: 'E_NO_RATING', row: 2, column: null }),
    ]);
  });

  test('a body that breaks the contract is reported, never thrown (the server does not trust the client)', () => {
    const members = [
      { name: 'Mã Lạ', rating: 'superb' },
      { name: 'Lý Do Lạ', reason: 'holiday' },
      { name: 'Ngày Sai', rating: 'good', admittedOn: '2023-02-31' },
      { name: 'Ngày Chữ', rating: 'good', birthDate: '01/02/1980' },
    ] as unknown as MemberRow[];
    const report: UnitReport = { year: 2023, unit: { code: 'X', name: 'X' }, members };
    const found = checkUnitReport(report);
    expect(found.map((i) => [i.code, i.row, i.value])).toEqual([
      ['E_RATING_UNKNOWN', 1, 'superb'],
      ['E_REASON_UNKNOWN', 2, 'holiday'],
      ['E_DATE_INVALID', 3, '2023-02-31'],
      ['E_DATE_INVALID', 4, '01/02/1980'],
    ]);
  });
});

describe('the `Chi bộ` sheet (subordinate cells)', () => {
  const cellsSheet = (rows: CellValue[][]) => ({
    name: 'Chi bộ',
    rows: [['Tên chi bộ', 'Xếp loại', 'Ngày thành lập'], ...rows],
  });

  test('a cell without a rating is E_NO_RATING; an unreadable one only E_RATING_UNKNOWN', () => {
    const workbook = unitWorkbook({
      members: [goodMember('Một')],
      extraSheets: [
        cellsSheet([
          ['Chi bộ thôn 1', 'HTTNV', '01/01/2001'],
          ['Chi bộ thôn 2', ''],
          ['Chi bộ thôn 3', 'khá'],
        ]),
      ],
    });
    const { read, summary } = analyzeOk(workbook);
    expect(summary.errors.map((i) => [i.code, i.sheet, i.row])).toEqual([
      ['E_NO_RATING', 'Chi bộ', 3],
      ['E_RATING_UNKNOWN', 'Chi bộ', 4],
    ]);
    expect(read.report.cells).toEqual([
      { row: 2, name: 'Chi bộ thôn 1', rating: 'good', foundedOn: '2001-01-01' },
      { row: 3, name: 'Chi bộ thôn 2' },
      { row: 4, name: 'Chi bộ thôn 3' },
    ]);
    expect(summary.cells?.counts.good).toBe(1);
  });

  test('the quota applies to cell ratings too', () => {
    const rows = [
      ...Array.from({ length: 5 }, (_, i) => [`Chi bộ ${i}`, 'HTTNV']),
      ['Chi bộ X', 'HTXSNV'],
      ['Chi bộ Y', 'HTXSNV'],
    ];
    const { summary } = analyzeOk(
      unitWorkbook({ members: [goodMember('Một')], extraSheets: [cellsSheet(rows)] }),
    );
    expect(summary.warnings).toEqual([
      expect.objectContaining({
        code: 'W_QUOTA_EXCEEDED',
        sheet: 'Chi bộ',
        value: 2,
        message: expect.stringContaining('chi bộ'),
      }),
    ]);
  });
});

describe('issues come back in sheet order', () => {
  test('sorted by row within a sheet, rowless last', () => {
    const { summary } = analyzeOk(
      unitWorkbook({
        members: [{ name: 'A' }, { name: 'B', admittedOn: 'hôm qua', rating: 'HTNV' }, { rating: 'HTNV' }],
      }),
    );
    expect(summary.errors.map((i) => i.row)).toEqual([
      FIRST_DATA_ROW,
      FIRST_DATA_ROW + 1,
      FIRST_DATA_ROW + 2,
    ]);
  });
});

describe('the quota warning names its settings', () => {
  const members: MemberCells[] = [
    ...['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((n) => goodMember(`Người ${n}`)),
    { name: 'Xuất Sắc 1', rating: 'HTXSNV' },
    { name: 'Xuất Sắc 2', rating: 'HTXSNV' },
  ];
  test.each([
    [
      { ratio: 0.125, base: 'all' as const },
      'vượt tỷ lệ 12,5% của số đảng viên được xếp loại (10): tối đa 1.',
    ],
    [
      { ratio: 0.15, base: 'goodOrBetter' as const },
      'vượt tỷ lệ 15% của số đảng viên hoàn thành tốt nhiệm vụ trở lên (10): tối đa 1.',
    ],
    [
      { ratio: 0.2, base: 'good' as const },
      'vượt tỷ lệ 20% của số đảng viên hoàn thành tốt nhiệm vụ (8): tối đa 1.',
    ],
  ])('%p', (quota, text) => {
    const { summary } = analyzeOk(unitWorkbook({ members }), { quota });
    expect(summary.warnings.map((w) => w.message)).toEqual([
      `Có 2 đảng viên hoàn thành xuất sắc nhiệm vụ, ${text}`,
    ]);
    expect(summary.members.quota).toEqual({ ...quota, maxExcellent: 1, ok: false });
  });
});
