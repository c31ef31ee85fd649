import fc from 'fast-check';
import {
  analyzeUnitWorkbook,
  consolidate,
  ERROR_CODES,
  WARNING_CODES,
  type CellValue,
  type WorkbookData,
} from '../../core';
import { MEMBER_HEADER } from '../cli/fixtures';
import { sized, tryAll } from './record';

// Generous for a shared machine; before labels were cut to their length, 150 cases took over 8 minutes.
jest.setTimeout(120_000);

const HEADER: CellValue[] = [...MEMBER_HEADER, 'Điểm'];
const KNOWN_CODES = new Set<string>([...ERROR_CODES, ...WARNING_CODES]);

/** Any value a cell can hold, with the awkward ones made likely. */
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    '',
    ' ',
    'Tốt',
    'HTXSNV',
    'Hoàn thành tốt nhiệm vụ',
    'x',
    'Miễn',
    'Có',
    '#N/A',
    '#REF!',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 10 }),
  fc.constant('ạ'.repeat(100_000)),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, -1e308, -0, Number.MAX_SAFE_INTEGER + 2, -5),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.boolean(),
  fc.date({ min: new Date(-62135596800000), max: new Date('2200-01-01') }),
  fc.constant(new Date('1899-12-30T00:00:00Z')),
  fc.constant(new Date(Number.NaN)),
);

/** Member sheets: the real header or a damaged one, then ragged rows (0 rows allowed). */
const memberSheet = fc.record({
  header: fc.oneof(fc.constant(HEADER), fc.array(cell, { maxLength: 12 }), fc.shuffledSubarray(HEADER)),
  rows: fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 40 }),
});

const workbook: fc.Arbitrary<WorkbookData> = fc
  .tuple(
    memberSheet,
    fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 6 }),
    fc.constantFrom('Đảng viên', 'Dang vien', 'Sheet1', ''),
    fc.boolean(),
  )
  .map(([members, info, name, withInfo]) => ({
    sheets: [
      ...(withInfo ? [{ name: 'Thông tin', rows: info }] : []),
      { name, rows: [members.header, ...members.rows] },
    ],
  }));

function expectPreciseOutcome(book: WorkbookData): void {
  const analysis = analyzeUnitWorkbook(book, { unitCode: 'FZ01', year: 2023 });
  if (!analysis.ok) {
    expect(analysis.code).toBe('E_NO_MEMBER_SHEET');
    expect(analysis.message).toMatch(/\p{L}/u);
    return;
  }
  for (const found of analysis.read.issues) {
    expect(KNOWN_CODES.has(found.code) || /^[EW]_[A-Z0-9_]+$/.test(found.code)).toBe(true);
    expect(found.message).toMatch(/\p{L}/u);
  }
  const tally = analysis.summary.members;
  const counted = Object.values(tally.counts).reduce((a, b) => a + b, 0);
  expect(counted).toBe(tally.evaluated);
  for (const value of Object.values(tally.percent))
    expect(Number.isFinite(value) || value === null).toBe(true);
  // A summary made from anything still consolidates.
  expect(consolidate([analysis.summary], { year: 2023 }).units.count).toBe(1);
}

it('reads, checks and tallies arbitrary sheets without throwing, each problem a coded issue', async () => {
  const books = fc.sample(workbook, { numRuns: sized(60, 1000), seed: 1301 });
  await tryAll(
    'fuzz',
    'engine: arbitrary cell values and sheet shapes (control characters, 100.000-character strings, NaN/±Infinity, huge and negative numbers, dates before 1900 and invalid dates, ragged rows, damaged headers)',
    books,
    expectPreciseOutcome,
  );
});

it('handles the extreme shapes: no rows, a header only, 10.000 columns, 5.000 ragged rows', async () => {
  const wide: CellValue[] = [
    ...HEADER,
    ...Array.from({ length: 10_000 - HEADER.length }, (_, i) => `Cột ${i}`),
  ];
  const shapes: WorkbookData[] = [
    { sheets: [] },
    { sheets: [{ name: 'Đảng viên', rows: [] }] },
    { sheets: [{ name: 'Đảng viên', rows: [HEADER] }] },
    {
      sheets: [
        {
          name: 'Đảng viên',
          rows: [wide, wide.map((_, i) => (i === 1 ? 'Nguyễn Văn A' : i === 4 ? 'Tốt' : null))],
        },
      ],
    },
    {
      sheets: [
        {
          name: 'Đảng viên',
          rows: [
            HEADER,
            ...Array.from({ length: 5000 }, (_, i) => Array.from({ length: i % 17 }, () => 'Tốt')),
          ],
        },
      ],
    },
    { sheets: [{ name: 'Đảng viên', rows: Array.from({ length: 30 }, () => []) }] },
  ];
  await tryAll(
    'fuzz',
    'engine: extreme shapes (no sheet, 0 rows, header only, 10.000 columns, 5.000 ragged rows, only empty rows)',
    shapes,
    expectPreciseOutcome,
  );
});
