import type { ReportChart, ReportSection, ReportTable } from './model';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** Sections with roman numerals and numbered table captions ("1. Xếp loại đảng viên"); empty ones left out. */
export function sectionsOf(
  parts: { title: string; tables: ReportTable[]; chart?: ReportChart }[],
): ReportSection[] {
  return parts
    .filter((part) => part.tables.length)
    .map((part, at) => ({
      number: ROMAN[at],
      title: part.title,
      tables: part.tables.map((table, n) => ({ ...table, caption: `${n + 1}. ${table.caption}` })),
      ...(part.chart ? { chart: part.chart } : {}),
    }));
}
