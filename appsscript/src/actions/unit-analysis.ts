import { analyzeUnitWorkbook, SHEET_NAMES, type UnitAnalysis } from '../../../core';
import { readActiveWorkbook, type WorkbookRead } from '../gateway/workbook';
import { settingsFrom } from '../settings';
import { ownSheetIds } from './own-output';

export type ActiveAnalysis =
  | { ok: true; read: WorkbookRead; analysis: Extract<UnitAnalysis, { ok: true }> }
  | { ok: false; message: string };

/** Reads the open spreadsheet once and runs core's checks and tallies on it. */
export function analyzeActiveUnit(properties: Record<string, string>): ActiveAnalysis {
  const settings = settingsFrom(properties);
  const read = readActiveWorkbook(ownSheetIds(properties));
  const analysis = analyzeUnitWorkbook(read.workbook, {
    unitCode: settings.unitCode || undefined,
    year: settings.year ?? undefined,
  });
  if (!analysis.ok)
    return {
      ok: false,
      message: `${analysis.message} Hãy dùng “Tạo biểu mẫu” để tạo trang “${SHEET_NAMES.members}”.`,
    };
  return { ok: true, read, analysis };
}

/** Rows and columns of each sheet as read, to size the mark blocks. */
export function sheetSizes(read: WorkbookRead): Record<string, { rows: number; columns: number }> {
  return Object.fromEntries(
    read.workbook.sheets.map((s) => [
      s.name,
      { rows: s.rows.length, columns: Math.max(0, ...s.rows.map((r) => r.length)) },
    ]),
  );
}
