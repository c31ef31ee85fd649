import type { Issue } from '../../core';
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
    );
    expect(block.links).toEqual({
      row: 2,
      column: 8,
      cells: [
        { text: 'G5', url: '#gid=1234&range=G5' },
        { text: 'A9', url: '#gid=1234&range=A9' },
        { text: 'Mở trang', url: '#gid=77' },
        { text: '', url: null },
      ],
    });
    // The same texts are the column's values, so the sheet reads right before the links are set.
    expect(block.rows.slice(1).map((r) => r[7].value)).toEqual(['G5', 'A9', 'Mở trang', '']);
    expect(block.rows.flat().some((c) => String(c.value).startsWith('='))).toBe(false);
  });

  it('has no links when there is no issue', () => {
    const block = issueSheet([], {});
    expect(block.links).toBeUndefined();
    expect(block.rows[1][0].value).toBe('Không có lỗi nào.');
  });
});
