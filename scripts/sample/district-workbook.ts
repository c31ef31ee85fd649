import { indicatorName, type WorkbookData } from '../../core';
import type { OrganizationLine } from './organizations';
import { ratingText, sheetStyle } from './sheet-style';

export interface AssignedLine {
  unit: string;
  code: string;
  target: number;
}

const LABELS = sheetStyle('');

/** The district office's workbook: `Tổ chức cơ sở` (its rating of each organization) and `Giao chỉ tiêu`. */
export function districtWorkbook(organizations: OrganizationLine[], assigned: AssignedLine[]): WorkbookData {
  const sheets: WorkbookData['sheets'] = [
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
