import { readDocumentProperties } from '../gateway/properties';
import { alert } from '../gateway/ui';
import { missingHeaders, templateSheets } from '../layout/template';
import { settingsFrom } from '../settings';
import { createMissingSheets } from './missing-sheets';

const TITLE = 'Tạo biểu mẫu';

/** Menu “Tạo biểu mẫu”: creates the standard sheets that are missing; existing sheets are only checked. */
export function createTemplate(): void {
  const settings = settingsFrom(readDocumentProperties());
  const specs = templateSheets({
    unitCode: settings.unitCode,
    year: settings.year ?? new Date().getFullYear(),
  });
  alert(TITLE, createMissingSheets(specs, missingHeaders).join('\n'));
}
