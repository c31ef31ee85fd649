/**
 * Every stable error and warning code: a row (or file) that triggers it, with its exact place, raw value and
 * Vietnamese message, and a near miss that must not trigger it.
 */
import {
  buildOrgTree,
  consolidate,
  ERROR_CODES,
  readDistrictWorkbook,
  readUnitWorkbook,
  WARNING_CODES,
  type CellValue,
  type Issue,
  type OrgNode,
  type UnitSummary,
  type WorkbookData,
} from '../../core';
import {
  analyzeOk,
  cellSheet,
  goodMember,
  issuesOf,
  memberGrid,
  MEMBER_HEADER,
  unitWorkbook,
  VIETNAMESE_MESSAGE,
  type MemberCells,
} from './workbooks';

interface CodeCase {
  code: string;
  trigger: () => Issue[];
  nearMiss: () => Issue[];
  place: Pick<Issue, 'sheet' | 'row' | 'column' | 'value'>;
  message: RegExp;
  /** Other codes the trigger may legitimately bring along (e.g. a missing year after an unreadable one). */
  alongWith?: string[];
}

const FIRST = goodMember('Trần Văn An');
/** Five well-rated members first, so one `excellent` stays within the quota. */
const PREFIX = ['Trần Văn An', 'Phạm Thị Cúc', 'Hoàng Văn Dũng', 'Vũ Thị Giang', 'Đỗ Văn Hải'].map((n) =>
  goodMember(n),
);
const TESTED_ROW = 10;

/** A unit whose sixth member (sheet row 10: three title rows, the header, five members) is the row under test. */
function rowCase(
  code: string,
  tested: MemberCells,
  near: MemberCells,
  place: { column: string; value: CellValue },
  message: RegExp,
  year = 2023,
): CodeCase {
  return {
    code,
    trigger: () => issuesOf({ year, members: [...PREFIX, tested] }),
    nearMiss: () => issuesOf({ year, members: [...PREFIX, near] }),
    place: {
      sheet: 'Đảng viên',
      row: TESTED_ROW,
      column: place.column,
      value: place.value as Issue['value'],
    },
    message,
  };
}

function summaryOf(code: string, year = 2023, members: MemberCells[] = [FIRST]): UnitSummary {
  return analyzeOk(unitWorkbook({ code, year, members })).summary;
}

function districtBook(codes: string[]): WorkbookData {
  return {
    sheets: [
      {
        name: 'Tổ chức cơ sở',
        rows: [
          ['XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2023'],
          ['Mã đơn vị', 'Tên tổ chức', 'Loại hình', 'Xếp loại'],
          ...codes.map((code) => [code, `Đảng bộ ${code}`, 'Đảng bộ cơ sở', 'Hoàn thành tốt nhiệm vụ']),
        ],
      },
    ],
  };
}

function consolidationIssues(summaries: UnitSummary[], district?: WorkbookData): Issue[] {
  const result = consolidate(summaries, {
    year: 2023,
    district: district ? readDistrictWorkbook(district).data : null,
  });
  return [...result.errors, ...result.warnings];
}

const org = (code: string, parent: string | null): OrgNode => ({ code, name: code, parent });

function treeIssues(nodes: OrgNode[]): Issue[] {
  return buildOrgTree(nodes).issues;
}

function targetSheet(plan: CellValue): WorkbookData['sheets'][number] {
  return {
    name: 'Chỉ tiêu',
    rows: [
      ['Mã chỉ tiêu', 'Tên chỉ tiêu', 'Kế hoạch', 'Thực hiện'],
      ['KET_NAP_DANG_VIEN', 'Kết nạp đảng viên', plan, 12],
    ],
  };
}

function quotaMembers(excellent: number): MemberCells[] {
  return [
    ...Array.from({ length: 31 }, (_, i) => goodMember(`Đảng viên tốt ${i + 1}`)),
    ...Array.from({ length: excellent }, (_, i) => ({
      name: `Đảng viên xuất sắc ${i + 1}`,
      rating: 'HTXSNV',
    })),
  ];
}

