import { FakeTextStyle } from './text-style';
import { columnIndex } from '../../core';
import { parseEntered, renderValue } from './number-format';
import { CallCounter, raw, tracked } from './counter';
import { evaluateFormula } from './formula';
import { FakeRichTextValue } from './rich-text';
import { instantOfWallClock, wallClockOf } from './time-zone';

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
  style: CellStyle;
}

/** What the report writer sets besides values: font, alignment, wrapping, borders. */
export interface CellStyle {
  family: string;
  size: number;
  /** 'normal' | 'italic' */
  fontStyle: string;
  /** 'none' | 'underline' | 'line-through' */
  line: string;
  /** 'general' until set; then 'left' | 'center' | 'right' (what getHorizontalAlignment returns). */
  align: string;
  /** Whether long text wraps onto new lines (wrapStrategy 'WRAP'). */
  wrap: boolean;
  /**
   * 'OVERFLOW' (a new cell's: text runs on over empty neighbours), 'WRAP' or 'CLIP'. Range.setWrap(false)
   * is documented only as "display as much as possible in the cell without resizing or running to multiple
   * lines": the host takes the stricter reading, CLIP; only setWrapStrategies(OVERFLOW) makes text run on.
   */
  wrapStrategy: string;
  border: { top: boolean; left: boolean; bottom: boolean; right: boolean };
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
    style: {
      family: 'Arial',
      size: 10,
      fontStyle: 'normal',
      line: 'none',
      align: 'general',
      wrap: false,
      wrapStrategy: 'OVERFLOW',
      border: { top: false, left: false, bottom: false, right: false },
    },
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
  /** The spreadsheet's time zone (File > Settings), which may differ from the script's. */
  timeZone: string;
  toasts: { message: string; title: string }[];
  /** Who runs the script: protections refuse writes from anyone not among their editors. */
  userEmail: string;
}

const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

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

/**
 * A protected range (or sheet, when `range` is null). Its editors may change its cells; anyone else's
 * write throws, unless it only warns (a warning the fake cannot show: the write goes through).
 */
export class FakeProtection {
  description = '';
  warningOnly = false;
  readonly editors: Set<string>;
  constructor(
    readonly range: FakeRange | null,
    readonly sheet: FakeSheet,
    editors: string[],
  ) {
    this.editors = new Set(editors.map((e) => e.toLowerCase()));
  }
  covers(row: number, column: number, rows: number, columns: number): boolean {
    if (!this.range) return true;
    const r = raw(this.range);
    return (
      row < r.row + r.numRows &&
      r.row < row + rows &&
      column < r.column + r.numColumns &&
      r.column < column + columns
    );
  }
  refuses(email: string): boolean {
    return !this.warningOnly && !this.editors.has(email.toLowerCase());
  }
  canEdit(): boolean {
    return !this.refuses(this.sheet.env.userEmail);
  }
  getEditors(): { getEmail(): string }[] {
    return [...this.editors].map((email) => ({ getEmail: () => email }));
  }
  addEditor(email: string): this {
    this.editors.add(email.toLowerCase());
    return this;
  }
  removeEditor(email: string): this {
    this.editors.delete(email.toLowerCase());
    return this;
  }
  getProtectionType(): string {
    return this.range ? 'RANGE' : 'SHEET';
  }
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
    return this.range ?? this.sheet.rangeView(1, 1, this.sheet.maxRows, this.sheet.maxColumns);
  }
  remove(): void {
    if (!this.canEdit()) fail(PROTECTED_MESSAGE);
    this.sheet.protections = this.sheet.protections.filter((p) => raw(p) !== this);
  }
}

