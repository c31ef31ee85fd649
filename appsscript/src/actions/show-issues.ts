import { formatNumber, type Issue } from '../../../core';
import { applyMarks } from '../gateway/marks-writer';
import { writeDocumentProperties } from '../gateway/properties';
import { showSidebar } from '../gateway/ui';
import { spreadsheetLocale, type WorkbookRead } from '../gateway/workbook';
import { argumentSeparator } from '../layout/hyperlink';
import { issueSheet } from '../layout/issue-sheet';
import { decodeMarks, encodeMarks } from '../layout/marks-store';
import { scriptJson, sidebarData } from '../layout/sidebar-items';
import { placeOwnSheet } from './own-output';
import { sheetSizes } from './unit-analysis';

/**
 * Fills `Lỗi`, marks the bad cells (after taking off the last check's marks), saves the marks and the
 * sheet's id in one property write, and opens the sidebar.
 */
export function showIssues(
  issues: Issue[],
  read: WorkbookRead,
  properties: Record<string, string>,
  title: string,
  intro: string,
): void {
  const block = issueSheet(issues, read.sheetIds, argumentSeparator(spreadsheetLocale()));
  const placed = placeOwnSheet(block, false, properties);
  const marks = applyMarks(sheetSizes(read), issues, decodeMarks(properties));
  writeDocumentProperties({ ...encodeMarks(marks, properties), ...placed });
  const data = sidebarData(issues, title, intro);
  showSidebar({ file: 'Sidebar', title, data: { dataJson: scriptJson(data) } });
}

export function countText(errors: number, warnings: number): string {
  if (!errors && !warnings) return 'không có lỗi nào';
  const parts = [];
  if (errors) parts.push(`${formatNumber(errors)} lỗi`);
  if (warnings) parts.push(`${formatNumber(warnings)} cảnh báo`);
  return parts.join(' và ');
}