const CASES: CodeCase[] = [
  {
    code: 'E_HEADER_MISSING',
    trigger: () => headerIssues('Đánh giá'),
    nearMiss: () => headerIssues('Mức xếp loại'),
    place: { sheet: 'Đảng viên', row: 4, column: null, value: null },
    message: /^Thiếu cột “Xếp loại” trong dòng tiêu đề của trang “Đảng viên”/,
  },
  rowCase(
    'E_NAME_MISSING',
    { rating: 'HTTNV' },
    { name: 'Lê Thị Bình', rating: 'HTTNV' },
    { column: 'B', value: null },
    /^Thiếu họ và tên đảng viên\.$/,
  ),
  rowCase(
    'E_NO_RATING',
    { name: 'Lê Thị Bình' },
    { name: 'Lê Thị Bình', reason: 'Chưa đánh giá', note: 'Nghỉ thai sản' },
    { column: 'G', value: null },
    /^Chưa có mức xếp loại, cũng chưa ghi lý do không xếp loại/,
  ),
  rowCase(
    'E_RATING_AND_REASON',
    { name: 'Lê Thị Bình', rating: 'HTT NV', reason: 'Miễn sinh hoạt' },
    { name: 'Lê Thị Bình', rating: 'Miễn sinh hoạt' },
    { column: 'H', value: 'Miễn sinh hoạt' },
    /vừa có mức xếp loại vừa có lý do không xếp loại/,
  ),
  rowCase(
    'E_RATING_UNKNOWN',
    { name: 'Lê Thị Bình', rating: 'Hoàn thành khá nhiệm vụ' },
    { name: 'Lê Thị Bình', rating: 'HOÀN THÀNH TỐT NHIỆM VỤ' },
    { column: 'G', value: 'Hoàn thành khá nhiệm vụ' },
    /^Không nhận ra mức xếp loại “Hoàn thành khá nhiệm vụ”\. Có phải “Hoàn thành (tốt |xuất sắc )?nhiệm vụ”\?$/,
  ),
  rowCase(
    'E_REASON_UNKNOWN',
    { name: 'Lê Thị Bình', reason: 'Đi học dài hạn' },
    { name: 'Lê Thị Bình', reason: 'Đình chỉ sinh hoạt' },
    { column: 'H', value: 'Đi học dài hạn' },
    /^Không nhận ra lý do không xếp loại “Đi học dài hạn”\. Có phải “.+”\?$/,
  ),
  rowCase(
    'E_CELL_ERROR',
    { name: 'Lê Thị Bình', rating: '#N/A' },
    { name: 'Lê Thị Bình', rating: 'HTNV', note: '#1 theo danh sách cũ' },
    { column: 'G', value: '#N/A' },
    /^Ô chứa lỗi công thức #N\/A/,
  ),
  {
    code: 'E_DUPLICATE_CARD',
    trigger: () =>
      issuesOf({
        members: [{ ...FIRST, card: '79001234' }, goodMember('Lê Thị Bình', { card: '79.001.234' })],
      }),
    nearMiss: () =>
      issuesOf({
        members: [{ ...FIRST, card: '79001234' }, goodMember('Lê Thị Bình', { card: '79001235' })],
      }),
    place: { sheet: 'Đảng viên', row: 6, column: 'C', value: '79.001.234' },
    message: /^Số thẻ đảng viên 79\.001\.234 trùng với dòng 5\.$/,
  },
  rowCase(
    'E_DISCIPLINED_RATED_ABOVE',
    { name: 'Lê Thị Bình', disciplined: 'x', rating: 'Hoàn thành nhiệm vụ' },
    { name: 'Lê Thị Bình', disciplined: 'X', rating: 'KHTNV' },
    { column: 'G', value: 'Hoàn thành nhiệm vụ' },
    /^Đảng viên bị thi hành kỷ luật trong năm thì xếp loại “Không hoàn thành nhiệm vụ” \(một vi phạm chỉ tính một lần khi xếp loại\), trừ trường hợp tự phát hiện và khắc phục xong hậu quả\.$/,
  ),
  rowCase(
    'E_SICK_LEAVE_RATED_ABOVE',
    { name: 'Lê Thị Bình', sickLeave: 'Có', rating: 'HTXSNV' },
    { name: 'Lê Thị Bình', sickLeave: 'có', rating: 'HTNV' },
    { column: 'G', value: 'HTXSNV' },
    /^Đảng viên nghỉ ốm từ 03 tháng trở lên trong năm thì không xếp loại ở mức “Hoàn thành tốt nhiệm vụ” trở lên\.$/,
  ),
  rowCase(
    'E_NEW_MEMBER_RATED',
    { name: 'Lê Thị Bình', admittedOn: '01/07/2023', rating: 'HTNV' },
    { name: 'Lê Thị Bình', admittedOn: '30/06/2023', rating: 'HTNV' },
    { column: 'G', value: 'HTNV' },
    /^Kết nạp ngày 01\/07\/2023, chưa đủ 6 tháng đến ngày đánh giá 31\/12\/2023: không xếp loại, ghi lý do “Mới kết nạp chưa đủ 06 tháng”\.$/,
  ),
  rowCase(
    'E_SCORE_INVALID',
    { name: 'Lê Thị Bình', score: 101, rating: 'HTXSNV' },
    { name: 'Lê Thị Bình', score: 100, rating: 'HTXSNV' },
    { column: 'I', value: 101 },
    /^Điểm 101 nằm ngoài thang 0–100\.$/,
    2025,
  ),
  rowCase(
    'E_SCORE_MISMATCH',
    { name: 'Lê Thị Bình', score: '89,5', rating: 'HTXSNV' },
    { name: 'Lê Thị Bình', score: 90, rating: 'HTXSNV' },
    { column: 'I', value: '89,5' },
    /^Điểm 89,5 ứng với mức “Hoàn thành tốt nhiệm vụ” \(QĐ 366 \/ HD 43\), nhưng dòng này xếp loại “Hoàn thành xuất sắc nhiệm vụ”: không được xếp loại cao hơn mức ứng với điểm\.$/,
    2025,
  ),
  rowCase(
    'E_DATE_INVALID',
    { name: 'Lê Thị Bình', admittedOn: '31/02/2020', rating: 'HTNV' },
    { name: 'Lê Thị Bình', admittedOn: '29/02/2020', rating: 'HTNV' },
    { column: 'F', value: '31/02/2020' },
    /^Ngày “31\/02\/2020” không đọc được/,
  ),
  rowCase(
    'E_FLAG_INVALID',
    { name: 'Lê Thị Bình', disciplined: 'hình như có', rating: 'KHTNV' },
    { name: 'Lê Thị Bình', disciplined: 'Có', rating: 'KHTNV' },
    { column: 'J', value: 'hình như có' },
    /^Giá trị “hình như có” không rõ: đánh “x”/,
  ),
  {
    code: 'E_NUMBER_INVALID',
    trigger: () => issuesOf({ members: [FIRST], extraSheets: [targetSheet('khoảng 10')] }),
    nearMiss: () => issuesOf({ members: [FIRST], extraSheets: [targetSheet('10')] }),
    place: { sheet: 'Chỉ tiêu', row: 2, column: 'C', value: 'khoảng 10' },
    message: /^“khoảng 10” không phải là một số\.$/,
  },
  {
    code: 'E_INFO_INVALID',
    trigger: () => issuesOf({ year: 'năm nay' as unknown as number, members: [FIRST] }),
    nearMiss: () => issuesOf({ year: '2023' as unknown as number, members: [FIRST] }),
    place: { sheet: 'Thông tin', row: 5, column: null, value: 'năm nay' },
    message: /^Năm đánh giá “năm nay” không hợp lệ/,
    alongWith: ['W_INFO_MISSING'],
  },
  {
    code: 'E_UNIT_DUPLICATE',
    trigger: () => consolidationIssues([summaryOf('XA01'), summaryOf('XA01')]),
    nearMiss: () => consolidationIssues([summaryOf('XA01'), summaryOf('XA02')]),
    place: { sheet: 'Thông tin', row: null, column: null, value: 'XA01' },
    message: /^Mã đơn vị XA01 có hai báo cáo: chỉ tổng hợp báo cáo đầu tiên\.$/,
  },
  {
    code: 'E_YEAR_MISMATCH',
    trigger: () => consolidationIssues([summaryOf('XA01'), summaryOf('XA02', 2022)]),
    nearMiss: () => consolidationIssues([summaryOf('XA01'), summaryOf('XA02', 2023)]),
    place: { sheet: 'Thông tin', row: null, column: null, value: 'XA02' },
    message: /^Báo cáo của đơn vị XA02 là năm 2022, không phải năm 2023/,
  },
  {
    code: 'E_NO_MEMBERS',
    trigger: () => issuesOf({ members: [] }),
    nearMiss: () => issuesOf({ members: [FIRST] }),
    place: { sheet: 'Đảng viên', row: null, column: null, value: null },
    message: /^Trang “Đảng viên” chưa có dòng đảng viên nào: không có số liệu để tính, gửi hay tổng hợp\.$/,
  },
  {
    code: 'E_PERIOD_MISMATCH',
    trigger: () => consolidationIssues([summaryOf('XA01'), { ...summaryOf('XA02'), quarter: 2 }]),
    nearMiss: () =>
      consolidationIssues([
        { ...summaryOf('XA01'), quarter: 2 },
        { ...summaryOf('XA02'), quarter: 2 },
      ]),
    place: { sheet: 'Thông tin', row: null, column: null, value: 'XA02' },
    message:
      /^Báo cáo của đơn vị XA02 là báo cáo quý 2 năm 2023, không phải năm 2023: báo cáo quý được giữ riêng/,
  },
  {
    code: 'W_QUOTA_EXCEEDED',
    trigger: () => issuesOf({ members: quotaMembers(7) }),
    nearMiss: () => issuesOf({ members: quotaMembers(6) }),
    place: { sheet: 'Đảng viên', row: null, column: null, value: 7 },
    message:
      /^Có 7 đảng viên hoàn thành xuất sắc nhiệm vụ, vượt tỷ lệ 20% của số đảng viên hoàn thành tốt nhiệm vụ \(31\): tối đa 6\.$/,
  },
  {
    code: 'W_DUPLICATE_NAME',
    trigger: () => issuesOf({ members: [goodMember('Nguyễn Văn Bình'), goodMember('NGUYỄN  văn bình')] }),
    nearMiss: () =>
      issuesOf({
        members: [
          goodMember('Nguyễn Văn Bình', { card: '79000001' }),
          goodMember('NGUYỄN  văn bình', { card: '79000002' }),
        ],
      }),
    place: { sheet: 'Đảng viên', row: 6, column: 'B', value: 'NGUYỄN  văn bình' },
    message: /^Họ tên “NGUYỄN văn bình” trùng với dòng 5: kiểm tra có nhập một người hai lần không\.$/,
  },
  {
    code: 'E_RATING_MULTIPLE',
    trigger: () => perLevelIssues(['Lê Thị Bình', '', 'x', 'x', '']),
    nearMiss: () => perLevelIssues(['Lê Thị Bình', '', 'x', '', '']),
    place: { sheet: 'Đảng viên', row: 4, column: 'C', value: 'x' },
    message:
      /^Đánh dấu nhiều cột cùng lúc: HTTNV \(cột C\), HTNV \(cột D\)\. Mỗi đảng viên chỉ đánh dấu một cột\.$/,
  },
  rowCase(
    'E_SCORE_PARTS',
    { name: 'Lê Thị Bình', rating: 'HTTNV', score: 85, scoreGeneral: 25, scoreTasks: 58 },
    { name: 'Lê Thị Bình', rating: 'HTTNV', score: 83, scoreGeneral: 25, scoreTasks: 58 },
    { column: 'I', value: 85 },
    /^Điểm 85 không bằng tổng hai phần: 25 \(tiêu chí chung\) \+ 58 \(kết quả thực hiện nhiệm vụ\) = 83\.$/,
    2025,
  ),
  rowCase(
    'E_NEW_MEMBER_REASON_STALE',
    { name: 'Lê Thị Bình', reason: 'Mới kết nạp', admittedOn: '30/06/2023' },
    { name: 'Lê Thị Bình', reason: 'Mới kết nạp', admittedOn: '01/07/2023' },
    { column: 'H', value: 'Mới kết nạp' },
    /^Kết nạp ngày 30\/06\/2023, đã đủ 6 tháng đến ngày đánh giá 31\/12\/2023: không còn là “Mới kết nạp chưa đủ 06 tháng”, phải đánh giá, xếp loại\.$/,
  ),
  {
    code: 'E_NEW_CELL_RATED',
    trigger: () => cellIssues(['Chi bộ thôn Mới', 'HTTNV', '01/07/2023', '', '', '', '', '']),
    nearMiss: () => cellIssues(['Chi bộ thôn Mới', 'HTTNV', '30/06/2023', '', '', '', '', '']),
    place: { sheet: 'Chi bộ', row: 3, column: 'B', value: 'HTTNV' },
    message:
      /^Chi bộ “Chi bộ thôn Mới” thành lập ngày 01\/07\/2023, chưa đủ 6 tháng đến ngày đánh giá 31\/12\/2023: không xếp loại, ghi lý do “Mới thành lập \(dưới 6 tháng\)”\.$/,
  },
  {
    code: 'E_NEW_CELL_REASON_STALE',
    trigger: () => cellIssues(['Chi bộ thôn Mới', '', '30/06/2023', 'Mới thành lập', '', '', '', '']),
    nearMiss: () => cellIssues(['Chi bộ thôn Mới', '', '01/07/2023', 'Mới thành lập', '', '', '', '']),
    place: { sheet: 'Chi bộ', row: 3, column: 'D', value: 'Mới thành lập' },
    message:
      /^Chi bộ “Chi bộ thôn Mới” thành lập ngày 30\/06\/2023, đã đủ 6 tháng .*: phải đánh giá, xếp loại\.$/,
  },
  rowCase(
    'W_RATING_BELOW_SCORE',
    { name: 'Lê Thị Bình', rating: 'HTTNV', score: 92 },
    { name: 'Lê Thị Bình', rating: 'HTTNV', score: 92, note: 'Chưa đạt 30% chỉ tiêu vượt kế hoạch' },
    { column: 'I', value: 92 },
    /^Điểm 92 ứng với mức “Hoàn thành xuất sắc nhiệm vụ” \(QĐ 366 \/ HD 43\) nhưng xếp loại “Hoàn thành tốt nhiệm vụ”: được xếp thấp hơn, nhưng cần ghi lý do ở cột “Ghi chú”\.$/,
    2025,
  ),
  rowCase(
    'W_DISCIPLINE_EXCEPTION',
    { name: 'Lê Thị Bình', disciplined: 'x', selfCorrected: 'x', note: 'Đã nộp lại tiền', rating: 'HTNV' },
    { name: 'Lê Thị Bình', disciplined: 'x', selfCorrected: 'x', note: 'Đã nộp lại tiền', rating: 'KHTNV' },
    { column: 'G', value: 'HTNV' },
    /^Đảng viên bị kỷ luật trong năm được xếp loại “Hoàn thành nhiệm vụ” theo trường hợp ngoại lệ “tự phát hiện và khắc phục xong hậu quả” \(ghi chú: “Đã nộp lại tiền”\)/,
  ),
  rowCase(
    'W_PENDING_NO_NOTE',
    { name: 'Lê Thị Bình', reason: 'Chưa đánh giá' },
    { name: 'Lê Thị Bình', reason: 'Chưa đánh giá', note: 'Đi học dài hạn' },
    { column: 'H', value: 'Chưa đánh giá' },
    /^Đảng viên “Chưa đánh giá”: ghi lý do ở cột “Ghi chú”/,
  ),
  rowCase(
    'W_LABEL_NORMALIZED',
    { name: 'Lê Thị Bình', rating: 'Hoàn thành tôt nhiệm vụ' },
    { name: 'Lê Thị Bình', rating: 'hoàn thành TỐT nhiệm vụ' },
    { column: 'G', value: 'Hoàn thành tôt nhiệm vụ' },
    /^“Hoàn thành tôt nhiệm vụ” được hiểu là “Hoàn thành tốt nhiệm vụ”: nên sửa lại cho đúng chữ\.$/,
  ),
  {
    code: 'W_EXCELLENT_WEAK_CELLS',
    trigger: () => weakCellIssues('KHTNV'),
    nearMiss: () => weakCellIssues('HTNV'),
    place: { sheet: 'Tổ chức cơ sở', row: 3, column: null, value: 'XA01' },
    message:
      /^Đảng bộ XA01 \(XA01\) được xếp loại “Hoàn thành xuất sắc nhiệm vụ” nhưng có chi bộ không hoàn thành nhiệm vụ: “Chi bộ thôn 2”: xem lại mức xếp loại\.$/,
  },
  {
    code: 'W_INFO_MISSING',
    trigger: () => memberSheetOnlyIssues({}),
    nearMiss: () => memberSheetOnlyIssues({ unitCode: 'xa01', year: 2023 }),
    place: { sheet: 'Thông tin', row: null, column: null, value: null },
    message: /^Chưa ghi (năm đánh giá|mã đơn vị)/,
  },
  {
    code: 'E_ORG_DUPLICATE',
    trigger: () => treeIssues([org('XA01', 'TINH'), org('XA01', 'TINH')]),
    nearMiss: () => treeIssues([org('XA01', 'TINH'), org('XA02', 'TINH')]),
    place: { sheet: 'Tổ chức cơ sở', row: null, column: null, value: 'XA01' },
    message: /^Mã tổ chức XA01 có mặt hai lần trong cây tổ chức: chỉ dùng lần đầu\.$/,
  },
  {
    code: 'E_ORG_CYCLE',
    trigger: () => treeIssues([org('XA01', 'XA02'), org('XA02', 'XA01')]),
    nearMiss: () => treeIssues([org('XA01', 'XA02'), org('XA02', null)]),
    place: { sheet: 'Tổ chức cơ sở', row: null, column: null, value: 'XA01' },
    message: /^Tổ chức XA01 vừa là cấp trên vừa là cấp dưới của XA02: bỏ liên kết cấp trên này\.$/,
  },
  {
    code: 'W_UNIT_MISSING',
    trigger: () => consolidationIssues([summaryOf('XA01')], districtBook(['XA01', 'XA02'])),
    nearMiss: () =>
      consolidationIssues([summaryOf('XA01'), summaryOf('XA02')], districtBook(['XA01', 'XA02'])),
    place: { sheet: 'Tổ chức cơ sở', row: 4, column: null, value: 'XA02' },
    message: /^Chưa có báo cáo của Đảng bộ XA02 \(XA02\)\.$/,
  },
  {
    code: 'W_UNIT_UNKNOWN',
    trigger: () => consolidationIssues([summaryOf('XA01'), summaryOf('XA03')], districtBook(['XA01'])),
    nearMiss: () => consolidationIssues([summaryOf('XA01')], districtBook(['XA01'])),
    place: { sheet: 'Tổ chức cơ sở', row: null, column: null, value: 'XA03' },
    message: /^Đơn vị XA03 không có trong danh sách tổ chức cơ sở đảng\.$/,
  },
  {
    code: 'W_CHANGE_UNAVAILABLE',
    // Last year is another organization's; XA02 has no figures there and nothing says what it was formed from.
    trigger: () => changeIssues([summaryOf('XA01'), summaryOf('XA02')]),
    nearMiss: () => changeIssues([summaryOf('XA01')]),
    place: { sheet: 'Tổ chức cơ sở', row: null, column: null, value: 'XA' },
    message: /^Không so sánh được Đảng ủy xã XA \(XA\) với năm trước: .* không rõ XA02 được hình thành/,
  },
];

