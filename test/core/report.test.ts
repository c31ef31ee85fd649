import {
  buildConsolidationReport,
  buildUnitReport,
  consolidate,
  layoutReport,
  readDistrictWorkbook,
  readIssuer,
  reportCellText,
  type ReportCell,
  type ReportDocument,
  type ReportTable,
  type UnitSummary,
} from '../../core';
import { analyzeOk, goodMember, unitWorkbook, type MemberCells } from './workbooks';

function members(counts: { excellent?: number; good?: number; complete?: number; exempt?: number }) {
  const rows: MemberCells[] = [];
  const add = (n: number | undefined, cells: MemberCells) => {
    for (let i = 0; i < (n ?? 0); i++) rows.push({ ...cells, name: `Đảng viên ${rows.length + 1}` });
  };
  add(counts.excellent, { rating: 'HTXSNV' });
  add(counts.good, goodMember(''));
  add(counts.complete, { rating: 'HTNV' });
  add(counts.exempt, { reason: 'Miễn sinh hoạt' });
  return rows;
}

function unit(code: string, name: string, kind: string, list: MemberCells[], year = 2023): UnitSummary {
  const targets = {
    name: 'Chỉ tiêu',
    rows: [
      ['Mã chỉ tiêu', 'Tên chỉ tiêu', 'Kế hoạch', 'Thực hiện'],
      ['DN_KET_NAP_CONG_DOAN_VIEN', '', 400, 406],
    ],
  };
  return analyzeOk(unitWorkbook({ code, name, kind, year, members: list, extraSheets: [targets] })).summary;
}

const SUPERIOR_INFO = {
  sheets: [
    {
      name: 'Thông tin',
      rows: [
        ['THÔNG TIN'],
        ['Mã tổ chức:', 'DU_PHU_NGHIA'],
        ['Tên tổ chức', 'Đảng ủy xã Phú Nghĩa'],
        ['Cấp trên', 'Đảng bộ thành phố Hà Nội'],
        ['Năm', 2025],
        ['Địa danh', 'Phú Nghĩa'],
      ],
    },
  ],
};

const district = readDistrictWorkbook({
  sheets: [
    {
      name: 'Tổ chức cơ sở',
      rows: [
        ['Mã đơn vị', 'Tên tổ chức', 'Loại hình', 'Xếp loại'],
        ['CB01', 'Chi bộ Thôn Một', 'Chi bộ cơ sở', 'HTXSNV'],
        ['CB02', 'Chi bộ Thôn Hai', 'Chi bộ cơ sở', 'HTTNV'],
        ['CB03', 'Chi bộ Thôn Ba', 'Chi bộ cơ sở', 'HTTNV'],
      ],
    },
  ],
}).data;

// 3 excellent, 25 good, 2 complete of 30 rated (1 exempt); last year 2 / 26 / 2.
const consolidation = consolidate(
  [
    unit(
      'CB01',
      'Chi bộ Thôn Một',
      'Chi bộ cơ sở',
      members({ excellent: 2, good: 15, complete: 1, exempt: 1 }),
    ),
    unit('CB02', 'Chi bộ Thôn Hai', 'Chi bộ cơ sở', members({ excellent: 1, good: 10, complete: 1 })),
  ],
  {
    year: 2023,
    district,
    previous: consolidate([
      unit('CB01', 'Chi bộ Thôn Một', 'Chi bộ cơ sở', members({ excellent: 2, good: 26, complete: 2 }), 2022),
    ]),
  },
);
// 05/01/2024 10:00 in Vietnam.
const DATE = new Date('2024-01-05T03:00:00Z');

function table(doc: ReportDocument, id: string): ReportTable {
  const found = doc.sections.flatMap((s) => s.tables).find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
}

const figure = (cell: ReportCell) => ('value' in cell ? [cell.kind, cell.value] : [cell.kind]);

