import type { ColumnSpec } from './headers';

/** Sheet names and columns of design.md §3; canonical header first, accepted synonyms after. */
export const SHEET_NAMES = {
  info: 'Thông tin',
  members: 'Đảng viên',
  cells: 'Chi bộ',
  targets: 'Chỉ tiêu',
  organizations: 'Tổ chức cơ sở',
  assignedTargets: 'Giao chỉ tiêu',
} as const;

export type MemberColumn =
  | 'index'
  | 'name'
  | 'card'
  | 'birthDate'
  | 'cell'
  | 'admittedOn'
  | 'rating'
  | 'reason'
  | 'score'
  | 'disciplined'
  | 'sickLeave'
  | 'groups'
  | 'note'
  | 'probationary'
  | 'memberType'
  | 'selfCorrected'
  | 'scoreGeneral'
  | 'scoreTasks';

export const MEMBER_COLUMNS: ColumnSpec<MemberColumn>[] = [
  { key: 'index', header: 'STT', synonyms: ['Số thứ tự', 'TT'] },
  {
    key: 'name',
    header: 'Họ và tên',
    synonyms: ['Họ tên', 'Tên đảng viên', 'Họ và tên đảng viên'],
    required: true,
  },
  { key: 'card', header: 'Số thẻ đảng viên', synonyms: ['Số thẻ', 'Mã đảng viên', 'Số thẻ đảng'] },
  { key: 'birthDate', header: 'Ngày sinh', synonyms: ['Sinh ngày'] },
  { key: 'cell', header: 'Chi bộ', synonyms: ['Chi bộ sinh hoạt'] },
  { key: 'admittedOn', header: 'Ngày vào Đảng', synonyms: ['Ngày kết nạp', 'Ngày vào đảng'] },
  {
    key: 'rating',
    header: 'Xếp loại',
    synonyms: ['Kết quả xếp loại', 'Mức xếp loại', 'Mức xếp loại chất lượng'],
    required: true,
  },
  {
    key: 'reason',
    header: 'Lý do không xếp loại',
    synonyms: ['Không xếp loại', 'Tình trạng', 'Lí do không xếp loại'],
  },
  { key: 'score', header: 'Điểm', synonyms: ['Điểm đánh giá', 'Tổng điểm'] },
  { key: 'disciplined', header: 'Kỷ luật trong năm', synonyms: ['Kỷ luật', 'Bị kỷ luật'] },
  { key: 'sickLeave', header: 'Nghỉ ốm từ 3 tháng', synonyms: ['Nghỉ ốm', 'Nghỉ ốm từ 3 tháng trở lên'] },
  { key: 'groups', header: 'Nhóm', synonyms: ['Nhóm đối tượng', 'Diện'] },
  { key: 'note', header: 'Ghi chú', synonyms: [] },
  { key: 'probationary', header: 'Đảng viên dự bị', synonyms: ['Dự bị', 'ĐV dự bị'] },
  {
    key: 'memberType',
    header: 'Loại đảng viên',
    synonyms: ['Chính thức/Dự bị', 'Đảng viên chính thức/dự bị', 'Chính thức, dự bị'],
    readOnly: true,
  },
  {
    key: 'selfCorrected',
    header: 'Tự phát hiện, khắc phục',
    synonyms: ['Tự phát hiện và khắc phục', 'Tự phát hiện, khắc phục xong hậu quả', 'Tự khắc phục'],
  },
  { key: 'scoreGeneral', header: 'Điểm tiêu chí chung', synonyms: ['Điểm chung', 'Tiêu chí chung'] },
  {
    key: 'scoreTasks',
    header: 'Điểm kết quả thực hiện nhiệm vụ',
    synonyms: ['Điểm thực hiện nhiệm vụ', 'Điểm nhiệm vụ', 'Kết quả thực hiện nhiệm vụ'],
  },
];

export type CellColumn =
  'name' | 'rating' | 'reason' | 'foundedOn' | 'disciplined' | 'selfCorrected' | 'score' | 'note';
export const CELL_COLUMNS: ColumnSpec<CellColumn>[] = [
  { key: 'name', header: 'Tên chi bộ', synonyms: ['Chi bộ', 'Tên chi bộ trực thuộc'], required: true },
  { key: 'rating', header: 'Xếp loại', synonyms: ['Kết quả xếp loại', 'Mức xếp loại'], required: true },
  { key: 'foundedOn', header: 'Ngày thành lập', synonyms: ['Ngày thành lập chi bộ', 'Thành lập ngày'] },
  {
    key: 'reason',
    header: 'Lý do không xếp loại',
    synonyms: ['Không xếp loại', 'Tình trạng', 'Lí do không xếp loại'],
  },
  { key: 'disciplined', header: 'Kỷ luật trong năm', synonyms: ['Kỷ luật', 'Bị kỷ luật'] },
  {
    key: 'selfCorrected',
    header: 'Tự phát hiện, khắc phục',
    synonyms: ['Tự phát hiện và khắc phục', 'Tự phát hiện, khắc phục xong hậu quả', 'Tự khắc phục'],
  },
  { key: 'score', header: 'Điểm', synonyms: ['Điểm đánh giá', 'Tổng điểm'] },
  { key: 'note', header: 'Ghi chú', synonyms: [] },
];

