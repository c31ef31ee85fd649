/** The figures sheet: a consolidation written into a workbook and read back exactly, for the level above. */
import {
  consolidate,
  figuresGrid,
  FIGURES_SHEET,
  readFiguresSheet,
  type CellValue,
  type Consolidation,
  type UnitSummary,
} from '../../core';
import { analyzeOk, unitWorkbook, type MemberCells } from './workbooks';

function unit(code: string, members: MemberCells[], year = 2025): UnitSummary {
  return analyzeOk(unitWorkbook({ code, year, members })).summary;
}

/** A consolidation with every kind of value: nulls, empty lists, flags, groups with “/” and “~”, issues. */
function sample(): Consolidation {
  const lastYear = consolidate([unit('CU1', [{ name: 'A', rating: 'HTTNV' }], 2024)], { year: 2024 });
  const commune = consolidate(
    [
      unit('CB1', [
        { name: 'An', rating: 'HTXSNV', groups: 'Cán bộ / công chức; Đoàn viên ~ thanh niên' },
        { name: 'Bình', rating: 'HTXSNV' },
        { name: 'Cúc', reason: 'Miễn sinh hoạt' },
      ]),
      unit('CB2', [{ name: 'Dũng' }]),
    ],
    {
      year: 2025,
      organization: { code: 'XA1', name: 'Đảng ủy xã Một', mergedFrom: ['CU1'] },
      district: {
        organizations: [{ code: 'CB1', name: 'Chi bộ Một', rating: 'excellent', mergedFrom: ['CU1'] }],
        assignedTargets: [{ unit: 'CB1', code: 'KET_NAP_DANG_VIEN', target: 3 }],
      },
      previous: lastYear,
    },
  );
  return consolidate([commune], { year: 2025, organization: { code: 'TINH', name: 'Tỉnh ủy' } });
}

const workbookOf = (rows: CellValue[][]) => ({ sheets: [{ name: FIGURES_SHEET, rows }] });
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('the figures sheet', () => {
  test('round trip: the consolidation comes back exactly, JSON for JSON', async () => {
    const original = sample();
    expect(original.errors.length + original.warnings.length).toBeGreaterThan(0);
    const read = await readFiguresSheet(workbookOf(figuresGrid(original)));
    expect(read).toEqual({ ok: true, consolidation: asJson(original) });
  });

  test('a person can read it: Vietnamese headings and descriptions', () => {
    const grid = figuresGrid(sample());
    expect(grid[1]).toEqual(['Nội dung', 'Khóa', 'Kiểu', 'Giá trị']);
    const row = (key: string) => grid.find((r) => r[1] === key);
    expect(row('/members/counts/excellent')).toEqual([
      'Đảng viên › Số lượng › HTXSNV',
      '/members/counts/excellent',
      'số',
      2,
    ]);
    expect(row('/byUnit/0/members/total')?.[0]).toBe('Theo đơn vị › CB1 › Đảng viên › Tổng số');
    expect(row('/groups/Cán bộ ~1 công chức')?.[0]).toBe('Nhóm đảng viên › Cán bộ / công chức');
    expect(row('/byUnit')?.slice(2)).toEqual(['danh sách', 2]);
  });

  test('an edited or damaged sheet is refused, saying where', async () => {
    const grid = figuresGrid(sample());
    const edited = grid.map((r) => (r[1] === '/members/counts/good' ? [r[0], r[1], r[2], 99] : r));
    expect(await readFiguresSheet(workbookOf(edited))).toEqual({
      ok: false,
      message: expect.stringMatching(/không khớp: tổng số của đảng viên không bằng tổng các mức/),
    });
    const asText = grid.map((r) => (r[1] === '/byUnit/1/warnings' ? [r[0], r[1], 'chữ', 'không'] : r));
    expect(await readFiguresSheet(workbookOf(asText))).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^Trang “Số liệu tổng hợp”: số liệu tổng hợp không đúng cấu trúc \(ở “byUnit\.1\.warnings”\)/,
      ),
    });
    const at = grid.findIndex((r) => r[1] === '/units/codes');
    const fewer = grid.filter((r) => r[1] !== '/units/codes/1');
    expect(await readFiguresSheet(workbookOf(fewer))).toEqual({
      ok: false,
      message: `Trang “Số liệu tổng hợp”, dòng ${at + 1}: ghi 2 phần tử nhưng có 1: trang đã bị sửa.`,
    });
    const otherFormat = grid.map((r) => (r[1] === '#' ? [r[0], r[1], r[2], 'khác/9'] : r));
    expect(await readFiguresSheet(workbookOf(otherFormat))).toMatchObject({ ok: false });
    expect(await readFiguresSheet({ sheets: [] })).toEqual({
      ok: false,
      message: 'Không có trang “Số liệu tổng hợp”.',
    });
  });
});