describe('the report model', () => {
  const issuer = readIssuer(SUPERIOR_INFO);
  const doc = buildConsolidationReport(consolidation, { issuer, date: DATE });

  test('the issuer comes from the superior workbook’s Thông tin', () => {
    expect(issuer).toEqual({
      code: 'DU_PHU_NGHIA',
      name: 'Đảng ủy xã Phú Nghĩa',
      superior: 'Đảng bộ thành phố Hà Nội',
      place: 'Phú Nghĩa',
    });
  });

  test('heading, title and signature of a party document; no level is assumed', () => {
    expect(doc.heading).toEqual({
      issuers: ['ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', 'ĐẢNG ỦY XÃ PHÚ NGHĨA', '*'],
      party: 'ĐẢNG CỘNG SẢN VIỆT NAM',
      placeDate: 'Phú Nghĩa, ngày 05 tháng 01 năm 2024',
    });
    expect(doc.title).toBe('BÁO CÁO');
    expect(doc.subtitle).toBe('Kết quả đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2023');
    expect(doc.signature).toEqual({ onBehalf: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ', name: '' });
    expect(doc.recipients[0]).toBe('- Đảng bộ thành phố Hà Nội (để báo cáo),');
    expect(JSON.stringify(doc)).not.toMatch(/huyện/i);
  });

  test('without names the heading leaves gaps to fill by hand', () => {
    const bare = buildConsolidationReport(consolidation);
    expect(bare.heading.issuers).toEqual(['……………', '*']);
    expect(bare.heading.placeDate).toBe('……………, ngày     tháng     năm ……………');
  });

  test('sections numbered I, II, III with numbered tables; STT in the first column', () => {
    expect(doc.sections.map((s) => `${s.number}. ${s.title}`)).toEqual([
      'I. TỔ CHỨC ĐẢNG',
      'II. ĐẢNG VIÊN',
      'III. THỰC HIỆN CHỈ TIÊU',
    ]);
    expect(doc.sections[1].tables.map((t) => t.caption.slice(0, 3))).toEqual(['1. ', '2. ', '3. ']);
    for (const t of doc.sections.flatMap((s) => s.tables)) expect(t.columns[0].header).toBe('STT');
  });

  test('member ratings: counts, shares as fractions, changes as signed points, a total row', () => {
    const t = table(doc, 'members');
    expect(t.columns.map((c) => c.header)).toEqual([
      'STT',
      'Mức xếp loại',
      'Viết tắt',
      'Số lượng',
      'Tỷ lệ',
      'So với năm trước (điểm phần trăm)',
    ]);
    expect(t.rows.map((r) => r.cells.map(figure))).toEqual([
      [['index', 1], ['text'], ['text'], ['count', 3], ['fraction', 0.1], ['points', 3.33]],
      [['index', 2], ['text'], ['text'], ['count', 25], ['fraction', 0.8333], ['points', -3.34]],
      [['index', 3], ['text'], ['text'], ['count', 2], ['fraction', 0.0667], ['points', 0]],
      [['index', 4], ['text'], ['text'], ['count', 0], ['fraction', 0], ['points', 0]],
      [['empty'], ['text'], ['empty'], ['count', 30], ['fraction', 1], ['empty']],
    ]);
    expect(t.rows[0].cells[1]).toEqual({ kind: 'text', text: 'Hoàn thành xuất sắc nhiệm vụ' });
    expect(t.rows[0].cells[2]).toEqual({ kind: 'text', text: 'HTXSNV' });
    expect(t.rows[4].total).toBe(true);
  });

  test('the chart takes the four levels of the member table', () => {
    const chart = doc.sections[1].chart!;
    expect(chart).toMatchObject({ table: 'members', rows: [0, 1, 2, 3], labelColumn: 1, valueColumn: 3 });
    expect(chart.slices.map((s) => s.value)).toEqual([3, 25, 2, 0]);
  });

  test('organizations with their quota breach, targets with full names and codes apart', () => {
    expect(table(doc, 'organizations').rows[0].cells.map(figure)[3]).toEqual(['count', 1]);
    const quota = table(doc, 'organizations-quota');
    // 1 excellent of 2 good: at most ⌊0,2 × 2⌋ = 0.
    expect(quota.rows[2]).toMatchObject({ alert: true });
    const targets = table(doc, 'targets');
    expect(targets.rows[0].cells.slice(1, 3)).toEqual([
      { kind: 'text', text: 'Kết nạp công đoàn viên trong doanh nghiệp ngoài khu vực nhà nước' },
      { kind: 'text', text: 'DN_KET_NAP_CONG_DOAN_VIEN' },
    ]);
    expect(targets.columns.map((c) => c.role)).toEqual([
      'index',
      'label',
      'code',
      'figure',
      'figure',
      'figure',
    ]);
    expect(targets.rows[0].cells.slice(3).map(figure)).toEqual([
      ['count', 800],
      ['count', 812],
      ['fraction', 1.015],
    ]);
  });

  test('the appendix lists every unit, the one that did not report flagged', () => {
    const rows = doc.appendix!.table.rows;
    expect(
      rows.map((r) => [reportCellText(r.cells[0]), reportCellText(r.cells[1]), reportCellText(r.cells[3])]),
    ).toEqual([
      ['1', 'CB01', 'Có'],
      ['2', 'CB02', 'Có'],
      ['3', 'CB03', 'Chưa có'],
    ]);
    expect(rows[2].alert).toBe(true);
    expect(doc.notes).toContain('Chưa có báo cáo của Chi bộ Thôn Ba (CB03).');
  });

  test('cells as Vietnamese text for the terminal', () => {
    expect(reportCellText({ kind: 'fraction', value: 0.1425 })).toBe('14,25%');
    expect(reportCellText({ kind: 'points', value: 0.41 })).toBe('+0,41');
    expect(reportCellText({ kind: 'points', value: -4.6 })).toBe('-4,60');
    expect(reportCellText({ kind: 'count', value: 11940 })).toBe('11.940');
    expect(reportCellText({ kind: 'decimal', value: 2.5 })).toBe('2,5');
  });

  test('a unit’s own report: its name heads it, a chi bộ signs for the chi bộ', () => {
    const summary = unit('CB01', 'Chi bộ Thôn Một', 'Chi bộ cơ sở', members({ excellent: 1, good: 4 }));
    const own = buildUnitReport(summary, { issuer: { superior: 'Đảng ủy xã Phú Nghĩa' }, date: DATE });
    expect(own.heading.issuers).toEqual(['ĐẢNG ỦY XÃ PHÚ NGHĨA', 'CHI BỘ THÔN MỘT', '*']);
    expect(own.signature.onBehalf).toBe('T/M CHI BỘ');
    expect(own.subtitle).toBe('Kết quả đánh giá, xếp loại đảng viên năm 2023');
    expect(table(own, 'members').rows[0].cells.map(figure)[4]).toEqual(['fraction', 0.2]);
    expect(own.appendix).toBeNull();
  });
});

describe('the report laid out on sheets', () => {
  const doc = buildConsolidationReport(consolidation, { issuer: readIssuer(SUPERIOR_INFO), date: DATE });
  const [report, appendix] = layoutReport(doc);
  const at = (row: number, column: number) => report.rows[row - 1]?.[column - 1] ?? null;
  const rowOf = (text: string) => report.rows.findIndex((r) => r.some((c) => c?.value === text)) + 1;

  test('report sheet first, then the appendix', () => {
    expect([report.name, appendix.name]).toEqual(['Báo cáo tổng hợp', 'Theo đơn vị']);
  });

  test('heading blocks: issuers top left, the party underlined top right, then the date line', () => {
    expect([1, 2, 3].map((r) => at(r, 1)?.value)).toEqual([
      'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI',
      'ĐẢNG ỦY XÃ PHÚ NGHĨA',
      '*',
    ]);
    expect(at(1, 3)).toMatchObject({ value: 'ĐẢNG CỘNG SẢN VIỆT NAM', bold: true, underline: true });
    expect(at(2, 3)).toMatchObject({ value: 'Phú Nghĩa, ngày 05 tháng 01 năm 2024', italic: true });
    expect(report.merges).toContainEqual({ row: 1, column: 1, rows: 1, columns: 2 });
  });

  test('tables: STT, fractions with a percent format, points with a signed format, borders', () => {
    const header = rowOf('Mức xếp loại');
    expect(at(header, 1)).toMatchObject({ value: 'STT', bold: true, border: true });
    expect(at(header + 1, 1)).toMatchObject({ value: 1, format: '0' });
    expect(at(header + 1, 4)).toMatchObject({ value: 1, kind: 'count', format: '#,##0' });
    const members = report.rows.findIndex((r, i) => i > header && r[1]?.value === 'Mức xếp loại') + 1;
    expect(at(members + 1, 5)).toMatchObject({ value: 0.1, kind: 'fraction', format: '0.00%', border: true });
    expect(at(members + 2, 6)).toMatchObject({ value: -3.34, kind: 'points', format: '+0.00;-0.00;0.00' });
  });

  test('a chart over the member table’s labels and counts, below the tables, nothing overlapping', () => {
    expect(report.charts).toHaveLength(1);
    const chart = report.charts[0];
    expect(at(chart.labels.row, chart.labels.column)?.value).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(at(chart.values.row + 1, chart.values.column)?.value).toBe(25);
    expect(chart.labels.rows).toBe(4);
    const rowsCovered = Math.ceil(chart.height / 20);
    for (let r = chart.anchor.row; r < chart.anchor.row + rowsCovered; r++)
      expect(report.rows[r - 1]).toEqual([]);
  });

  test('signature block at the end: Nơi nhận left, T/M BAN THƯỜNG VỤ and BÍ THƯ right', () => {
    const sign = rowOf('T/M BAN THƯỜNG VỤ');
    expect(at(sign, 1)?.value).toBe('Nơi nhận:');
    expect(at(sign + 1, 3)?.value).toBe('BÍ THƯ');
    expect(sign).toBeGreaterThan(rowOf('III. THỰC HIỆN CHỈ TIÊU'));
  });

  test('a long note is broken between words into rows that fit the table: nothing runs past it', () => {
    const long =
      'Không so sánh được Đảng ủy xã Phú Nghĩa (X-PHUNGHIA) với năm trước: số liệu năm trước là của tổ chức khác, và không rõ CB01, CB02, CB03, CB04, CB05, CB06, CB07, CB08, CB09, CB10 và 22 đơn vị khác được hình thành từ tổ chức nào năm trước.';
    const [laid] = layoutReport({ ...doc, notes: [long] });
    const units = laid.widths.reduce((a, b) => a + b, 0);
    const first = laid.rows.findIndex((r) => r[0]?.value === 'Cần lưu ý:') + 1;
    const lines: string[] = [];
    for (let r = first; typeof laid.rows[r]?.[0]?.value === 'string' && laid.rows[r][0]!.value !== ''; r++)
      lines.push(laid.rows[r][0]!.value as string);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[0].startsWith('- Không so sánh')).toBe(true);
    // The words in their order, the later lines indented under the text after "- ".
    expect(lines.map((l) => l.trim()).join(' ')).toBe(`- ${long}`);
    for (const line of lines.slice(1)) expect(line.startsWith('  ') && line[2] !== ' ').toBe(true);
    // Times New Roman at 12 pt: at most about 7,4 px a letter; a unit of width is 7 px.
    for (const line of lines) expect(line.length * 7.4).toBeLessThanOrEqual((units - 1) * 7);
    const rows = lines.map((_, i) => first + 1 + i);
    for (const row of rows) {
      expect(laid.rows[row - 1][0]).toMatchObject({ wrap: false, fill: expect.any(String) });
      expect(laid.heights[row - 1]).toBeNull();
    }
  });

  test('a target’s code is never cut: as wide as its column, or wrapped in a row tall enough', () => {
    // Capitals and underscores of Times New Roman at 10 pt: up to 9 px each; a unit of width is 7 px.
    const codes = report.rows.flatMap((r, i) =>
      r.flatMap((c, column) =>
        c?.size === 10 && typeof c.value === 'string' && /^[A-Z0-9_]+$/.test(c.value)
          ? [{ code: c.value, row: i, column, wrap: c.wrap }]
          : [],
      ),
    );
    expect(codes.map((c) => c.code)).toContain('DN_KET_NAP_CONG_DOAN_VIEN');
    for (const { code, row, column, wrap } of codes) {
      const lines = Math.ceil((code.length * 9) / ((report.widths[column] - 1) * 7));
      if (lines > 1) {
        expect(wrap).toBe(true);
        expect(report.heights[row]).toBeGreaterThanOrEqual(lines * 13);
      }
    }
  });

  test('print: report portrait, appendix landscape with its header repeated and frozen', () => {
    expect(report.orientation).toBe('portrait');
    expect(report.pageBreaks).toEqual([rowOf('II. ĐẢNG VIÊN'), rowOf('III. THỰC HIỆN CHỈ TIÊU')]);
    expect(appendix.orientation).toBe('landscape');
    expect(appendix.repeatRows).toEqual({ first: 3, last: 3 });
    expect(appendix.rows[2][0]?.value).toBe('STT');
    expect(appendix.frozenRows).toBe(3);
    // Target names in the wide column, codes in a narrower one.
    expect(report.widths[1]).toBeGreaterThan(report.widths[2]);
  });
});

describe('probationary members and each unit’s change vs last year', () => {
  const doc = buildConsolidationReport(consolidation, { issuer: readIssuer(SUPERIOR_INFO), date: DATE });
  const appendix = doc.appendix!.table;
  const column = (header: string) => appendix.columns.findIndex((c) => c.header === header);

  test('the appendix gives each unit’s change in points, one column a level, empty without last year', () => {
    expect(appendix.columns.map((c) => c.header).slice(10, 16)).toEqual([
      'Tỷ lệ HTXSNV',
      '± HTXSNV',
      '± HTTNV',
      '± HTNV',
      '± KHTNV',
      'Định mức HTXSNV',
    ]);
    // CB01: 2 / 15 / 1 of 18 rated (11,11 / 83,33 / 5,56 %) against 2 / 26 / 2 of 30 (6,67 / 86,67 / 6,67 %).
    const [cb01, cb02, cb03] = appendix.rows;
    expect(cb01.cells.slice(11, 15).map(figure)).toEqual([
      ['points', 4.44],
      ['points', -3.34],
      ['points', -1.11],
      ['points', 0],
    ]);
    // CB02 has no figures last year; CB03 sent nothing.
    expect(cb02.cells.slice(11, 15).map(figure)).toEqual([['empty'], ['empty'], ['empty'], ['empty']]);
    expect(cb03.cells).toHaveLength(appendix.columns.length);
    expect(doc.appendix!.notes).toEqual([
      'Cột “±”: tỷ lệ tăng (+), giảm (-) so với năm trước, tính bằng điểm phần trăm.',
    ]);
    // No member is marked dự bị here: no column for them, no row in the headcount.
    expect(column('Đảng viên dự bị')).toBe(-1);
    expect(JSON.stringify(table(doc, 'headcount'))).not.toContain('dự bị');
  });

  test('the note under the appendix is laid out after its table', () => {
    const [, sheet] = layoutReport(doc);
    expect(sheet.rows.at(-1)?.[0]?.value).toBe(doc.appendix!.notes[0]);
    expect(sheet.rows.at(-2)?.[1]?.value).toBe('CB03');
  });

  test('probationary members in the headcount (of all and of those rated) and per unit', () => {
    const probationary = (n: number, cells: MemberCells) =>
      Array.from({ length: n }, (_, i) => ({ ...cells, name: `Dự bị ${i + 1}`, probationary: 'x' }));
    const withProbationary = consolidate(
      [
        unit('CB01', 'Chi bộ Thôn Một', 'Chi bộ cơ sở', [
          ...members({ excellent: 1, good: 10 }),
          ...probationary(2, goodMember('')),
          ...probationary(1, { reason: 'Mới kết nạp' }),
        ]),
        unit('CB02', 'Chi bộ Thôn Hai', 'Chi bộ cơ sở', [
          ...members({ good: 5 }),
          ...probationary(1, { rating: 'HTNV' }),
        ]),
      ],
      { year: 2023 },
    );
    const report = buildConsolidationReport(withProbationary);
    const rows = table(report, 'headcount').rows.map((r) => r.cells.map((c) => reportCellText(c)));
    expect(rows.slice(0, 4)).toEqual([
      ['', 'Tổng số đảng viên', '20'],
      ['', 'Trong đó: đảng viên dự bị', '4'],
      ['1', 'Được đánh giá, xếp loại', '19'],
      ['', 'Trong đó: đảng viên dự bị', '3'],
    ]);
    const units = report.appendix!.table;
    const at = units.columns.findIndex((c) => c.header === 'Đảng viên dự bị');
    expect(units.columns[at - 1].header).toBe('Tổng số đảng viên');
    expect(units.rows.map((r) => reportCellText(r.cells[at]))).toEqual(['3', '1']);
    // No last year: no change columns and no note.
    expect(units.columns.some((c) => c.header.startsWith('±'))).toBe(false);
    expect(report.appendix!.notes).toEqual([]);
    // A unit's own report shows them the same way.
    const own = buildUnitReport(
      unit('CB02', 'Chi bộ Thôn Hai', 'Chi bộ cơ sở', [
        ...members({ good: 5 }),
        ...probationary(1, { rating: 'HTNV' }),
      ]),
    );
    expect(table(own, 'headcount').rows[1].cells.map((c) => reportCellText(c))).toEqual([
      '',
      'Trong đó: đảng viên dự bị',
      '1',
    ]);
  });
});
