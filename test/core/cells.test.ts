import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';
import fc from 'fast-check';
import {
  cellText,
  isFormulaError,
  isoFromDate,
  isValidIsoDate,
  issueValue,
  lessThanSixMonths,
  parseDate,
  parseNumber,
  parseYes,
  type CellValue,
} from '../../core';
import { FIRST_DATA_ROW, goodMember, issuesOf, analyzeOk, unitWorkbook } from './workbooks';

/**
 * isoFromDate results for instants (ms since epoch), computed by core in a separate Node process whose time
 * zone is `zone`: jest gives tests a copy of process.env, so TZ cannot be switched inside the test process.
 */
function isoInTimeZone(zone: string, instants: number[]): string[] {
  const script = `const core = require(${JSON.stringify(coreBundle)});
    console.log(JSON.stringify(${JSON.stringify(instants)}.map((ms) => core.isoFromDate(new Date(ms)))));`;
  const output = execFileSync(process.execPath, ['-e', script], {
    env: { ...process.env, TZ: zone },
    encoding: 'utf8',
  });
  return JSON.parse(output);
}

function localHourInTimeZone(zone: string, ms: number): number {
  const script = `console.log(new Date(${ms}).getHours())`;
  return Number(
    execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: zone }, encoding: 'utf8' }),
  );
}

let coreBundle = '';
beforeAll(() => {
  coreBundle = join(mkdtempSync(join(tmpdir(), 'xeploai-core-')), 'core.cjs');
  buildSync({
    entryPoints: [join(__dirname, '../../core/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: coreBundle,
    logLevel: 'silent',
  });
});
afterAll(() => rmSync(dirname(coreBundle), { recursive: true, force: true }));

describe('dates', () => {
  test.each<[CellValue, string | null]>([
    [new Date(Date.UTC(2023, 5, 30)), '2023-06-30'], // an xlsx reader: UTC midnight
    [45107, '2023-06-30'], // Excel serial number
    [45107.75, '2023-06-30'], // serial with a time of day
    [3654, '1910-01-01'], // the first serial number taken as a date
    ['30/06/2023', '2023-06-30'],
    [' 3/7/2023 ', '2023-07-03'],
    ['03.07.2023', '2023-07-03'],
    ['29/02/2024', '2024-02-29'],
    ['2023-06-30', '2023-06-30'],
    ['30/06/2023 00:00:00', '2023-06-30'], // a date-time cell exported as text
    ['3/7/2023 8:15', '2023-07-03'],
    ['ngày 03 tháng 7 năm 2023', '2023-07-03'], // as documents write it
    ['Ngày 3 tháng 07 năm 2023'.normalize('NFD'), '2023-07-03'],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%p → %p', (cell, iso) => {
    expect(parseDate(cell)).toEqual({ ok: true, value: iso });
  });

  test.each<[CellValue]>([
    ['31/02/2023'],
    ['29/02/2023'],
    ['31/04/2023'],
    ['00/01/2023'],
    ['12/13/2023'],
    ['1/1/23'],
    ['ngày 1 tháng 1'],
    ['ngày 31 tháng 2 năm 2023'],
    ['30/06/2023 25'],
    ['2023'],
    [1985], // a year typed into a date cell is not 07/06/1905
    [3653],
    [true],
    [0],
    [-5],
    [new Date(Number.NaN)],
  ])('%p is not a date', (cell) => {
    expect(parseDate(cell)).toEqual({ ok: false });
  });

  describe('the calendar day of a Date cell (isoFromDate)', () => {
    const vietnamMidnight = Date.UTC(2023, 5, 29, 17); // 30/06/2023 00:00 in Hà Nội

    test('the child process really runs in the zone it is given (otherwise the tests below prove nothing)', () => {
      expect(localHourInTimeZone('Asia/Ho_Chi_Minh', vietnamMidnight)).toBe(0);
      expect(localHourInTimeZone('UTC', vietnamMidnight)).toBe(17);
    });

    test('UTC midnight (xlsx readers) is read in UTC, whatever the local zone', () => {
      for (const zone of ['UTC', 'Asia/Ho_Chi_Minh', 'America/New_York']) {
        expect(isoInTimeZone(zone, [Date.UTC(2023, 5, 30), Date.UTC(1965, 0, 1)])).toEqual([
          '2023-06-30',
          '1965-01-01',
        ]);
      }
    });

    test('local midnight (Apps Script, a sheet in Asia/Ho_Chi_Minh) is read in local time', () => {
      expect(isoInTimeZone('Asia/Ho_Chi_Minh', [vietnamMidnight, Date.UTC(2023, 11, 30, 17)])).toEqual([
        '2023-06-30',
        '2023-12-31',
      ]);
      expect(isoInTimeZone('America/New_York', [Date.UTC(2023, 5, 30, 4)])).toEqual(['2023-06-30']);
    });

    test('a Vietnamese-midnight Date seen by code running in UTC is still that Vietnamese day', () => {
      expect(isoInTimeZone('UTC', [vietnamMidnight, Date.UTC(2023, 11, 31, 17)])).toEqual([
        '2023-06-30',
        '2024-01-01',
      ]);
      expect(isoFromDate(new Date(vietnamMidnight))).toBe('2023-06-30'); // and in this process, whatever its zone
    });

    test("with the spreadsheet's time zone given, the day the instant falls on there", () => {
      // Midnight of 01/01/1980 in Tokyo, New York (winter) and Hà Nội; whatever this process's zone.
      expect(isoFromDate(new Date(Date.UTC(1979, 11, 31, 15)), 'Asia/Tokyo')).toBe('1980-01-01');
      expect(isoFromDate(new Date(Date.UTC(1980, 0, 1, 5)), 'America/New_York')).toBe('1980-01-01');
      expect(isoFromDate(new Date(Date.UTC(1979, 11, 31, 17)), 'Asia/Ho_Chi_Minh')).toBe('1980-01-01');
      // The same instant is another day in another zone: the zone decides, not a guess.
      expect(isoFromDate(new Date(Date.UTC(1979, 11, 31, 15)), 'UTC')).toBe('1979-12-31');
    });

    test('a date with a time of day keeps its local calendar day', () => {
      expect(
        isoInTimeZone('UTC', [Date.UTC(2023, 5, 30, 14, 30), Date.UTC(2023, 5, 30, 23, 59, 59)]),
      ).toEqual(['2023-06-30', '2023-06-30']);
    });

    test('a Date cell is shown and reported as dd/mm/yyyy', () => {
      expect(cellText(new Date(Date.UTC(2023, 6, 1)))).toBe('01/07/2023');
      expect(issueValue(new Date(Date.UTC(2023, 6, 1)))).toBe('01/07/2023');
    });
  });

  test('an invalid date in the member sheet is E_DATE_INVALID at its cell; the row is still checked', () => {
    const issues = issuesOf({ members: [goodMember('Lê Văn Bảo', { birthDate: '30/02/1980' })] });
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'E_DATE_INVALID',
        row: FIRST_DATA_ROW,
        column: 'D',
        value: '30/02/1980',
      }),
    ]);
  });

  test('date cells of every kind give the same member', () => {
    const admitted: CellValue[] = [new Date(Date.UTC(2010, 2, 3)), 40240, '03/03/2010', '2010-03-03'];
    for (const value of admitted) {
      const { read } = analyzeOk(
        unitWorkbook({ members: [goodMember('Lê Văn Bảo', { admittedOn: value })] }),
      );
      expect(read.report.members[0].admittedOn).toBe('2010-03-03');
    }
  });
});

