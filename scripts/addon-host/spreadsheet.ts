import { columnIndex } from '../../core';
import { parseEntered, renderValue } from './number-format';
import { CallCounter, raw, tracked } from './counter';
import { FakeRichTextValue } from './rich-text';

export type Value = string | number | boolean | Date;

export interface Cell {
  value: Value;
  formula: string;
  /** The link of a rich-text cell (setRichTextValues); any other write drops it. */
  link: string | null;
  background: string;
  note: string;
  format: string;
  weight: string;
  validation: FakeDataValidation | null;
}

export const DEFAULT_BACKGROUND = '#ffffff';
const DEFAULT_FORMAT = 'General';

function emptyCell(): Cell {
  return {
    value: '',
    formula: '',
    link: null,
    background: DEFAULT_BACKGROUND,
    note: '',
    format: DEFAULT_FORMAT,
    weight: 'normal',
    validation: null,
  };
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function hasContent(cell: Cell | undefined): boolean {
  return !!cell && (cell.value !== '' || cell.formula !== '');
}

/** Shared by every object of one fake spreadsheet: call counter, locale, time zone, records. */
export interface SheetEnv {
  counter: CallCounter;
  locale: string;
  timeZone: string;
  toasts: { message: string; title: string }[];
}

function fail(message: string): never {
  throw new Error(`Exception: ${message}`);
}

/** "G12" → {row: 12, column: 7}; "A1:C3" → a block. */
function parseA1(a1: string): { row: number; column: number; rows: number; columns: number } {
  const cell = (text: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(text);
    if (!m) fail(`Range not found: ${a1}`);
    return { row: Number(m[2]), column: columnIndex(m[1]) + 1 };
  };
  const [from, to = from] = a1.replace(/^.*!/, '').split(':');
  const a = cell(from);
  const b = cell(to);
  return {
    row: Math.min(a.row, b.row),
    column: Math.min(a.column, b.column),
    rows: Math.abs(b.row - a.row) + 1,
    columns: Math.abs(b.column - a.column) + 1,
  };
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** What HYPERLINK(url; label) shows; other formulas are not computed by the fake. */
function formulaResult(formula: string): Value {
  const m = /^=HYPERLINK\(\s*"([^"]*)"\s*[;,]\s*"([^"]*)"\s*\)$/i.exec(formula);
  if (m) return m[2];
  const single = /^=HYPERLINK\(\s*"([^"]*)"\s*\)$/i.exec(formula);
  return single ? single[1] : '';
}

export class FakeDataValidation {
  constructor(
    readonly criteria: string,
    readonly values: unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
  getCriteriaType(): string {
    return this.criteria;
  }
  getCriteriaValues(): unknown[] {
    return this.values;
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string {
    return this.helpText;
  }
}

export class FakeDataValidationBuilder {
  private criteria = '';
  private values: unknown[] = [];
  private allowInvalid = true;
  private helpText = '';
  constructor(private readonly counter: CallCounter) {}
  requireValueInList(values: string[], showDropdown = true): this {
    this.criteria = 'VALUE_IN_LIST';
    this.values = [[...values], showDropdown];
    return this;
  }
  requireCheckbox(): this {
    this.criteria = 'CHECKBOX';
    this.values = [];
    return this;
  }
  requireDate(): this {
    this.criteria = 'DATE_IS_VALID_DATE';
    this.values = [];
    return this;
  }
  requireNumberBetween(start: number, end: number): this {
    this.criteria = 'NUMBER_BETWEEN';
    this.values = [start, end];
    return this;
  }
  requireNumberGreaterThanOrEqualTo(number: number): this {
    this.criteria = 'NUMBER_GREATER_THAN_OR_EQUAL_TO';
    this.values = [number];
    return this;
  }
  setAllowInvalid(allow: boolean): this {
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): this {
    this.helpText = text;
    return this;
  }
  build(): FakeDataValidation {
    if (!this.criteria) fail('The data validation rule has no criteria.');
    return tracked(
      new FakeDataValidation(this.criteria, this.values, this.allowInvalid, this.helpText),
      'DataValidation',
      this.counter,
    );
  }
}

export class FakeProtection {
  description = '';
  warningOnly = false;
  constructor(
    readonly range: FakeRange,
    readonly sheet: FakeSheet,
  ) {}
  setDescription(description: string): this {
    this.description = description;
    return this;
  }
  getDescription(): string {
    return this.description;
  }
  setWarningOnly(warningOnly: boolean): this {
    this.warningOnly = warningOnly;
    return this;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  getRange(): FakeRange {
    return this.range;
  }
  remove(): void {
    this.sheet.protections = this.sheet.protections.filter((p) => raw(p) !== this);
  }
}

export interface ChartRecord {
  type: string;
  ranges: string[];
  position: { row: number; column: number };
  options: Record<string, unknown>;
}

export class FakeChartBuilder {
  private readonly record: ChartRecord = {
    type: '',
    ranges: [],
    position: { row: 1, column: 1 },
    options: {},
  };
  constructor(private readonly counter: CallCounter) {}
  setChartType(type: string): this {
    this.record.type = type;
    return this;
  }
  addRange(range: FakeRange): this {
    this.record.ranges.push(raw(range).getA1Notation());
    return this;
  }
  setPosition(row: number, column: number, _offsetX: number, _offsetY: number): this {
    this.record.position = { row, column };
    return this;
  }
  setOption(name: string, value: unknown): this {
    this.record.options[name] = value;
    return this;
  }
  build(): FakeChart {
    if (!this.record.type || !this.record.ranges.length) fail('The chart has no type or no data range.');
    return tracked(new FakeChart(structuredClone(this.record)), 'EmbeddedChart', this.counter);
  }
}

export class FakeChart {
  constructor(readonly record: ChartRecord) {}
  getType(): string {
    return this.record.type;
  }
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private grid<T>(read: (cell: Cell | undefined) => T): T[][] {
    const rows: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.numColumns; c++)
        line.push(read(this.sheet.peek(this.row + r, this.column + c)));
      rows.push(line);
    }
    return rows;
  }

  private write<T>(values: T[][], what: string, apply: (cell: Cell, value: T) => void): this {
    if (!Array.isArray(values) || values.length !== this.numRows) {
      fail(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values?.length} but the range has ${this.numRows}.`,
      );
    }
    values.forEach((line, r) => {
      if (!Array.isArray(line) || line.length !== this.numColumns) {
        fail(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line?.length} but the range has ${this.numColumns}.`,
        );
      }
      line.forEach((value, c) => apply(this.sheet.cell(this.row + r, this.column + c), value));
    });
    void what;
    return this;
  }

  private each(apply: (cell: Cell) => void): this {
    for (let r = 0; r < this.numRows; r++)
      for (let c = 0; c < this.numColumns; c++) apply(this.sheet.cell(this.row + r, this.column + c));
    return this;
  }

  getSheet(): FakeSheet {
    return this.sheet.view();
  }
  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numColumns;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }
  getA1Notation(): string {
    const from = columnLetters(this.column) + this.row;
    const to = columnLetters(this.column + this.numColumns - 1) + (this.row + this.numRows - 1);
    return from === to ? from : `${from}:${to}`;
  }

  getValues(): Value[][] {
    return this.grid((cell) => {
      const value = cell?.value ?? '';
      return isDate(value) ? new Date(value.getTime()) : value;
    });
  }
  getValue(): Value {
    return this.getValues()[0][0];
  }
  getDisplayValues(): string[][] {
    return this.grid((cell) => (cell ? renderValue(cell.value, cell.format, this.sheet.env.locale) : ''));
  }
  getFormulas(): string[][] {
    return this.grid((cell) => cell?.formula ?? '');
  }
  setValues(values: unknown[][]): this {
    return this.write(values, 'values', (cell, value) => this.sheet.enter(cell, value));
  }
  setValue(value: unknown): this {
    return this.each((cell) => this.sheet.enter(cell, value));
  }
  setFormulas(formulas: string[][]): this {
    return this.write(formulas, 'formulas', (cell, formula) => {
      cell.formula = formula;
      cell.link = null;
      cell.value = formulaResult(formula);
    });
  }
  /** Texts with their links; Sheets refuses anything but RichTextValues here, null included. */
  setRichTextValues(values: FakeRichTextValue[][]): this {
    return this.write(values, 'rich text', (cell, value) => {
      const rich = value === null || typeof value !== 'object' ? null : raw(value);
      if (!(rich instanceof FakeRichTextValue))
        fail('Invalid argument: setRichTextValues takes a RichTextValue in every cell.');
      cell.value = rich.text;
      cell.formula = '';
      cell.link = rich.link;
    });
  }
  /** null for a cell whose value is not text, as in Sheets. */
  getRichTextValues(): (FakeRichTextValue | null)[][] {
    return this.grid((cell) => {
      const value = cell?.value ?? '';
      if (typeof value !== 'string') return null;
      return tracked(
        new FakeRichTextValue(value, cell?.link ?? null),
        'RichTextValue',
        this.sheet.env.counter,
      );
    });
  }
  getRichTextValue(): FakeRichTextValue | null {
    return this.getRichTextValues()[0][0];
  }
  clearContent(): this {
    return this.each((cell) => {
      cell.value = '';
      cell.formula = '';
      cell.link = null;
    });
  }

  getBackgrounds(): string[][] {
    return this.grid((cell) => cell?.background ?? DEFAULT_BACKGROUND);
  }
  getBackground(): string {
    return this.getBackgrounds()[0][0];
  }
  setBackgrounds(colors: (string | null)[][]): this {
    return this.write(
      colors,
      'backgrounds',
      (cell, color) => (cell.background = color ?? DEFAULT_BACKGROUND),
    );
  }
  setBackground(color: string | null): this {
    return this.each((cell) => (cell.background = color ?? DEFAULT_BACKGROUND));
  }
  getNotes(): string[][] {
    return this.grid((cell) => cell?.note ?? '');
  }
  getNote(): string {
    return this.getNotes()[0][0];
  }
  setNotes(notes: (string | null)[][]): this {
    return this.write(notes, 'notes', (cell, note) => (cell.note = note ?? ''));
  }
  setNote(note: string | null): this {
    return this.each((cell) => (cell.note = note ?? ''));
  }
  getNumberFormats(): string[][] {
    return this.grid((cell) => cell?.format ?? DEFAULT_FORMAT);
  }
  setNumberFormat(format: string): this {
    return this.each((cell) => (cell.format = format));
  }
  setNumberFormats(formats: string[][]): this {
    return this.write(formats, 'formats', (cell, format) => (cell.format = format));
  }
  getFontWeights(): string[][] {
    return this.grid((cell) => cell?.weight ?? 'normal');
  }
  setFontWeight(weight: string | null): this {
    return this.each((cell) => (cell.weight = weight ?? 'normal'));
  }
  setFontWeights(weights: (string | null)[][]): this {
    return this.write(weights, 'weights', (cell, weight) => (cell.weight = weight ?? 'normal'));
  }
  setWrap(_wrap: boolean): this {
    return this;
  }
  setVerticalAlignment(_alignment: string): this {
    return this;
  }
  setHorizontalAlignment(_alignment: string): this {
    return this;
  }
  setDataValidation(rule: FakeDataValidation | null): this {
    const stored = rule ? raw(rule) : null;
    return this.each((cell) => (cell.validation = stored));
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.grid((cell) => cell?.validation ?? null);
  }
  getDataValidation(): FakeDataValidation | null {
    return this.getDataValidations()[0][0];
  }
  protect(): FakeProtection {
    const protection = tracked(
      new FakeProtection(
        this.sheet.rangeView(this.row, this.column, this.numRows, this.numColumns),
        this.sheet,
      ),
      'Protection',
      this.sheet.env.counter,
    );
    this.sheet.protections.push(protection);
    return protection;
  }
  activate(): this {
    this.sheet.spreadsheet.activeSheet = this.sheet;
    this.sheet.spreadsheet.activeRange = this.getA1Notation();
    return this;
  }
}

