import { buildConsolidationReport, type Consolidation, type ConsolidationReportOptions } from '../../core';
import { renderIssues } from './issues';
import { renderOrganizationGroups } from './organization-groups';
import { renderAppendix, renderReport } from './report';

/** The superior level's report as text (the same model as the workbook's), then the issues found. */
export function renderConsolidation(
  report: Consolidation,
  options: ConsolidationReportOptions & { unitRows?: boolean } = {},
): string {
  const doc = buildConsolidationReport(report, options);
  const parts = [renderReport(doc), renderOrganizationGroups(report)];
  if (options.unitRows) parts.push(renderAppendix(doc));
  parts.push(renderIssues('Lỗi', report.errors, 20), renderIssues('Cảnh báo', report.warnings, 20));
  return parts.filter(Boolean).join('\n\n');
}
