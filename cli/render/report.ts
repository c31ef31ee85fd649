import { reportCellText, type ReportDocument, type ReportTable } from '../../core';
import { renderTable, type Align } from './table';

function tableText(table: ReportTable): string {
  const aligns: Align[] = table.columns.map((c) =>
    c.role === 'label' || c.role === 'code' ? 'left' : 'right',
  );
  return `${table.caption}\n${renderTable(
    table.columns.map((c) => c.header),
    table.rows.map((row) => table.columns.map((_, i) => reportCellText(row.cells[i] ?? { kind: 'empty' }))),
    aligns,
  )}`;
}

/** The report model as terminal text: heading, title, each section's tables, notes; no signature block. */
export function renderReport(doc: ReportDocument): string {
  const parts = [
    `${doc.heading.issuers.filter((line) => line !== '*').join(' / ')} — ${doc.heading.party}`,
    `${doc.title}: ${doc.subtitle.toUpperCase()}`,
    ...doc.lead,
  ];
  for (const section of doc.sections) {
    parts.push(`${section.number}. ${section.title}`, ...section.tables.map(tableText));
  }
  if (doc.notes.length) parts.push(`Cần lưu ý:\n${doc.notes.map((n) => `  • ${n}`).join('\n')}`);
  return parts.join('\n\n');
}

/** The appendix (one row a unit) as terminal text. */
export function renderAppendix(doc: ReportDocument): string {
  return doc.appendix
    ? [
        doc.appendix.title,
        tableText({ ...doc.appendix.table, caption: '' }).trimStart(),
        ...doc.appendix.notes,
      ].join('\n')
    : '';
}
