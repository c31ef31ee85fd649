import type { Grid } from '../../../core';
import { COLOURS } from '../layout/sheet-block';
import type { ColumnRule, TemplateSheet } from '../layout/template';
import { activeSpreadsheet } from './workbook';

export const TEMPLATE_PROTECTION =
  'Tiêu đề của biểu mẫu xeploai: sửa có thể làm tiện ích không đọc được trang này.';

export function existingSheetNames(): string[] {
  return activeSpreadsheet()
    .getSheets()
    .map((sheet) => sheet.getName());
}

/** The first rows of a sheet, where its header must be. */
export function readFirstRows(name: string, count: number): Grid {
  const sheet = activeSpreadsheet().getSheetByName(name);
  if (!sheet) return [];
  const rows = Math.min(count, sheet.getLastRow());
  const columns = sheet.getLastColumn();
  if (rows === 0 || columns === 0) return [];
  return sheet.getRange(1, 1, rows, columns).getValues();
}

/** A new sheet with the standard header (bold, frozen, protected with a warning), formats, dropdowns, widths. */
export function createTemplateSheet(spec: TemplateSheet): void {
  const sheet = activeSpreadsheet().insertSheet(spec.name);
  const width = spec.columns.length;
  const bodyRows = sheet.getMaxRows() - 1;
  const header = sheet.getRange(1, 1, 1, width);
  header
    .setValues([spec.columns.map((c) => c.header)])
    .setFontWeight('bold')
    .setBackground(COLOURS.header)
    .setWrap(true)
    .setVerticalAlignment('middle');
  spec.columns.forEach((column, index) => {
    if (column.format) sheet.getRange(2, index + 1, bodyRows, 1).setNumberFormat(column.format);
  });
  for (const cell of spec.cellFormats) sheet.getRange(cell.row, cell.column).setNumberFormat(cell.format);
  if (spec.rows.length) {
    const rows = spec.rows.map((row) => [...row, ...Array.from({ length: width - row.length }, () => '')]);
    sheet.getRange(2, 1, rows.length, width).setValues(rows);
  }
  spec.columns.forEach((column, index) => {
    if (column.rule) sheet.getRange(2, index + 1, bodyRows, 1).setDataValidation(validation(column.rule));
  });
  for (const cell of spec.cellRules)
    sheet.getRange(cell.row, cell.column).setDataValidation(validation(cell.rule));
  spec.columns.forEach((column, index) => sheet.setColumnWidth(index + 1, column.width));
  sheet.setFrozenRows(1);
  header.protect().setDescription(TEMPLATE_PROTECTION).setWarningOnly(true);
  if (spec.protectFirstColumn && spec.rows.length) {
    sheet
      .getRange(2, 1, spec.rows.length, 1)
      .protect()
      .setDescription(TEMPLATE_PROTECTION)
      .setWarningOnly(true);
  }
}

function validation(rule: ColumnRule): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  switch (rule.kind) {
    case 'list':
      // Abbreviations and short forms are valid too: the check reads them, so typing is not refused.
      return builder
        .requireValueInList(rule.values, true)
        .setAllowInvalid(true)
        .setHelpText(rule.help)
        .build();
    case 'date':
      return builder.requireDate().setAllowInvalid(false).setHelpText(rule.help).build();
    case 'number':
      return (
        rule.max === null
          ? builder.requireNumberGreaterThanOrEqualTo(rule.min)
          : builder.requireNumberBetween(rule.min, rule.max)
      )
        .setAllowInvalid(false)
        .setHelpText(rule.help)
        .build();
  }
}
