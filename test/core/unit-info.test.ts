import { readUnitInfo, type Issue } from '../../core';

const read = (rows: (string | number | Date)[][]) => {
  const issues: Issue[] = [];
  const info = readUnitInfo({ sheets: [{ name: 'Thông tin', rows }] }, issues);
  return { info, issues };
};

describe('the Thông tin sheet', () => {
  it('reads keys written with a colon or a star, values a few cells to the right, and "Năm 2023"', () => {
    const { info, issues } = read([
      ['THÔNG TIN ĐƠN VỊ'],
      ['Mã đơn vị:', '', 'db07'],
      ['Tên đơn vị (*)', 'Đảng bộ xã Đông Sơn'],
      ['NĂM:', 'Năm 2023'],
      ['Loại hình', 'đảng bộ cơ sở'],
      ['Ngày đánh giá', '15/12/2023'],
    ]);
    expect(issues).toEqual([]);
    expect(info).toMatchObject({
      code: 'DB07',
      name: 'Đảng bộ xã Đông Sơn',
      year: 2023,
      kind: 'Đảng bộ cơ sở',
      evaluationDate: '2023-12-15',
    });
  });

  it('refuses a year that is not one, naming its row', () => {
    const { info, issues } = read([['Năm', '23/24']]);
    expect(info.year).toBeNull();
    expect(issues).toEqual([
      expect.objectContaining({ code: 'E_INFO_INVALID', sheet: 'Thông tin', row: 1, value: '23/24' }),
    ]);
  });
});
