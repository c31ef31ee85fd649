import { columnLetter, type Grid } from '../../../core';
import { COLOURS } from '../layout/sheet-block';
import { setWidths } from './block-writer';
import { headerNeedsWrap, type ColumnRule, type TemplateSheet } from '../layout/template';
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

/**
 * A new sheet with the standard header (bold, frozen, protected with a warning), formats, dropdowns, widths.
 * Formats go first so typed text stays text; then header and rows in one write, one write of formats per
 * distinct format and one of all the body's rules, whatever the columns.
 */
export function createTemplateSheet(spec: TemplateSheet): void {
  const sheet = activeSpreadsheet().insertSheet(spec.name);
  const width = spec.columns.length;
  const bodyRows = sheet.getMaxRows() - 1;
  for (const [format, places] of formatPlaces(spec, bodyRows))
    sheet.getRangeList(places).setNumberFormat(format);
  const padded = spec.rows.map((row) => [...row, ...Array.from({ length: width - row.length }, () => '')]);
  sheet.getRange(1, 1, 1 + padded.length, width).setValues([spec.columns.map((c) => c.header), ...padded]);
  // Bold on a fill, wrapped when a header is longer than its column; left at Sheets' bottom alignment (a
  // vertical alignment was one call more).
  const header = sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground(COLOURS.header);
  if (headerNeedsWrap(spec.columns)) header.setWrap(true);
  const rules = bodyRules(spec, bodyRows);
  if (rules.some((row) => row.some((r) => r !== null)))
    sheet.getRange(2, 1, bodyRows, width).setDataValidations(rules);
  setWidths(
    sheet,
    spec.columns.map((c) => c.width),
  );
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, width).protect().setDescription(TEMPLATE_PROTECTION).setWarningOnly(true);
  if (spec.protectFirstColumn && spec.rows.length) {
    sheet
      .getRange(2, 1, spec.rows.length, 1)
      .protect()
      .setDescription(TEMPLATE_PROTECTION)
      .setWarningOnly(true);
  }
}

/** A1 places per number format: the body of each formatted column, and single cells. */
function formatPlaces(spec: TemplateSheet, bodyRows: number): Map<string, string[]> {
  const places = new Map<string, string[]>();
  const add = (format: string, a1: string) => places.set(format, [...(places.get(format) ?? []), a1]);
  spec.columns.forEach((column, index) => {
    const letter = columnLetter(index);
    if (column.format) add(column.format, `${letter}2:${letter}${bodyRows + 1}`);
  });
  for (const cell of spec.cellFormats) add(cell.format, `${columnLetter(cell.column - 1)}${cell.row}`);
  return places;
}

/** Each body cell's rule (null: none): the column's, or a single cell's over it; one built rule each. */
function bodyRules(
  spec: TemplateSheet,
  bodyRows: number,
): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
  const built = new Map<ColumnRule, GoogleAppsScript.Spreadsheet.DataValidation>();
  const ruleOf = (rule: ColumnRule | undefined) => {
    if (!rule) return null;
    if (!built.has(rule)) built.set(rule, validation(rule));
    return built.get(rule)!;
  };
  const columnRules = spec.columns.map((c) => ruleOf(c.rule));
  const rules = Array.from({ length: bodyRows }, () => [...columnRules]);
  for (const cell of spec.cellRules) rules[cell.row - 2][cell.column - 1] = ruleOf(cell.rule);
  return rules;
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
