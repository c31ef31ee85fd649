import {
  analyzeUnitWorkbook,
  HEADER_SEARCH_ROWS,
  locateMemberSheet,
  SHEET_NAMES,
  type UnitAnalysis,
} from '../../../core';
import { readNamedSheets, readOneMore, readSheetHeads, type WorkbookRead } from '../gateway/workbook';
import { settingsFrom } from '../settings';
import { ownSheetIds } from './own-output';

export type ActiveAnalysis =
  | { ok: true; read: WorkbookRead; analysis: Extract<UnitAnalysis, { ok: true }> }
  | { ok: false; message: string };

/** The sheets a unit's workbook is made of; any other sheet is never read whole. */
const UNIT_SHEETS = [SHEET_NAMES.members, SHEET_NAMES.info, SHEET_NAMES.cells, SHEET_NAMES.targets];

/**
 * Reads the unit's sheets once and runs core's checks and tallies on them. Without a sheet named
 * `Đảng viên`, the first rows of the others are read to find the member header, and that sheet whole.
 */
export function readActiveUnit(properties: Record<string, string>): WorkbookRead {
  const choice = { names: UNIT_SHEETS, skipIds: ownSheetIds(properties) };
  const read = readNamedSheets(choice);
  if (locateMemberSheet(read.workbook)) return read;
  const members = locateMemberSheet(readSheetHeads(choice, HEADER_SEARCH_ROWS));
  if (members) readOneMore(read, members.name, choice.skipIds);
  return read;
}

export function analyzeActiveUnit(properties: Record<string, string>): ActiveAnalysis {
  return analyzeRead(readActiveUnit(properties), properties);
}

/** Core's checks and tallies on sheets already read (after cells of them were changed, say). */
export function analyzeRead(read: WorkbookRead, properties: Record<string, string>): ActiveAnalysis {
  const settings = settingsFrom(properties);
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
