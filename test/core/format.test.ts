import { describePlace, formatChange, formatNumber, formatPercent, formatRatio, issue } from '../../core';

describe('Vietnamese number display', () => {
  test.each<[number, number | undefined, string]>([
    [11940, undefined, '11.940'],
    [10357, undefined, '10.357'],
    [1476, undefined, '1.476'],
    [818, undefined, '818'],
    [0, undefined, '0'],
    [1234567.891, 2, '1.234.567,89'],
    [-1234, undefined, '-1.234'],
    [-1234.5, 1, '-1.234,5'],
    [1.005, 2, '1,01'], // half-up on the decimal value, not on its binary approximation
    [2.675, 2, '2,68'],
    [0.5, 0, '1'],
    [-0.001, 2, '0,00'],
    [89.5, 1, '89,5'],
  ])('formatNumber(%p, %p) = “%s”', (value, decimals, text) => {
    expect(formatNumber(value, decimals)).toBe(text);
  });

  test.each<[number | null, string]>([
    [14.25, '14,25%'],
    [106.34, '106,34%'],
    [7.9, '7,90%'],
    [76.61, '76,61%'],
    [220, '220,00%'],
    [1234.5, '1.234,50%'],
    [null, '—'],
  ])('formatPercent(%p) = “%s”', (value, text) => {
    expect(formatPercent(value)).toBe(text);
  });

  test('formatPercent with fewer decimals', () => {
    expect(formatPercent(101.5, 1)).toBe('101,5%');
    expect(formatPercent(20, 0)).toBe('20%');
  });

  test.each<[number | null, string]>([
    [0.41, 'tăng 0,41 điểm phần trăm'],
    [3.72, 'tăng 3,72 điểm phần trăm'],
    [-4.6, 'giảm 4,60 điểm phần trăm'],
    [-0.01, 'giảm 0,01 điểm phần trăm'],
    [0, 'không đổi'],
    [null, '—'],
  ])('formatChange(%p) = “%s”', (points, text) => {
    expect(formatChange(points)).toBe(text);
  });

  test('small counts against a whole, as the seed writes them', () => {
    expect(formatRatio(3, 15)).toBe('03/15');
    expect(formatRatio(12, 15)).toBe('12/15');
    expect(formatRatio(2, 1)).toBe('02/01');
  });
});

describe('where an issue is, in words', () => {
  test('sheet, row and column with its header', () => {
    const found = issue('E_NO_RATING', { sheet: 'Đảng viên', row: 12, column: 'G', header: 'Xếp loại' }, 'x');
    expect(describePlace(found)).toBe('Trang “Đảng viên”, dòng 12, cột G (Xếp loại)');
  });
  test('a sheet-wide issue names only the sheet', () => {
    expect(describePlace(issue('W_QUOTA_EXCEEDED', { sheet: 'Đảng viên' }, 'x'))).toBe('Trang “Đảng viên”');
  });
});