describe('yes-cells', () => {
  test.each<[CellValue]>([
    ['x'],
    ['X'],
    [' x '],
    ['Có'],
    ['có'],
    ['CÓ'],
    ['Có'.normalize('NFD')],
    ['✓'],
    ['✔'],
    [true],
    [1],
    ['TRUE'],
    ['1'],
  ])('%p is yes', (cell) => {
    expect(parseYes(cell)).toEqual({ ok: true, value: true });
  });
  test.each<[CellValue]>([[''], [null], [undefined], ['  '], [false], [0], ['Không'], ['-'], ['—']])(
    '%p is no',
    (cell) => {
      expect(parseYes(cell)).toEqual({ ok: true, value: false });
    },
  );
  test.each<[CellValue]>([['xx'], ['có lẽ'], [2], ['?'], ['...'], [new Date(Date.UTC(2023, 0, 1))]])(
    '%p is not a yes/no',
    (cell) => {
      expect(parseYes(cell)).toEqual({ ok: false });
    },
  );

  test('in the sheet, garbage in a yes column is E_FLAG_INVALID and the flag is not set', () => {
    const workbook = unitWorkbook({ members: [goodMember('Lê Văn Bảo', { sickLeave: 'ba tháng' })] });
    const { read, summary } = analyzeOk(workbook);
    expect(summary.errors).toEqual([
      expect.objectContaining({
        code: 'E_FLAG_INVALID',
        sheet: 'Đảng viên',
        row: FIRST_DATA_ROW,
        column: 'K',
        value: 'ba tháng',
      }),
    ]);
    expect(read.report.members[0].sickLeave).toBeUndefined();
  });
});