export interface ChartRecord {
  type: string;
  /** The data ranges, each with its sheet, as the builder received them (no duplicates). */
  ranges: FakeRange[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

const CHART_TYPES = new Set([
  'AREA',
  'BAR',
  'COLUMN',
  'COMBO',
  'HISTOGRAM',
  'LINE',
  'PIE',
  'SCATTER',
  'TABLE',
]);

function isWhole(n: unknown, least: number): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= least;
}

/**
 * Sheet.newChart(): a chart of data ranges anchored to a cell. Like Sheets, it refuses an unknown chart
 * type, an anchor that is not a 1-based cell, a chart with no data; addRange ignores a range already added.
 * It cannot draw the chart: a test reads the data through `data()` instead.
 */
export class FakeChartBuilder {
  private readonly record: ChartRecord = {
    type: '',
    ranges: [],
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    options: {},
  };
  /**
   * `from`: the chart EmbeddedChart.modify() edits; what build() returns then replaces it through
   * Sheet.updateChart, and only there.
   */
  constructor(
    private readonly counter: CallCounter,
    private readonly from: FakeChart | null = null,
  ) {
    if (from)
      this.record = {
        ...from.record,
        ranges: [...from.record.ranges],
        position: { ...from.record.position },
        options: { ...from.record.options },
      };
  }
  setChartType(type: string): this {
    if (!CHART_TYPES.has(type)) fail(`Invalid argument: type`);
    this.record.type = type;
    return this;
  }
  getChartType(): string {
    return this.record.type;
  }
  addRange(range: FakeRange): this {
    const added = raw(range);
    const a1 = added.getA1Notation();
    if (!this.record.ranges.some((r) => r.sheet === added.sheet && r.getA1Notation() === a1))
      this.record.ranges.push(added);
    return this;
  }
  removeRange(range: FakeRange): this {
    const removed = raw(range);
    this.record.ranges = this.record.ranges.filter(
      (r) => !(r.sheet === removed.sheet && r.getA1Notation() === removed.getA1Notation()),
    );
    return this;
  }
  clearRanges(): this {
    this.record.ranges = [];
    return this;
  }
  getRanges(): FakeRange[] {
    return [...this.record.ranges];
  }
  setPosition(row: number, column: number, offsetX: number, offsetY: number): this {
    if (!isWhole(row, 1) || !isWhole(column, 1) || !isWhole(offsetX, 0) || !isWhole(offsetY, 0))
      fail('Invalid argument: the anchor is a 1-based row and column, the offsets whole pixels.');
    this.record.position = { row, column, offsetX, offsetY };
    return this;
  }
  setOption(name: string, value: unknown): this {
    if (typeof name !== 'string' || !name) fail('Invalid argument: option');
    this.record.options[name] = value;
    return this;
  }
  build(): FakeChart {
    if (!this.record.type || !this.record.ranges.length) fail('The chart has no type or no data range.');
    return tracked(
      new FakeChart(
        { ...this.record, ranges: [...this.record.ranges], options: { ...this.record.options } },
        this.counter,
        this.from,
      ),
      'EmbeddedChart',
      this.counter,
    );
  }
}

export class FakeChart {
  constructor(
    readonly record: ChartRecord,
    private readonly counter: CallCounter,
    /** The chart this one was modified from (EmbeddedChart.modify), which updateChart replaces. */
    readonly replaces: FakeChart | null = null,
  ) {}
  /**
   * A builder holding this chart's type, ranges, position and options; Sheet.updateChart(built) saves the
   * changes ("Invoke sheet.updateChart(chart) to save changes", EmbeddedChart.modify in Google's reference).
   */
  modify(): FakeChartBuilder {
    return tracked(new FakeChartBuilder(this.counter, this), 'EmbeddedChartBuilder', this.counter);
  }
  getType(): string {
    return this.record.type;
  }
  getRanges(): FakeRange[] {
    return [...this.record.ranges];
  }
  getOptions(): { get(name: string): unknown } {
    return { get: (name: string) => this.record.options[name] ?? null };
  }
  getContainerInfo(): {
    getAnchorRow(): number;
    getAnchorColumn(): number;
    getOffsetX(): number;
    getOffsetY(): number;
  } {
    const p = this.record.position;
    return {
      getAnchorRow: () => p.row,
      getAnchorColumn: () => p.column,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }
  /** Test helper (not in the API): the values of each data range, as the chart would read them now. */
  data(): Value[][][] {
    return this.record.ranges.map((r) => raw(r).getValues());
  }
}

interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

function areaOf(a: Area | FakeRange): Area {
  return a instanceof FakeRange
    ? { row: a.row, column: a.column, rows: a.numRows, columns: a.numColumns }
    : a;
}

function overlaps(x: Area | FakeRange, y: Area | FakeRange): boolean {
  const a = areaOf(x);
  const b = areaOf(y);
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}

function contains(outer: Area | FakeRange, inner: Area | FakeRange): boolean {
  const a = areaOf(outer);
  const b = areaOf(inner);
  return (
    b.row >= a.row &&
    b.column >= a.column &&
    b.row + b.rows <= a.row + a.rows &&
    b.column + b.columns <= a.column + a.columns
  );
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
    this.sheet.checkEditable(this.row, this.column, this.numRows, this.numColumns);
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
    this.sheet.checkEditable(this.row, this.column, this.numRows, this.numColumns);
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

  /** Dates come back as midnight (their time of day) in the spreadsheet's time zone. */
  getValues(): Value[][] {
    return this.grid((cell) => {
      const value = cell?.value ?? '';
      return isDate(value) ? instantOfWallClock(value, this.sheet.env.timeZone) : value;
    });
  }
  getValue(): Value {
    return this.getValues()[0][0];
  }
  getDisplayValues(): string[][] {
    return this.grid((cell) => (cell ? renderValue(cell.value, cell.format, this.sheet.env.locale) : ''));
  }
  getDisplayValue(): string {
    return this.getDisplayValues()[0][0];
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
  setFormula(formula: string): this {
    return this.each((cell) => this.sheet.enter(cell, formula));
  }
  /** A formula into a plain-text ('@') cell stays text, as typed into one (the stricter reading). */
  setFormulas(formulas: string[][]): this {
    return this.write(formulas, 'formulas', (cell, formula) => this.sheet.enter(cell, formula));
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
  setFontFamily(family: string): this {
    return this.each((cell) => (cell.style.family = family));
  }
  setFontSize(size: number): this {
    return this.each((cell) => (cell.style.size = size));
  }
  /** Range.setTextStyles: one built TextStyle per cell; its unset properties leave the cell's as they are. */
  setTextStyles(styles: FakeTextStyle[][]): this {
    return this.write(styles, 'text styles', (cell, style) => {
      if (!(style instanceof FakeTextStyle)) fail('Invalid argument: styles (TextStyle[][])');
      if (style.family !== null) cell.style.family = style.family;
      if (style.size !== null) cell.style.size = style.size;
      if (style.bold !== null) cell.weight = style.bold ? 'bold' : 'normal';
      if (style.italic !== null) cell.style.fontStyle = style.italic ? 'italic' : 'normal';
      if (style.underline !== null) cell.style.line = style.underline ? 'underline' : 'none';
    });
  }
  setFontSizes(sizes: number[][]): this {
    return this.write(sizes, 'font sizes', (cell, size) => {
      if (!isWhole(size, 1)) fail('Invalid argument: font size');
      cell.style.size = size;
    });
  }
  getFontSizes(): number[][] {
    return this.grid((cell) => cell?.style.size ?? 10);
  }
  getFontFamilies(): string[][] {
    return this.grid((cell) => cell?.style.family ?? 'Arial');
  }
  setFontStyles(styles: (string | null)[][]): this {
    return this.write(styles, 'font styles', (cell, style) => {
      if (style !== null && style !== 'normal' && style !== 'italic') fail(`Invalid argument: ${style}`);
      cell.style.fontStyle = style ?? 'normal';
    });
  }
  getFontStyles(): string[][] {
    return this.grid((cell) => cell?.style.fontStyle ?? 'normal');
  }
  setFontLines(lines: (string | null)[][]): this {
    return this.write(lines, 'font lines', (cell, line) => {
      if (line !== null && !['none', 'underline', 'line-through'].includes(line))
        fail(`Invalid argument: ${line}`);
      cell.style.line = line ?? 'none';
    });
  }
  getFontLines(): string[][] {
    return this.grid((cell) => cell?.style.line ?? 'none');
  }
  setHorizontalAlignments(alignments: (string | null)[][]): this {
    return this.write(alignments, 'alignments', (cell, align) => {
      if (align !== null && !['left', 'center', 'right', 'normal'].includes(align))
        fail(`Invalid argument: ${align}`);
      cell.style.align = align === null || align === 'normal' ? 'general' : align;
    });
  }
  getHorizontalAlignments(): string[][] {
    return this.grid((cell) => cell?.style.align ?? 'general');
  }
  setWraps(wraps: boolean[][]): this {
    return this.write(wraps, 'wraps', (cell, wrap) => {
      cell.style.wrap = !!wrap;
      cell.style.wrapStrategy = wrap ? 'WRAP' : 'CLIP';
    });
  }
  getWraps(): boolean[][] {
    return this.grid((cell) => cell?.style.wrap ?? false);
  }
  /** One of SpreadsheetApp.WrapStrategy (WRAP, OVERFLOW, CLIP) per cell; anything else is refused. */
  setWrapStrategies(strategies: string[][]): this {
    return this.write(strategies, 'wrap strategies', (cell, strategy) => {
      if (!['WRAP', 'OVERFLOW', 'CLIP'].includes(strategy)) fail(`Invalid argument: ${strategy}`);
      cell.style.wrapStrategy = strategy;
      cell.style.wrap = strategy === 'WRAP';
    });
  }
  getWrapStrategies(): string[][] {
    return this.grid((cell) => cell?.style.wrapStrategy ?? 'OVERFLOW');
  }
  /**
   * top, left, bottom, right, vertical (inner), horizontal (inner): true sets, false clears, null leaves
   * as it is; all six are required, as in Sheets.
   */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
  ): this {
    const sides = [top, left, bottom, right, vertical, horizontal];
    if (sides.length !== 6 || sides.some((s) => s !== null && typeof s !== 'boolean'))
      fail('Invalid argument: setBorder takes six booleans or nulls.');
    const lastRow = this.row + this.numRows - 1;
    const lastColumn = this.column + this.numColumns - 1;
    return this.eachAt((cell, row, column) => {
      const set = (edge: keyof CellStyle['border'], value: boolean | null) => {
        if (value !== null) cell.style.border[edge] = value;
      };
      set('top', row === this.row ? top : horizontal);
      set('bottom', row === lastRow ? bottom : horizontal);
      set('left', column === this.column ? left : vertical);
      set('right', column === lastColumn ? right : vertical);
    });
  }
  /** Test helper (not in the API): the four edges of each cell. */
  borders(): CellStyle['border'][][] {
    return this.grid((cell) => ({ ...(cell?.style.border ?? emptyCell().style.border) }));
  }
  /** Merges the range; like Sheets, refuses one that cuts through a merge, and keeps only the top-left value. */
  merge(): this {
    const overlapping = this.sheet.merges.filter((m) => overlaps(m, this));
    if (overlapping.some((m) => !contains(this, m)))
      fail('You must select all cells in a merged range to merge or unmerge them.');
    this.sheet.merges = this.sheet.merges.filter((m) => !overlapping.includes(m));
    this.eachAt((cell, row, column) => {
      if (row !== this.row || column !== this.column) {
        cell.value = '';
        cell.formula = '';
      }
    });
    this.sheet.merges.push({
      row: this.row,
      column: this.column,
      rows: this.numRows,
      columns: this.numColumns,
    });
    return this;
  }
  /** Merges each row of the range across its columns, as one merge per row. */
  mergeAcross(): this {
    for (let r = 0; r < this.numRows; r++)
      raw(this.sheet.rangeView(this.row + r, this.column, 1, this.numColumns)).merge();
    return this;
  }
  /** Undoes every merge inside the range; like Sheets, refuses one that only partly lies in it. */
  breakApart(): this {
    const overlapping = this.sheet.merges.filter((m) => overlaps(m, this));
    if (overlapping.some((m) => !contains(this, m)))
      fail('You must select all cells in a merged range to merge or unmerge them.');
    this.each(() => undefined);
    this.sheet.merges = this.sheet.merges.filter((m) => !overlapping.includes(m));
    return this;
  }
  getMergedRanges(): FakeRange[] {
    return this.sheet.merges
      .filter((m) => overlaps(m, this))
      .map((m) => this.sheet.rangeView(m.row, m.column, m.rows, m.columns));
  }
  private eachAt(apply: (cell: Cell, row: number, column: number) => void): this {
    this.each(() => undefined);
    for (let r = 0; r < this.numRows; r++)
      for (let c = 0; c < this.numColumns; c++)
        apply(this.sheet.cell(this.row + r, this.column + c), this.row + r, this.column + c);
    return this;
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
  /** The same for every cell of the range as setWraps. */
  setWrap(wrap: boolean): this {
    return this.each((cell) => {
      cell.style.wrap = !!wrap;
      cell.style.wrapStrategy = wrap ? 'WRAP' : 'CLIP';
    });
  }
  setVerticalAlignment(_alignment: string): this {
    return this.each(() => undefined);
  }
  setHorizontalAlignment(_alignment: string): this {
    return this.each(() => undefined);
  }
  setDataValidation(rule: FakeDataValidation | null): this {
    const stored = rule ? raw(rule) : null;
    return this.each((cell) => (cell.validation = stored));
  }
  /** One rule (or null) per cell; Sheets refuses anything else in the grid. */
  setDataValidations(rules: (FakeDataValidation | null)[][]): this {
    return this.write(rules, 'validations', (cell, rule) => {
      const stored = rule === null ? null : raw(rule);
      if (stored !== null && !(stored instanceof FakeDataValidation))
        fail('Invalid argument: setDataValidations takes a DataValidation or null in every cell.');
      cell.validation = stored;
    });
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.grid((cell) => cell?.validation ?? null);
  }
  getDataValidation(): FakeDataValidation | null {
    return this.getDataValidations()[0][0];
  }
  /** The user running the script becomes the protection's editor. */
  protect(): FakeProtection {
    return this.sheet.addProtection(
      this.sheet.rangeView(this.row, this.column, this.numRows, this.numColumns),
      [this.sheet.env.userEmail],
    );
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
  merges: Area[] = [];
  readonly heights = new Map<number, number>();

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
  /** Where a click on the cell leads: its rich-text link or its HYPERLINK's target, else null. */
  linkAt(row: number, column: number): string | null {
    const cell = this.peek(row, column);
    if (!cell) return null;
    return cell.formula ? evaluateFormula(cell.formula, this.env.locale).link : cell.link;
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
    else if (isDate(value)) cell.value = wallClockOf(value, this.env.timeZone);
    else if (typeof value === 'string') {
      if (cell.format === '@') cell.value = value;
      else if (value.startsWith('=')) {
        cell.formula = value;
        cell.value = evaluateFormula(value, this.env.locale).value;
      } else cell.value = parseEntered(value, this.env.locale);
    } else cell.value = String(value);
  }

  /** Throws as Sheets does when a protection the user is not an editor of covers part of the block. */
  checkEditable(row: number, column: number, rows: number, columns: number): void {
    const email = this.env.userEmail;
    for (const protection of this.protections) {
      const p = raw(protection);
      if (p.covers(row, column, rows, columns) && p.refuses(email)) fail(PROTECTED_MESSAGE);
    }
  }
  /** A protection of a range (or of the whole sheet, `range` null) whose editors are `editors`. */
  addProtection(range: FakeRange | null, editors: string[]): FakeProtection {
    const protection = tracked(new FakeProtection(range, this, editors), 'Protection', this.env.counter);
    this.protections.push(protection);
    return protection;
  }

  getName(): string {
    return this.name;
  }
  setName(name: string): this {
    this.spreadsheet.checkNewName(name, this);
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
    if (position < 1 || howMany < 1 || position + howMany - 1 > this.maxRows)
      fail('Those rows are out of bounds.');
    if (this.maxRows - howMany <= this.frozenRows)
      fail('Sorry, it is not possible to delete all non-frozen rows.');
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
  setRowHeight(row: number, height: number): this {
    if (!isWhole(row, 1) || row > this.maxRows || !isWhole(height, 1)) fail('Invalid argument: row height');
    this.heights.set(row, height);
    return this;
  }
  setRowHeights(start: number, count: number, height: number): this {
    for (let r = start; r < start + count; r++) this.setRowHeight(r, height);
    return this;
  }
  getRowHeight(row: number): number {
    return this.heights.get(row) ?? 21;
  }
  getColumnWidth(column: number): number {
    return this.widths.get(column) ?? 100;
  }
  getProtections(type: string): FakeProtection[] {
    return this.protections.filter((p) => raw(p).getProtectionType() === type);
  }
  protect(): FakeProtection {
    return this.addProtection(null, [this.env.userEmail]);
  }
  getRangeList(a1Notations: string[]): FakeRangeList {
    if (!Array.isArray(a1Notations) || a1Notations.length === 0)
      fail('Invalid argument: a1Notations (a non-empty array)');
    return tracked(
      new FakeRangeList(a1Notations.map((a1) => raw(this.getRange(a1)))),
      'RangeList',
      this.env.counter,
    );
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
  /**
   * Saves a chart built from EmbeddedChart.modify() in place of the one it was modified from, which must be
   * on this sheet; a chart built by newChart() (or one already replaced) is refused, as nothing on the sheet
   * is its original.
   */
  updateChart(chart: FakeChart): void {
    const updated = raw(chart);
    const at = updated.replaces ? this.charts.indexOf(updated.replaces) : -1;
    if (at < 0) fail('Invalid argument: chart (it is not a chart of this sheet)');
    this.charts[at] = updated;
  }
  /** The sheet's 1-based position among the sheets. */
  getIndex(): number {
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }
  /** Like Sheets' clear() (contents and formats), as far as the fake knows it leaves merges: breakApart() them. */
  clear(): this {
    this.checkEditable(1, 1, this.maxRows, this.maxColumns);
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
    this.checkNewName(name, null);
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

  /** Sheet names are unique without regard to case, as in Sheets. */
  checkNewName(name: string, renamed: FakeSheet | null): void {
    if (typeof name !== 'string' || name.trim() === '') fail('Invalid argument: name');
    if (this.sheets.some((s) => s !== renamed && s.name.toLowerCase() === name.toLowerCase())) {
      fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
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
  /** A locale code such as "vi_VN" or "en_US"; Sheets refuses anything else. */
  setSpreadsheetLocale(locale: string): void {
    if (typeof locale !== 'string' || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale))
      fail('Invalid argument: locale');
    this.env.locale = locale;
  }
  /** Moves the active sheet to a 1-based position among the sheets. */
  moveActiveSheet(position: number): void {
    if (!isWhole(position, 1) || position > this.sheets.length) fail('Invalid argument: pos');
    const active = this.activeSheet ?? this.sheets[0];
    this.sheets = this.sheets.filter((s) => s !== active);
    this.sheets.splice(position - 1, 0, active);
  }
  getSpreadsheetTimeZone(): string {
    return this.env.timeZone;
  }
  getSheets(): FakeSheet[] {
    return this.sheets.map((s) => s.view());
  }
  /** Matches the name without regard to case, as Sheets does (names are unique that way). */
  getSheetByName(name: string): FakeSheet | null {
    const wanted = String(name).toLowerCase();
    const found = this.sheets.find((s) => s.name.toLowerCase() === wanted);
    return found ? found.view() : null;
  }
  getSheetById(id: number): FakeSheet | null {
    const found = this.sheets.find((s) => s.id === id);
    return found ? found.view() : null;
  }
  /**
   * insertSheet(sheetName[, sheetIndex]): the new sheet at the 0-based index (0: first), else last; "The new
   * sheet becomes the active sheet" (Spreadsheet.insertSheet in Google's reference, every form). An index
   * that is not a whole number from 0 to the number of sheets is refused.
   */
  insertSheet(name: string, index?: number): FakeSheet {
    this.checkNewName(name, null);
    if (index !== undefined && (!isWhole(index, 0) || index > this.sheets.length))
      fail('Invalid argument: sheetIndex');
    const sheet = new FakeSheet(this, this.env, name, 100000 + this.nextId++ * 7919);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    this.activeSheet = sheet;
    this.activeRange = 'A1';
    return sheet.view();
  }
  deleteSheet(sheet: FakeSheet): void {
    const target = raw(sheet);
    target.checkEditable(1, 1, target.maxRows, target.maxColumns);
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

/**
 * Sheet.getRangeList: one format or note applied to many ranges in one call. Each range is checked
 * against the protections as a write of its own.
 */
export class FakeRangeList {
  constructor(readonly ranges: FakeRange[]) {}
  getRanges(): FakeRange[] {
    return this.ranges.map((r) => r.sheet.rangeView(r.row, r.column, r.numRows, r.numColumns));
  }
  private each(apply: (range: FakeRange) => void): this {
    for (const range of this.ranges)
      range.sheet.checkEditable(range.row, range.column, range.numRows, range.numColumns);
    for (const range of this.ranges) apply(range);
    return this;
  }
  setBackground(color: string | null): this {
    return this.each((range) => range.setBackground(color));
  }
  setNote(note: string | null): this {
    return this.each((range) => range.setNote(note));
  }
  clearNote(): this {
    return this.each((range) => range.setNote(null));
  }
  setValue(value: unknown): this {
    return this.each((range) => range.setValue(value));
  }
  setFontWeight(weight: string | null): this {
    return this.each((range) => range.setFontWeight(weight));
  }
  setNumberFormat(format: string): this {
    return this.each((range) => range.setNumberFormat(format));
  }
  /** The six-boolean form of Range.setBorder on every range (the colour and style form is not modelled). */
  setBorder(...sides: Parameters<FakeRange['setBorder']>): this {
    return this.each((range) => range.setBorder(...sides));
  }
  /** Like Range.breakApart on every range: refuses a merge that only partly lies in one of them. */
  breakApart(): this {
    for (const range of this.ranges)
      for (const m of range.sheet.merges)
        if (overlaps(m, range) && !contains(range, m))
          fail('You must select all cells in a merged range to merge or unmerge them.');
    return this.each((range) => range.breakApart());
  }
}
