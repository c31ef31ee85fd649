import ExcelJS from 'exceljs';
import {
  describePlace,
  NOT_RATED_REASONS,
  QUOTA_BASE_WORDS,
  quotaRatioText,
  RATING_LEVELS,
  ratingLabel,
  reasonLabel,
  type Consolidation,
  type Issue,
  type ShareChange,
  type Tally,
} from '../core';

const PERCENT = '0.00"%"';
const POINTS = '+0.00;-0.00;0.00';
const COUNT = '#,##0';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const ALERT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/** The consolidated report as a formatted workbook: numbers stay numbers, shown in the reader's locale. */
export function buildReportWorkbook(report: Consolidation): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'xeploai';
  book.created = FIXED_DATE;
  book.modified = FIXED_DATE;
  addSummarySheet(book, report);
  addUnitSheet(book, report);
  addIssueSheet(book, report);
  return book;
}

export async function writeReportWorkbook(
  report: Consolidation,
  path: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await buildReportWorkbook(report).xlsx.writeFile(path);
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      message: `Không ghi được tệp ${path} (${(error as NodeJS.ErrnoException).code ?? 'lỗi ghi'}).`,
    };
  }
}

function headerRow(sheet: ExcelJS.Worksheet, values: string[]): void {
  const row = sheet.addRow(values);
  row.font = { bold: true };
  row.eachCell((cell) => (cell.fill = HEADER_FILL));
}

function tallyBlock(
  sheet: ExcelJS.Worksheet,
  title: string,
  tally: Tally,
  change: ShareChange | null | undefined,
): void {
  sheet.addRow([title]).font = { bold: true, size: 12 };
  headerRow(sheet, ['Mức xếp loại', 'Số lượng', 'Tỷ lệ', ...(change ? ['So với năm trước (điểm %)'] : [])]);
  for (const level of RATING_LEVELS) {
    const row = sheet.addRow([
      ratingLabel(level),
      tally.counts[level],
      tally.percent[level],
      ...(change ? [change[level]] : []),
    ]);
    row.getCell(2).numFmt = COUNT;
    row.getCell(3).numFmt = PERCENT;
    if (change) row.getCell(4).numFmt = POINTS;
  }
  const total = sheet.addRow(['Tổng số được xếp loại', tally.evaluated]);
  total.font = { bold: true };
  total.getCell(2).numFmt = COUNT;
  const ratio = sheet.addRow(['Xuất sắc so với hoàn thành tốt', null, tally.excellentPerGood]);
  ratio.getCell(3).numFmt = PERCENT;
  const quota = sheet.addRow([
    `Giới hạn xuất sắc (${quotaRatioText(tally.quota.ratio)} số ${QUOTA_BASE_WORDS[tally.quota.base]})`,
    tally.quota.maxExcellent,
    tally.quota.ok ? 'Trong giới hạn' : 'Vượt giới hạn',
  ]);
  if (!tally.quota.ok) quota.eachCell((cell) => (cell.fill = ALERT_FILL));
  sheet.addRow([]);
}

function addSummarySheet(book: ExcelJS.Workbook, report: Consolidation): void {
  const sheet = book.addWorksheet('Báo cáo tổng hợp');
  sheet.columns = [{ width: 48 }, { width: 14 }, { width: 14 }, { width: 26 }];
  sheet.addRow([`BÁO CÁO TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI NĂM ${report.year}`]).font = {
    bold: true,
    size: 14,
  };
  const units = sheet.addRow(['Số tổ chức cơ sở đảng có báo cáo', report.units.count]);
  units.getCell(2).numFmt = COUNT;
  for (const [kind, n] of Object.entries(report.units.byKind)) sheet.addRow([`  ${kind}`, n]);
  if (report.cells) sheet.addRow(['Chi bộ trực thuộc', report.cells.total]).getCell(2).numFmt = COUNT;
  sheet.addRow([]);
  if (report.organizations)
    tallyBlock(sheet, 'Xếp loại tổ chức cơ sở đảng', report.organizations, report.change?.organizations);
  const members = sheet.addRow(['Tổng số đảng viên', report.members.total]);
  members.getCell(2).numFmt = COUNT;
  for (const reason of NOT_RATED_REASONS)
    sheet.addRow([`  Không xếp loại: ${reasonLabel(reason)}`, report.members.notRated[reason]]);
  sheet.addRow([]);
  tallyBlock(sheet, 'Xếp loại đảng viên', report.members, report.change?.members);
  for (const [group, tally] of Object.entries(report.groups))
    tallyBlock(sheet, `Nhóm: ${group}`, tally, null);
  if (report.targets.length) {
    sheet.addRow(['Chỉ tiêu']).font = { bold: true, size: 12 };
    headerRow(sheet, ['Chỉ tiêu', 'Kế hoạch', 'Thực hiện', 'Đạt']);
    for (const target of report.targets) {
      const row = sheet.addRow([target.name, target.target, target.actual, target.percent]);
      row.getCell(4).numFmt = PERCENT;
    }
  }
  if (report.development) {
    const { admitted, membersAtStart, percent } = report.development;
    sheet.addRow([]);
    const row = sheet.addRow([
      'Tỷ lệ phát triển đảng viên (kết nạp ÷ đảng viên đầu năm)',
      admitted,
      membersAtStart,
      percent,
    ]);
    row.getCell(4).numFmt = PERCENT;
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

function addUnitSheet(book: ExcelJS.Workbook, report: Consolidation): void {
  const sheet = book.addWorksheet('Theo đơn vị');
  headerRow(sheet, [
    'Mã đơn vị',
    'Tên đơn vị',
    'Loại hình',
    'Tổng số',
    'Được xếp loại',
    ...RATING_LEVELS.map(ratingLabel),
    'Tỷ lệ xuất sắc',
    'Tỷ lệ tốt',
    'Giới hạn xuất sắc',
    'Lỗi',
    'Cảnh báo',
  ]);
  for (const unit of report.byUnit) {
    const m = unit.members;
    const row = sheet.addRow([
      unit.code,
      unit.name,
      unit.kind ?? '',
      m.total,
      m.evaluated,
      ...RATING_LEVELS.map((l) => m.counts[l]),
      m.percent.excellent,
      m.percent.good,
      m.quota.ok ? 'Trong giới hạn' : 'Vượt giới hạn',
      unit.errors,
      unit.warnings,
    ]);
    row.getCell(10).numFmt = PERCENT;
    row.getCell(11).numFmt = PERCENT;
    if (!m.quota.ok || unit.errors) row.eachCell((cell) => (cell.fill = ALERT_FILL));
  }
  sheet.columns.forEach((column, index) => (column.width = index === 1 ? 36 : 14));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: 'A1', to: { row: 1, column: 15 } };
}

function addIssueSheet(book: ExcelJS.Workbook, report: Consolidation): void {
  const sheet = book.addWorksheet('Lỗi và cảnh báo');
  headerRow(sheet, ['Loại', 'Đơn vị', 'Vị trí', 'Giá trị', 'Nội dung', 'Mã']);
  const add = (kind: string, found: Issue) =>
    sheet.addRow([
      kind,
      (found as Issue & { unit?: string }).unit ?? '',
      describePlace(found),
      found.value ?? '',
      found.message,
      found.code,
    ]);
  report.errors.forEach((found) => add('Lỗi', found));
  report.warnings.forEach((found) => add('Cảnh báo', found));
  sheet.columns = [{ width: 10 }, { width: 10 }, { width: 34 }, { width: 18 }, { width: 80 }, { width: 22 }];
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}
