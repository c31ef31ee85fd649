// A superior level's spreadsheet for the add-on's bench: `Thông tin`, `Tổ chức cơ sở` with `count`
// organizations (and `Giao chỉ tiêu` with one target each), and what the server answers to Tổng hợp.
import {
  analyzeUnitWorkbook,
  consolidate,
  readDistrictWorkbook,
  type CellValue,
  type WorkbookData,
} from '../../core';
import { memberWorkbook } from './member-grid';

const RATINGS = ['Tốt', 'Hoàn thành xuất sắc nhiệm vụ', 'HTNV', 'Hoàn thành tốt nhiệm vụ'];

export const SUPERIOR_CODE = 'H-THU';

const codeOf = (i: number) => `DV${String(i + 1).padStart(5, '0')}`;

/** The superior's sheets with `count` organizations below it; `targets`: a `Giao chỉ tiêu` row for each. */
export function superiorWorkbook(count: number, targets: boolean): WorkbookData {
  const below: CellValue[][] = Array.from({ length: count }, (_, i) => [
    codeOf(i),
    `Đảng bộ xã Thử ${i + 1}`,
    'Đảng bộ cơ sở',
    'Xã, phường',
    RATINGS[i % 4],
  ]);
  const sheets: WorkbookData['sheets'] = [
    {
      name: 'Thông tin',
      rows: [
        ['Mã tổ chức', SUPERIOR_CODE],
        ['Tên tổ chức', 'Đảng bộ huyện Thử'],
        ['Cấp trên', 'Tỉnh ủy Thử'],
        ['Năm', 2023],
        ['Địa danh', 'Thử'],
      ],
    },
    {
      name: 'Tổ chức cơ sở',
      rows: [['Mã đơn vị', 'Tên tổ chức', 'Loại hình', 'Khối', 'Xếp loại'], ...below],
    },
  ];
  if (targets)
    sheets.push({
      name: 'Giao chỉ tiêu',
      rows: [['Mã đơn vị', 'Mã chỉ tiêu', 'Kế hoạch'], ...below.map((b) => [b[0], 'KET_NAP_DANG_VIEN', 5])],
    });
  return { sheets };
}

/**
 * GET /v1/consolidated's answer for that workbook: every organization but the last three reported (the same
 * 40-member summary under each code), those three missing.
 */
export function consolidationReply(count: number, district: WorkbookData): string {
  const analysis = analyzeUnitWorkbook(memberWorkbook(40));
  if (!analysis.ok) throw new Error(analysis.message);
  const summary = analysis.summary;
  const units = Array.from({ length: count - 3 }, (_, i) => ({
    ...summary,
    unit: { ...summary.unit, code: codeOf(i), name: `Đảng bộ xã Thử ${i + 1}` },
  }));
  const result = consolidate(units, { year: 2023, district: readDistrictWorkbook(district).data });
  const missing = Array.from({ length: 3 }, (_, i) => codeOf(count - 3 + i));
  return JSON.stringify({ ...result, missing, asOf: '2024-01-10T02:30:00.000Z' });
}
