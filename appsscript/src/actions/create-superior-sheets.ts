import { SHEET_NAMES, SUPERIOR_INFO_KEYS } from '../../../core';
import { readDocumentProperties } from '../gateway/properties';
import { alert } from '../gateway/ui';
import { missingSuperiorHeaders, superiorSheets } from '../layout/district-template';
import { settingsFrom } from '../settings';
import { createMissingSheets } from './missing-sheets';

const TITLE = 'Tạo biểu mẫu cấp trên';

/**
 * Menu “Tạo biểu mẫu cấp trên”: the superior level's `Thông tin`, `Tổ chức cơ sở` and `Giao chỉ tiêu`, those
 * missing created, those present only checked.
 */
export function createSuperiorSheets(): void {
  const settings = settingsFrom(readDocumentProperties());
  const specs = superiorSheets({
    orgCode: settings.orgCode,
    year: settings.year ?? new Date().getFullYear(),
  });
  const lines = createMissingSheets(specs, missingSuperiorHeaders);
  lines.push(
    `Trang “${SHEET_NAMES.organizations}” liệt kê các tổ chức trực thuộc trực tiếp tổ chức ghi ở dòng “${SUPERIOR_INFO_KEYS.code}” của trang “${SHEET_NAMES.info}”, với khối, mức xếp loại và mã các tổ chức năm trước đã sáp nhập thành nó (“Sáp nhập từ”, cách nhau bởi dấu ;).`,
  );
  if (!settings.orgCode)
    lines.push(
      'Để “Tổng hợp” gộp đúng cấp này, ghi mã tổ chức ấy vào mục “Mã tổ chức tổng hợp” trong “Cài đặt”.',
    );
  alert(TITLE, lines.join('\n'));
}
