/**
 * Rows of a member list that belong to the form: the column-number row under the header, total rows and the
 * signature block. Vietnamese forms keep them; design.md is silent, and an office expects them not to be read
 * as members (nor to stop a member from being read).
 */
import { readDistrictWorkbook, type CellValue, type WorkbookData } from '../../core';
import { analyzeOk } from './workbooks';

const INFO = {
  name: 'Thông tin',
  rows: [
    ['Mã đơn vị', 'CB01'],
    ['Năm', 2023],
  ],
};
const book = (rows: CellValue[][]): WorkbookData => ({ sheets: [INFO, { name: 'Trang tính1', rows }] });
const TITLE: CellValue[][] = [['ĐẢNG BỘ XÃ THỬ'], ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2023'], []];
const HEADER = ['STT', 'Họ và tên', 'Chức vụ', 'Xếp loại', 'Lý do không xếp loại', 'Ghi chú'];
const codes = (rows: CellValue[][]) => {
  const { read, summary } = analyzeOk(book(rows));
  return {
    names: read.report.members.map((m) => m.name),
    issues: [...summary.errors, ...summary.warnings].map((i) => [i.code, i.row]),
  };
};

describe('rows of the form around a member list', () => {
  it('skips the column-number row, a total row and the signature block with its signers’ names', () => {
    const found = codes([
      ...TITLE,
      HEADER,
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
      [1, 'Lê Văn An', 'Bí thư chi bộ', 'Hoàn thành tốt nhiệm vụ', '', ''],
      [2, 'Tống Văn Cộng', '', 'Hoàn thành tốt nhiệm vụ', '', ''],
      [3, 'Công Tằng Tôn Nữ Hà', '', 'Hoàn thành nhiệm vụ', '', ''],
      [4, 'Trần Thị Bình', '', '', 'Chưa đánh giá', 'Ốm dài ngày'],
      ['', 'Cộng: 4 đảng viên', '', '', '', ''],
      [],
      ['', '', '', 'Xã Thử, ngày 20 tháng 12 năm 2023', '', ''],
      ['', 'Người lập biểu', '', 'T/M CHI ỦY', '', ''],
      ['', '', '', 'BÍ THƯ', '', ''],
      ['', '(Ký, ghi rõ họ tên)', '', '(Ký, ghi rõ họ tên)', '', ''],
      ['', 'Phạm Văn Lập', '', 'Lê Văn An', '', ''],
    ]);
    expect(found).toEqual({
      names: ['Lê Văn An', 'Tống Văn Cộng', 'Công Tằng Tôn Nữ Hà', 'Trần Thị Bình'],
      issues: [],
    });
  });

  it('still reads an unrated member above the signature block', () => {
    const found = codes([
      ...TITLE,
      HEADER,
      [1, 'Lê Văn An', '', 'Hoàn thành tốt nhiệm vụ', '', ''],
      [2, 'Trần Thị Bình', '', '', '', ''],
      ['', '', '', 'ngày … tháng … năm 2023', '', ''],
      ['', 'Người lập biểu', '', 'Bí thư', '', ''],
    ]);
    expect(found.names).toEqual(['Lê Văn An', 'Trần Thị Bình']);
    expect(found.issues).toEqual([['E_NO_RATING', 6]]);
  });

  it('never drops a member: a rated name that starts like a total, an unrated one with a date in its note', () => {
    const found = codes([
      ...TITLE,
      ['Họ và tên', 'Xếp loại', 'Lý do không xếp loại', 'Ghi chú'],
      ['Tổng Thị Hoa', 'Hoàn thành tốt nhiệm vụ', '', ''],
      ['Lê Văn An', 'Hoàn thành tốt nhiệm vụ', '', ''],
      ['Trần Thị Bình', '', '', 'Chuyển sinh hoạt đến ngày 5 tháng 3 năm 2023'],
      ['Phạm Văn Cường', '', '', ''],
      ['Tổng số: 4 đảng viên', '', '', ''],
      ['Xã Thử, ngày 20 tháng 12 năm 2023', '', '', ''],
      ['Người lập biểu', '', '', ''],
      ['Phạm Văn Lập', '', '', ''],
    ]);
    expect(found.names).toEqual(['Tổng Thị Hoa', 'Lê Văn An', 'Trần Thị Bình', 'Phạm Văn Cường']);
    expect(found.issues).toEqual([
      ['E_NO_RATING', 7],
      ['E_NO_RATING', 8],
    ]);
  });

  it('reads the one-column-per-level form’s total row as no member, whatever counts it holds', () => {
    const found = codes([
      ...TITLE,
      ['STT', 'Họ và tên', 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'],
      ['A', 'B', '1', '2', '3', '4'],
      [1, 'Lê Văn An', '', 'x', '', ''],
      [2, 'Trần Thị Bình', '', 'x', '', ''],
      ['Tổng cộng', '', 0, 2, 0, 1],
    ]);
    expect(found).toEqual({ names: ['Lê Văn An', 'Trần Thị Bình'], issues: [] });
  });

  it('skips the section rows of a list grouped by cell, and still reports an unrated member', () => {
    const found = codes([
      ...TITLE,
      HEADER,
      ['I', 'CHI BỘ THÔN ĐÔNG', '', '', '', ''],
      [1, 'Lê Văn An', '', 'Hoàn thành tốt nhiệm vụ', '', ''],
      [2, 'Trần Thị Bình', '', '', '', ''],
      ['II.', 'Chi bộ thôn Tây', '', '', '', ''],
      [3, 'Phạm Văn Cường', '', 'Hoàn thành nhiệm vụ', '', ''],
      ['', 'Chi bộ Trường THCS', '', '', '', ''],
      [4, 'Đỗ Thị Dung', '', 'Hoàn thành tốt nhiệm vụ', '', ''],
      ['', 'Chi bộ', '', '', '', 'không phải tiêu đề nhóm'],
    ]);
    expect(found.names).toEqual(['Lê Văn An', 'Trần Thị Bình', 'Phạm Văn Cường', 'Đỗ Thị Dung', 'Chi bộ']);
    expect(found.issues).toEqual([
      ['E_NO_RATING', 7],
      ['E_NO_RATING', 12],
    ]);
  });

  it('skips them in the other tables too: Chi bộ, Chỉ tiêu, Tổ chức cơ sở and Giao chỉ tiêu', () => {
    const { read, summary } = analyzeOk({
      sheets: [
        INFO,
        { name: 'Đảng viên', rows: [HEADER, [1, 'Lê Văn An', '', 'Hoàn thành tốt nhiệm vụ', '', '']] },
        {
          name: 'Chi bộ',
          rows: [
            ['STT', 'Tên chi bộ', 'Xếp loại'],
            ['1', '2', '3'],
            [1, 'Chi bộ thôn Đông', 'Hoàn thành tốt nhiệm vụ'],
            ['', 'Cộng', 1],
          ],
        },
        {
          name: 'Chỉ tiêu',
          rows: [
            ['Mã chỉ tiêu', 'Tên chỉ tiêu', 'Kế hoạch', 'Thực hiện'],
            ['(1)', '(2)', '(3)', '(4)'],
            ['KET_NAP_DANG_VIEN', 'Kết nạp đảng viên', 2, 3],
            ['', '', 'Người lập biểu', ''],
            ['', '', 'Phạm Văn Lập', ''],
          ],
        },
      ],
    });
    expect(read.report.cells?.map((c) => c.name)).toEqual(['Chi bộ thôn Đông']);
    expect(read.report.targets?.map((t) => t.code)).toEqual(['KET_NAP_DANG_VIEN']);
    expect([...summary.errors, ...summary.warnings]).toEqual([]);

    const superior = readDistrictWorkbook({
      sheets: [
        {
          name: 'Thông tin',
          rows: [
            ['Mã tổ chức', 'XA1'],
            ['Năm', 2025],
          ],
        },
        {
          name: 'Tổ chức cơ sở',
          rows: [
            ['STT', 'Mã đơn vị', 'Tên tổ chức', 'Xếp loại'],
            ['1', '2', '3', '4'],
            [1, 'CB1', 'Chi bộ 1', 'Hoàn thành tốt nhiệm vụ'],
            [2, 'CB2', 'Chi bộ 2', ''],
            ['', 'Tổng cộng', '', '1'],
            [],
            ['', '', '', 'T/M ĐẢNG ỦY'],
            ['', '', '', 'BÍ THƯ'],
          ],
        },
        {
          name: 'Giao chỉ tiêu',
          rows: [
            ['Mã đơn vị', 'Mã chỉ tiêu', 'Kế hoạch'],
            ['A', 'B', 'C'],
            ['CB1', 'KET_NAP_DANG_VIEN', 2],
          ],
        },
      ],
    });
    expect(superior.data.organizations.map((o) => o.code)).toEqual(['CB1', 'CB2']);
    expect(superior.data.assignedTargets.map((t) => t.unit)).toEqual(['CB1']);
    // The unrated organization above the signature block is still read, and reported.
    expect(superior.issues.map((i) => [i.code, i.row])).toEqual([['E_NO_RATING', 4]]);
  });
});