/** A commune XA consolidated against last year's figures of the district HU, which had XA01 and OLD1. */
function changeIssues(summaries: UnitSummary[]): Issue[] {
  const previous = consolidate([summaryOf('XA01', 2022), summaryOf('OLD1', 2022)], {
    year: 2022,
    organization: { code: 'HU', name: 'Huyện ủy' },
  });
  const result = consolidate(summaries, {
    year: 2023,
    organization: { code: 'XA', name: 'Đảng ủy xã XA' },
    previous,
  });
  return [...result.errors, ...result.warnings];
}

/** The one-column-per-level form under a merged “Kết quả xếp loại” row; the row under test is row 4. */
function perLevelIssues(tested: CellValue[]): Issue[] {
  const rows: CellValue[][] = [
    ['Họ và tên', 'Kết quả xếp loại', '', '', ''],
    ['', 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'],
    ['Trần Văn An', '', 'x', '', ''],
    tested,
  ];
  const workbook = unitWorkbook({ members: [] });
  workbook.sheets[1] = { name: 'Đảng viên', rows };
  const { summary } = analyzeOk(workbook);
  return [...summary.errors, ...summary.warnings];
}

/** A đảng bộ whose `Chi bộ` sheet has one good cell (row 2) and the cell under test (row 3). */
function cellIssues(tested: CellValue[]): Issue[] {
  return issuesOf({
    members: [FIRST],
    extraSheets: [cellSheet([['Chi bộ thôn 1', 'HTTNV', '', '', '', '', '', ''], tested])],
  });
}

/** XA01 rated excellent by the superior level, with one cell rated `rating`. */
function weakCellIssues(rating: string): Issue[] {
  const { summary } = analyzeOk(
    unitWorkbook({
      code: 'XA01',
      members: [FIRST],
      extraSheets: [
        cellSheet([
          ['Chi bộ thôn 1', 'HTTNV'],
          ['Chi bộ thôn 2', rating],
        ]),
      ],
    }),
  );
  // Five good organizations beside it keep the one excellent within the quota.
  const others = ['XA02', 'XA03', 'XA04', 'XA05', 'XA06'];
  const district = districtBook(['XA01', ...others]);
  district.sheets[0].rows[2][3] = 'Hoàn thành xuất sắc nhiệm vụ';
  return consolidationIssues([summary, ...others.map((code) => summaryOf(code))], district);
}

function headerIssues(ratingHeader: string): Issue[] {
  const header = MEMBER_HEADER.map((h) => (h === 'Xếp loại' ? ratingHeader : h));
  const workbook = unitWorkbook({ members: [] });
  workbook.sheets[1] = { name: 'Đảng viên', rows: memberGrid([FIRST], header) };
  const { summary } = analyzeOk(workbook);
  return [...summary.errors, ...summary.warnings];
}

function memberSheetOnlyIssues(options: { unitCode?: string; year?: number }): Issue[] {
  const { summary } = analyzeOk({ sheets: [{ name: 'Sheet1', rows: memberGrid([FIRST]) }] }, options);
  return [...summary.errors, ...summary.warnings];
}

describe('every stable issue code', () => {
  test('has a case here (E_NO_MEMBER_SHEET is tested below: it is a result, not an Issue)', () => {
    const covered = new Set([...CASES.map((c) => c.code), 'E_NO_MEMBER_SHEET']);
    expect([...ERROR_CODES, ...WARNING_CODES].filter((code) => !covered.has(code))).toEqual([]);
  });

  describe.each(CASES.map((c) => [c.code, c] as const))('%s', (code, c) => {
    test('is raised with its sheet, row, column, raw value and a Vietnamese message', () => {
      const found = c.trigger();
      const mine = found.filter((i) => i.code === code);
      expect(mine.length).toBeGreaterThanOrEqual(1);
      expect(mine[0]).toMatchObject({ code, ...c.place });
      expect(mine[0].message).toMatch(c.message);
      for (const one of mine) expect(one.message).toMatch(VIETNAMESE_MESSAGE);
      const others = found.filter((i) => i.code !== code && !(c.alongWith ?? []).includes(i.code));
      expect(others).toEqual([]);
    });

    test('is not raised by the near miss', () => {
      expect(c.nearMiss()).toEqual([]);
    });
  });

  describe('E_NO_MEMBER_SHEET', () => {
    const info = { name: 'Thông tin', rows: [['Mã đơn vị', 'XA01']] };
    test('a workbook with no member sheet cannot be read', () => {
      const result = readUnitWorkbook({
        sheets: [info, { name: 'Sheet1', rows: [['Ghi chú'], ['không có gì']] }],
      });
      expect(result).toEqual({
        ok: false,
        code: 'E_NO_MEMBER_SHEET',
        message: expect.stringMatching(VIETNAMESE_MESSAGE),
      });
      if (!result.ok) expect(result.message).toMatch(/Không tìm thấy trang “Đảng viên”/);
    });
    test('near miss: a "Sheet1" with a name + rating header is the member sheet', () => {
      const result = readUnitWorkbook({ sheets: [info, { name: 'Sheet1', rows: memberGrid([FIRST]) }] });
      expect(result.ok).toBe(true);
    });
  });
});
