import type { MenuSection } from './gateway/ui';

/** The add-on menu; each functionName is a top-level function of the pushed Code.js. */
export const MENU: MenuSection[] = [
  {
    items: [
      { caption: 'Tạo biểu mẫu', functionName: 'createTemplate' },
      { caption: 'Kiểm tra dữ liệu', functionName: 'validateData' },
      { caption: 'Tính tỷ lệ', functionName: 'computeSummary' },
      { caption: 'Gửi báo cáo', functionName: 'sendReport' },
    ],
  },
  {
    caption: 'Dành cho cấp trên',
    items: [
      { caption: 'Tạo biểu mẫu cấp trên', functionName: 'createSuperiorSheets' },
      { caption: 'Giao chỉ tiêu', functionName: 'assignTargets' },
      { caption: 'Tổng hợp toàn đảng bộ', functionName: 'consolidateDistrict' },
    ],
  },
  { items: [{ caption: 'Cài đặt', functionName: 'openSettings' }] },
];

export function captionOf(functionName: string): string {
  for (const section of MENU) {
    const item = section.items.find((i) => i.functionName === functionName);
    if (item) return item.caption;
  }
  return functionName;
}
