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

  it('reads numbered rows under a header, and the keys forms write in other words', () => {
    const { info, issues } = read([
      ['STT', 'Nội dung', 'Giá trị'],
      [1, 'Mã đơn vị', 'CB01'],
      ['2.', 'Tên tổ chức cơ sở đảng', 'Chi bộ thôn Đông'],
      ['III', 'Năm đánh giá', 2024],
      ['a)', 'Loại hình tổ chức', 'Chi bộ cơ sở'],
    ]);
    expect(issues).toEqual([]);
    expect(info).toMatchObject({ code: 'CB01', name: 'Chi bộ thôn Đông', year: 2024, kind: 'Chi bộ cơ sở' });
  });

  it('reads keys laid out across a row with their values in the row below', () => {
    const { info, issues } = read([
      ['THÔNG TIN ĐƠN VỊ'],
      ['Mã đơn vị', 'Tên đơn vị', 'Năm'],
      ['cb02', 'Chi bộ thôn Tây', 2023],
    ]);
    expect(issues).toEqual([]);
    expect(info).toMatchObject({ code: 'CB02', name: 'Chi bộ thôn Tây', year: 2023 });
    expect(info.rows).toEqual({ code: 3, name: 3, year: 3 });
  });

  it('refuses a year that is not one, naming its row', () => {
    const { info, issues } = read([['Năm', '23/24']]);
    expect(info.year).toBeNull();
    expect(issues).toEqual([
      expect.objectContaining({ code: 'E_INFO_INVALID', sheet: 'Thông tin', row: 1, value: '23/24' }),
    ]);
  });
});
