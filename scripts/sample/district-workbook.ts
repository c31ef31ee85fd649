import { indicatorName, type WorkbookData } from '../../core';
import type { OrganizationLine } from './organizations';
import { ratingText, sheetStyle } from './sheet-style';

export interface AssignedLine {
  unit: string;
  code: string;
  target: number;
}

const LABELS = sheetStyle('');

/** Who the sample's superior level is: the names and place of its report's heading. */
export const SAMPLE_SUPERIOR = {
  code: 'HU_CHUONG_MY',
  name: 'Huyện ủy Chương Mỹ',
  superior: 'Đảng bộ thành phố Hà Nội',
  place: 'Chương Mỹ',
};

/**
 * The district office's workbook: `Thông tin` (who it is), `Tổ chức cơ sở` (its rating of each
 * organization) and `Giao chỉ tiêu`.
 */
export function districtWorkbook(
  year: number,
  organizations: OrganizationLine[],
  assigned: AssignedLine[],
): WorkbookData {
  const sheets: WorkbookData['sheets'] = [
    {
      name: 'Thông tin',
      rows: [
        ['Mã tổ chức', SAMPLE_SUPERIOR.code],
        ['Tên tổ chức', SAMPLE_SUPERIOR.name],
        ['Cấp trên', SAMPLE_SUPERIOR.superior],
        ['Năm', year],
        ['Địa danh', SAMPLE_SUPERIOR.place],
      ],
    },
    {
      name: 'Tổ chức cơ sở',
      rows: [
        ['Mã đơn vị', 'Tên tổ chức', 'Loại hình', 'Xếp loại'],
        ...organizations.map((o) => [o.code, o.name, o.kind, ratingText(LABELS, o.rating)]),
      ],
    },
  ];
  if (assigned.length) sheets.push(assignedSheet(assigned));
  return { sheets };
}

/** A superior's `Giao chỉ tiêu`: the target it assigned each unit. */
export function assignedSheet(assigned: AssignedLine[]): WorkbookData['sheets'][number] {
  return {
    name: 'Giao chỉ tiêu',
    rows: [
      ['Mã đơn vị', 'Mã chỉ tiêu', 'Tên chỉ tiêu', 'Kế hoạch'],
      ...assigned.map((a) => [a.unit, a.code, indicatorName(a.code), a.target]),
    ],
  };
}
