import { breakLines } from '../../core/report/line-breaks';

describe('breaking a text into lines', () => {
  test('between words, each line as full as it can be', () => {
    expect(breakLines('Kết nạp đảng viên trong doanh nghiệp', 12)).toEqual([
      'Kết nạp đảng',
      'viên trong',
      'doanh nghiệp',
    ]);
    expect(breakLines('Cần lưu ý', 100)).toEqual(['Cần lưu ý']);
  });

  test('a word longer than a line is cut; spaces in a row count as one', () => {
    expect(breakLines('DN_KET_NAP_DANG_VIEN  là mã', 8)).toEqual(['DN_KET_N', 'AP_DANG_', 'VIEN là', 'mã']);
  });

  test('an empty text is one empty line', () => {
    expect(breakLines('', 10)).toEqual(['']);
    expect(breakLines('   ', 10)).toEqual(['']);
  });
});
