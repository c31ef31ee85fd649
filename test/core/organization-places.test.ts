/** design.md: every bad cell named with its sheet, row and column — the superior's list of organizations too. */
import { consolidate, readDistrictWorkbook, type WorkbookData } from '../../core';

describe('the superior’s list of organizations names the column of each bad cell', () => {
  it('names Mã đơn vị, Xếp loại and Điểm by their letters', () => {
    const book: WorkbookData = {
      sheets: [
        {
          name: 'Thông tin',
          rows: [
            ['Mã tổ chức', 'XA9'],
            ['Năm', 2025],
          ],
        },
        {
          name: 'Tổ chức cơ sở',
          rows: [
            ['STT', 'Mã đơn vị', 'Tên tổ chức', 'Xếp loại', 'Điểm'],
            [1, 'CB1', 'Chi bộ 1', 'Hoàn thành xuất sắc nhiệm vụ', 85],
            [2, 'CB2', 'Chi bộ 2', '', 70],
            [3, '', 'Chi bộ 3', 'Hoàn thành tốt nhiệm vụ', 120],
            [4, 'CB4', 'Chi bộ 4', 'Hoàn thành tốt nhiệm vụ', 120],
          ],
        },
      ],
    };
    const { data, issues } = readDistrictWorkbook(book);
    const result = consolidate([], { year: 2025, district: data });
    const places = [...issues, ...result.errors]
      .filter((i) => i.code !== 'W_UNIT_MISSING')
      .map((i) => [i.code, i.row, i.column]);
    expect(places).toEqual(
      expect.arrayContaining([
        ['E_NO_RATING', 3, 'D'],
        ['E_INFO_INVALID', 4, 'B'],
        ['E_SCORE_MISMATCH', 2, 'E'],
        ['E_SCORE_INVALID', 5, 'E'],
      ]),
    );
  });
});