export type TargetColumn = 'code' | 'name' | 'target' | 'actual';
export const TARGET_COLUMNS: ColumnSpec<TargetColumn>[] = [
  { key: 'code', header: 'Mã chỉ tiêu', synonyms: ['Mã'], required: true },
  { key: 'name', header: 'Tên chỉ tiêu', synonyms: ['Chỉ tiêu', 'Nội dung'] },
  { key: 'target', header: 'Kế hoạch', synonyms: ['Chỉ tiêu giao', 'Chỉ tiêu được giao', 'KH'] },
  { key: 'actual', header: 'Thực hiện', synonyms: ['Kết quả', 'Kết quả thực hiện', 'TH'] },
];

export type OrganizationColumn =
  'code' | 'name' | 'kind' | 'group' | 'rating' | 'score' | 'mergedFrom' | 'note';
export const ORGANIZATION_COLUMNS: ColumnSpec<OrganizationColumn>[] = [
  { key: 'code', header: 'Mã đơn vị', synonyms: ['Mã tổ chức', 'Mã'], required: true },
  {
    key: 'name',
    header: 'Tên tổ chức',
    synonyms: ['Tên tổ chức cơ sở đảng', 'Tên đơn vị', 'Tổ chức cơ sở đảng'],
  },
  { key: 'kind', header: 'Loại hình', synonyms: ['Loại'] },
  { key: 'group', header: 'Khối', synonyms: ['Nhóm', 'Khối, nhóm', 'Nhóm tổ chức'] },
  { key: 'rating', header: 'Xếp loại', synonyms: ['Kết quả xếp loại', 'Mức xếp loại'], required: true },
  { key: 'score', header: 'Điểm', synonyms: ['Điểm đánh giá', 'Tổng điểm'] },
  { key: 'mergedFrom', header: 'Sáp nhập từ', synonyms: ['Hợp nhất từ', 'Mã đơn vị cũ', 'Sáp nhập'] },
  { key: 'note', header: 'Ghi chú', synonyms: [] },
];

export type AssignedTargetColumn = 'unit' | 'code' | 'name' | 'target';
export const ASSIGNED_TARGET_COLUMNS: ColumnSpec<AssignedTargetColumn>[] = [
  { key: 'unit', header: 'Mã đơn vị', synonyms: ['Đơn vị'], required: true },
  { key: 'code', header: 'Mã chỉ tiêu', synonyms: [], required: true },
  { key: 'name', header: 'Tên chỉ tiêu', synonyms: ['Chỉ tiêu'] },
  {
    key: 'target',
    header: 'Kế hoạch',
    synonyms: ['Chỉ tiêu giao', 'Chỉ tiêu được giao', 'KH'],
    required: true,
  },
];

export const INFO_KEYS = {
  code: 'Mã đơn vị',
  name: 'Tên đơn vị',
  year: 'Năm',
  kind: 'Loại hình',
  evaluationDate: 'Ngày đánh giá',
} as const;

/** An optional `Thông tin` row of a unit: "Năm" (the default) or "Quý 1"…"Quý 4" (design.md §2.5). */
export const PERIOD_KEY = 'Kỳ đánh giá';

/** An optional `Thông tin` row (unit or superior workbook) naming the rule set, e.g. "QĐ 366". */
export const RULE_SET_KEY = 'Quy định áp dụng';

/** The superior workbook's `Thông tin` rows that set the year (design.md §2.7). */
export const YEAR_SETTING_KEYS = {
  ruleSet: RULE_SET_KEY,
  quotaRatio: 'Tỷ lệ xuất sắc tối đa',
  quotaBase: 'Tỷ lệ tính trên',
  quotaByGroup: 'Tính tỷ lệ theo khối',
} as const;

/** The superior workbook's `Thông tin` (design.md §3). */
export const SUPERIOR_INFO_KEYS = {
  code: 'Mã tổ chức',
  name: 'Tên tổ chức',
  superior: 'Cấp trên',
  year: 'Năm',
  place: 'Địa danh',
} as const;

export const UNIT_KINDS = ['Đảng bộ cơ sở', 'Chi bộ cơ sở'] as const;
