import type { WorkbookData } from '../../../core';

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

/** Every sheet's data range in one getValues call each, skipping the output sheets the add-on wrote. */
export function readActiveWorkbook(skipIds: number[]): WorkbookRead {
  const sheets = activeSpreadsheet().getSheets();
  const workbook: WorkbookData = { sheets: [] };
  const sheetIds: Record<string, number> = {};
  for (const sheet of sheets) {
    const id = sheet.getSheetId();
    if (skipIds.includes(id)) continue;
    const name = sheet.getName();
    sheetIds[name] = id;
    workbook.sheets.push({ name, rows: sheet.getDataRange().getValues() });
  }
  return { workbook, sheetIds };
}