export class FakeSheet {
  cells: (Cell | undefined)[][] = [];
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  readonly widths = new Map<number, number>();
  protections: FakeProtection[] = [];
  charts: FakeChart[] = [];

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    readonly env: SheetEnv,
    public name: string,
    readonly id: number,
  ) {}

  view(): FakeSheet {
    return tracked(this, 'Sheet', this.env.counter);
  }
  rangeView(row: number, column: number, rows: number, columns: number): FakeRange {
    if (rows < 1 || columns < 1) fail('The number of rows and columns in the range must be at least 1.');
    if (row < 1 || column < 1 || row + rows - 1 > this.maxRows || column + columns - 1 > this.maxColumns) {
      fail('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return tracked(new FakeRange(this, row, column, rows, columns), 'Range', this.env.counter);
  }
  peek(row: number, column: number): Cell | undefined {
    return this.cells[row - 1]?.[column - 1];
  }
  cell(row: number, column: number): Cell {
    const line = (this.cells[row - 1] ??= []);
    return (line[column - 1] ??= emptyCell());
  }
  /** A value as setValue(s) stores it: formulas, "'" text, numbers and dates parsed unless the cell is '@'. */
  enter(cell: Cell, value: unknown): void {
    cell.formula = '';
    cell.link = null;
    if (value === null || value === undefined || value === '') cell.value = '';
    else if (typeof value === 'number' || typeof value === 'boolean') cell.value = value;
    else if (isDate(value)) cell.value = new Date(value.getTime());
    else if (typeof value === 'string') {
      if (cell.format === '@') cell.value = value;
      else if (value.startsWith('=')) {
        cell.formula = value;
        cell.value = formulaResult(value);
      } else cell.value = parseEntered(value, this.env.locale);
    } else cell.value = String(value);
  }

  getName(): string {
    return this.name;
  }
  setName(name: string): this {
    this.name = name;
    return this;
  }
  getSheetId(): number {
    return this.id;
  }
  getParent(): FakeSpreadsheet {
    return this.spreadsheet.view();
  }
  getLastRow(): number {
    for (let r = this.cells.length; r >= 1; r--) if ((this.cells[r - 1] ?? []).some(hasContent)) return r;
    return 0;
  }
  getLastColumn(): number {
    let last = 0;
    for (const line of this.cells) {
      if (!line) continue;
      for (let c = line.length; c > last; c--) if (hasContent(line[c - 1])) last = c;
    }
    return last;
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }
  getDataRange(): FakeRange {
    return this.rangeView(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  getRange(rowOrA1: number | string, column?: number, numRows = 1, numColumns = 1): FakeRange {
    if (typeof rowOrA1 === 'string') {
      const r = parseA1(rowOrA1);
      return this.rangeView(r.row, r.column, r.rows, r.columns);
    }
    return this.rangeView(rowOrA1, column ?? fail('Column is required.'), numRows, numColumns);
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.cells.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => []));
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    for (const line of this.cells)
      line?.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => undefined));
    this.maxColumns += howMany;
    return this;
  }
  deleteRows(position: number, howMany: number): void {
    this.cells.splice(position - 1, howMany);
    this.maxRows -= howMany;
  }
  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setColumnWidth(column: number, width: number): this {
    this.widths.set(column, width);
    return this;
  }
  setColumnWidths(start: number, count: number, width: number): this {
    for (let c = start; c < start + count; c++) this.widths.set(c, width);
    return this;
  }
  getColumnWidth(column: number): number {
    return this.widths.get(column) ?? 100;
  }
  getProtections(_type: string): FakeProtection[] {
    return [...this.protections];
  }
  newChart(): FakeChartBuilder {
    return tracked(new FakeChartBuilder(this.env.counter), 'EmbeddedChartBuilder', this.env.counter);
  }
  insertChart(chart: FakeChart): void {
    this.charts.push(raw(chart));
  }
  getCharts(): FakeChart[] {
    return this.charts.map((c) => tracked(c, 'EmbeddedChart', this.env.counter));
  }
  removeChart(chart: FakeChart): void {
    this.charts = this.charts.filter((c) => c !== raw(chart));
  }
  clear(): this {
    this.cells = [];
    return this;
  }
  activate(): this {
    this.spreadsheet.activeSheet = this;
    this.spreadsheet.activeRange = 'A1';
    return this;
  }
}

