/**
 * Rows of a member list that belong to the form: the column-number row under the header, total rows and the
 * signature block. Vietnamese forms keep them; design.md is silent, and an office expects them not to be read
 * as members (nor to stop a member from being read).
 */
import type { CellValue, WorkbookData } from '../../core';
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
});