describe('formula error values', () => {
  test.each(['#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!'])(
    '%s is a formula error',
    (text) => {
      expect(isFormulaError(text)).toBe(true);
    },
  );
  test.each(['#', '#1', 'REF!', 'N/A', 'Xem #REF!'])('%s is not', (text) => {
    expect(isFormulaError(text)).toBe(false);
  });

  test.each(['#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?'])(
    '%s in the rating cell is E_CELL_ERROR at that cell, without an extra E_NO_RATING',
    (error) => {
      const issues = issuesOf({ members: [goodMember('Trần An'), { name: 'Lê Văn Bảo', rating: error }] });
      expect(issues).toEqual([
        {
          code: 'E_CELL_ERROR',
          sheet: 'Đảng viên',
          row: FIRST_DATA_ROW + 1,
          column: 'G',
          value: error,
          message: `Ô chứa lỗi công thức ${error}: hãy sửa công thức hoặc nhập giá trị.`,
          header: 'Xếp loại',
        },
      ]);
    },
  );

  test('in the name cell: one E_CELL_ERROR, not also E_NAME_MISSING', () => {
    const issues = issuesOf({ members: [{ name: '#REF!', rating: 'HTNV' }] });
    expect(issues.map((i) => [i.code, i.column])).toEqual([['E_CELL_ERROR', 'B']]);
  });

  test('in the reason, date, score, flag and group cells: one E_CELL_ERROR each, nothing read from them', () => {
    const workbook = unitWorkbook({
      year: 2025,
      members: [
        {
          name: 'Lê Văn Bảo',
          reason: '#VALUE!',
          admittedOn: '#REF!',
          score: '#DIV/0!',
          disciplined: '#NAME?',
          groups: '#N/A',
          note: '#REF!',
          cell: '#REF!',
        },
      ],
    });
    const { read, summary } = analyzeOk(workbook);
    expect(summary.errors.map((i) => [i.code, i.column])).toEqual([
      ['E_CELL_ERROR', 'E'],
      ['E_CELL_ERROR', 'F'],
      ['E_CELL_ERROR', 'H'],
      ['E_CELL_ERROR', 'I'],
      ['E_CELL_ERROR', 'J'],
      ['E_CELL_ERROR', 'L'],
      ['E_CELL_ERROR', 'M'],
    ]);
    expect(read.report.members[0]).toEqual({ row: FIRST_DATA_ROW, name: 'Lê Văn Bảo' });
    expect(summary.groups).toEqual({});
  });
});

describe('numbers', () => {
  test.each<[CellValue, number | null]>([
    [85, 85],
    ['85', 85],
    ['89,5', 89.5],
    ['89.5', 89.5],
    ['1.234', 1234],
    ['11.940', 11940],
    ['1.234,5', 1234.5],
    [' 90 ', 90],
    ['', null],
    [null, null],
  ])('%p → %p', (cell, value) => {
    expect(parseNumber(cell)).toEqual({ ok: true, value });
  });
  test.each<[CellValue]>([['abc'], ['8,5,5'], ['90 điểm'], [true], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    '%p is not a number',
    (cell) => {
      expect(parseNumber(cell)).toEqual({ ok: false });
    },
  );
});

describe('six months after admission', () => {
  // The plain definition: the same day six months on (that month's last day when it has fewer days).
  const reference = (earlier: string, later: string) => {
    const [y, m, d] = earlier.split('-').map(Number);
    const first = new Date(Date.UTC(y, m - 1 + 6, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
    const boundary = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)));
    return later < boundary.toISOString().slice(0, 10);
  };
  const day = fc
    .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('agrees with the calendar for any two days', () => {
    fc.assert(
      fc.property(day, day, (earlier, later) => {
        expect(lessThanSixMonths(earlier, later)).toBe(reference(earlier, later));
      }),
      { numRuns: 5000 },
    );
    expect(lessThanSixMonths('2023-08-31', '2024-02-28')).toBe(true);
    expect(lessThanSixMonths('2023-08-31', '2024-02-29')).toBe(false);
    expect(lessThanSixMonths('2023-06-30', '2023-12-30')).toBe(false);
  });
});

describe('ISO days', () => {
  const reference = (text: string) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return false;
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
    return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  };

  it('are real days between 1900 and 2200, written YYYY-MM-DD', () => {
    const near = fc
      .tuple(
        fc.integer({ min: 1890, max: 2210 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.oneof(near, fc.string({ maxLength: 12 })), (text) => {
        expect(isValidIsoDate(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
    expect(
      ['2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '2023-1-05', '２０２３-01-05'].map(
        isValidIsoDate,
      ),
    ).toEqual([true, false, false, true, false, false]);
  });
});