export class FakeSpreadsheet {
  sheets: FakeSheet[] = [];
  activeSheet: FakeSheet | null = null;
  activeRange: string | null = null;
  private nextId = 0;

  constructor(readonly env: SheetEnv) {}

  view(): FakeSpreadsheet {
    return tracked(this, 'Spreadsheet', this.env.counter);
  }

  /** Test set-up (not counted): a sheet holding these values. */
  addSheetWithValues(name: string, rows: unknown[][]): FakeSheet {
    const sheet = new FakeSheet(this, this.env, name, this.nextId === 0 ? 0 : 100000 + this.nextId * 7919);
    this.nextId++;
    sheet.maxRows = Math.max(1000, rows.length);
    sheet.maxColumns = Math.max(26, ...rows.map((r) => r.length));
    rows.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value === '' || value === null || value === undefined) return;
        const cell = sheet.cell(r + 1, c + 1);
        cell.value = isDate(value) ? new Date((value as Date).getTime()) : (value as Value);
      }),
    );
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const found = this.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }

  getId(): string {
    return 'fake-spreadsheet-id';
  }
  getName(): string {
    return 'Bảng tính thử';
  }
  getSpreadsheetLocale(): string {
    return this.env.locale;
  }
  getSpreadsheetTimeZone(): string {
    return this.env.timeZone;
  }
  getSheets(): FakeSheet[] {
    return this.sheets.map((s) => s.view());
  }
  getSheetByName(name: string): FakeSheet | null {
    const found = this.sheets.find((s) => s.name === name);
    return found ? found.view() : null;
  }
  getSheetById(id: number): FakeSheet | null {
    const found = this.sheets.find((s) => s.id === id);
    return found ? found.view() : null;
  }
  insertSheet(name: string): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(this, this.env, name, 100000 + this.nextId++ * 7919);
    this.sheets.push(sheet);
    this.activeSheet = sheet;
    this.activeRange = 'A1';
    return sheet.view();
  }
  deleteSheet(sheet: FakeSheet): void {
    this.sheets = this.sheets.filter((s) => s !== raw(sheet));
  }
  getActiveSheet(): FakeSheet {
    return (this.activeSheet ?? this.sheets[0]).view();
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.activeSheet = raw(sheet);
    return sheet;
  }
  toast(message: string, title = '', _timeoutSeconds?: number): void {
    this.env.toasts.push({ message, title });
  }
}
