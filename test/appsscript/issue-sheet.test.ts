import type { Issue } from '../../core';
import { argumentSeparator } from '../../appsscript/src/layout/hyperlink';
import { issueSheet } from '../../appsscript/src/layout/issue-sheet';

const issue = (sheet: string, row: number | null, column: string | null): Issue => ({
  code: 'E_TEST',
  sheet,
  row,
  column,
  value: null,
  message: 'Thử.',
});

describe('the `Lỗi` sheet', () => {
  it('links each issue to its cell, a whole-row or whole-sheet issue to the sheet, an unknown sheet nowhere', () => {
    const block = issueSheet(
      [
        issue('Đảng viên', 5, 'G'),
        issue('Đảng viên', 9, null),
        issue('Chi bộ', null, null),
        issue('Khác', 3, 'B'),
      ],
      { 'Đảng viên': 1234, 'Chi bộ': 77 },
      ';',
    );
    expect(block.rows.slice(1).map((r) => [r[6].value, r[6].format])).toEqual([
      ['=HYPERLINK("#gid=1234&range=G5";"G5")', '0'],
      ['=HYPERLINK("#gid=1234&range=A9";"A9")', '0'],
      ['=HYPERLINK("#gid=77";"Mở trang")', '0'],
      ['', '@'],
    ]);
    // Only the link column holds formulas; every other text cell is plain text, so a value the user typed
    // with a leading "=" stays text.
    const others = block.rows.flatMap((r) => [...r.slice(0, 6), r[7]]);
    expect(others.filter((c) => c.format !== '@').map((c) => c.value)).toEqual([5, 9, 3]);
  });

  it('uses "," between arguments in English locales only', () => {
    expect(argumentSeparator('en_US')).toBe(',');
    expect(argumentSeparator('en_GB')).toBe(',');
    expect(argumentSeparator('vi_VN')).toBe(';');
    expect(argumentSeparator('de_DE')).toBe(';');
    const block = issueSheet([issue('Đảng viên', 5, 'G')], { 'Đảng viên': 1 }, ',');
    expect(block.rows[1][6].value).toBe('=HYPERLINK("#gid=1&range=G5","G5")');
  });

  it('has no links when there is no issue', () => {
    const block = issueSheet([], {}, ';');
    expect(block.rows.flat().some((c) => String(c.value).startsWith('='))).toBe(false);
    expect(block.rows[1][0].value).toBe('Không có lỗi nào.');
  });
});
