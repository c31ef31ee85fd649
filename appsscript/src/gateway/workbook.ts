import { isoFromDate, sameName, type CellValue, type WorkbookData } from '../../../core';

export interface WorkbookRead {
  workbook: WorkbookData;
  /** Each read sheet's gid, for links to its cells. */
  sheetIds: Record<string, number>;
}

let active: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;

/** The spreadsheet, fetched once per execution (every menu click or page call runs the script afresh). */
export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  active ??= SpreadsheetApp.getActiveSpreadsheet();
  return active;
}

/** Which sheets an action reads: those named (compared as core compares names), and which to skip. */
export interface SheetChoice {
  names: readonly string[];
  /** The add-on's own output sheets, never read as input. */
  skipIds: number[];
}

/**
 * The sheets an action needs, each read with one getValues of its data range; a large unrelated sheet is
 * never read. Date cells come back as midnight in the spreadsheet's time zone: they are turned into
 * calendar days (as UTC midnight, how core reads an xlsx date) with that zone.
 */
export function readNamedSheets(choice: SheetChoice): WorkbookRead {
  const read: WorkbookRead = { workbook: { sheets: [] }, sheetIds: {} };
  for (const sheet of inputSheets(choice.skipIds)) {
    if (choice.names.some((wanted) => sameName(sheet.name, wanted)))
      addSheet(read, sheet.handle, sheet.name, sheet.id);
  }
  return read;
}

/** The first rows of every other input sheet: enough to find a header, whatever the sheet's size. */
export function readSheetHeads(choice: SheetChoice, rows: number): WorkbookData {
  const heads: WorkbookData = { sheets: [] };
  for (const sheet of inputSheets(choice.skipIds)) {
    if (choice.names.some((wanted) => sameName(sheet.name, wanted))) continue;
    const height = Math.min(rows, sheet.handle.getLastRow());
    const width = sheet.handle.getLastColumn();
    if (height === 0 || width === 0) continue;
    heads.sheets.push({ name: sheet.name, rows: sheet.handle.getRange(1, 1, height, width).getValues() });
  }
  return heads;
}

/** Adds one more sheet, read whole, to what was read. */
export function readOneMore(read: WorkbookRead, name: string, skipIds: number[]): void {
  const sheet = inputSheets(skipIds).find((s) => s.name === name);
  if (sheet) addSheet(read, sheet.handle, sheet.name, sheet.id);
}

interface InputSheet {
  handle: GoogleAppsScript.Spreadsheet.Sheet;
  name: string;
  id: number;
}

function inputSheets(skipIds: number[]): InputSheet[] {
  return activeSpreadsheet()
    .getSheets()
    .map((handle) => ({ handle, name: handle.getName(), id: handle.getSheetId() }))
    .filter((sheet) => !skipIds.includes(sheet.id));
}

let timeZone: string | null = null;

function addSheet(
  read: WorkbookRead,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  name: string,
  id: number,
): void {
  timeZone ??= activeSpreadsheet().getSpreadsheetTimeZone();
  const zone = timeZone;
  const rows = sheet.getDataRange().getValues() as CellValue[][];
  read.sheetIds[name] = id;
  read.workbook.sheets.push({ name, rows: rows.map((row) => row.map((cell) => calendarDay(cell, zone))) });
}

function calendarDay(cell: CellValue, zone: string): CellValue {
  if (!(cell instanceof Date) || Number.isNaN(cell.getTime())) return cell;
  return new Date(`${isoFromDate(cell, zone)}T00:00:00Z`);
}

/** The spreadsheet's locale ("vi_VN"), which decides how a formula written by the add-on is read. */
export function spreadsheetLocale(): string {
  return activeSpreadsheet().getSpreadsheetLocale();
}

/**
 * Sets the spreadsheet's locale to Vietnamese when it is another: the number formats the add-on writes
 * then show "11.940", "14,25%", "+0,41", and formulas take ';' between arguments.
 */
export function useVietnameseLocale(): void {
  const spreadsheet = activeSpreadsheet();
  if (spreadsheet.getSpreadsheetLocale() !== 'vi_VN') spreadsheet.setSpreadsheetLocale('vi_VN');
}
