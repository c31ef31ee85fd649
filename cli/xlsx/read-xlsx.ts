// A lean .xlsx reader: unzips only the parts that hold values (workbook, relationships, styles, shared
// strings, worksheets) and streams each part's bytes through an XML reader into plain grids, the shape
// Sheets' getValues() gives. No object model of the workbook is built, and no cell's text is a piece of a
// larger string: what a caller keeps of a workbook (a unit's name in its summary) keeps nothing else alive.
import type { CellValue, SheetData, WorkbookData } from '../../core';
import { isDateFormat, serialToDate } from './number-formats';
import { asciiInteger, byteIn, parseXml, xmlText } from './xml-events';
import { zipEntries, zipEntryContent, type ZipEntry } from './zip-parts';

const WANTED =
  /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|styles\.xml|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/i;

interface SheetEntry {
  name: string;
  path: string;
}

const EMPTY = Buffer.alloc(0);

export function readXlsxBytes(bytes: Uint8Array): WorkbookData {
  const file = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = new Map<string, ZipEntry>();
  for (const entry of zipEntries(file)) if (WANTED.test(entry.name)) entries.set(entry.name, entry);
  /** A part by its path, whatever the case of its name in the package; inflated when it is read. */
  const part = (path: string): Buffer | null => {
    const lower = path.toLowerCase();
    const entry = entries.get(path) ?? [...entries.values()].find((e) => e.name.toLowerCase() === lower);
    return entry ? zipEntryContent(file, entry) : null;
  };
  const workbookXml = part('xl/workbook.xml');
  if (workbookXml === null) throw new Error('xl/workbook.xml is missing');
  const { sheets, date1904 } = readWorkbookPart(
    workbookXml,
    readRelationships(part('xl/_rels/workbook.xml.rels') ?? EMPTY),
  );
  const strings = readSharedStrings(part('xl/sharedStrings.xml') ?? EMPTY);
  const dateStyles = readDateStyles(part('xl/styles.xml') ?? EMPTY);
  return {
    sheets: sheets.map((sheet) => ({
      name: sheet.name,
      rows: readSheet(part(sheet.path) ?? EMPTY, strings, dateStyles, date1904),
    })),
  };
}

function readRelationships(xml: Buffer): Map<string, string> {
  const targets = new Map<string, string>();
  parseXml(xml, {
    open(name, a) {
      if (name !== 'Relationship') return;
      const id = a.get('Id');
      const given = a.get('Target');
      if (!id || !given) return;
      const target = given.replace(/\\/g, '/');
      targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    },
  });
  return targets;
}

function readWorkbookPart(
  xml: Buffer,
  relationships: Map<string, string>,
): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parseXml(xml, {
    open(name, a) {
      if (name === 'workbookPr') {
        const flag = a.get('date1904');
        date1904 = flag === '1' || flag === 'true';
      }
      if (name !== 'sheet') return;
      const id = a.getLocal('id');
      const path = id ? relationships.get(id) : undefined;
      if (path) sheets.push({ name: a.get('name') ?? '', path: normalisePath(path) });
    },
  });
  return { sheets, date1904 };
}

/** "xl/worksheets/../worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml". */
function normalisePath(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

/** Each shared string as displayed: rich text runs joined, phonetic guides left out. */
function readSharedStrings(xml: Buffer): string[] {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  parseXml(xml, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') inText = phonetic === 0;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 'si') strings.push(current);
      else if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
    },
    text(start, end, cdata) {
      if (inText) current += xmlText(xml, start, end, cdata);
    },
  });
  return strings;
}

/** For each cell style (index in cellXfs), whether it shows numbers as dates. */
function readDateStyles(xml: Buffer): boolean[] {
  const customCodes = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  parseXml(xml, {
    open(name, a) {
      if (name === 'numFmt') customCodes.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formatIds.push(Number(a.get('numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formatIds.map((id) => isDateFormat(id, customCodes));
}

/** Column index (0-based) of a cell reference such as "AB12", read from the part's bytes. */
function columnOf(bytes: Buffer, start: number, end: number): number {
  const reference = byteIn(bytes, 0x26, start, end) >= 0 ? xmlText(bytes, start, end, false) : null;
  let n = 0;
  for (let i = 0; i < end - start; i++) {
    const code = reference === null ? bytes[start + i] : reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

function readSheet(
  xml: Buffer,
  strings: string[],
  dateStyles: boolean[],
  date1904: boolean,
): SheetData['rows'] {
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let rowIndex = -1;
  let column = -1;
  let type = 'n';
  let style = 0;
  // A cell's value is one piece of text nearly always: kept as a range of bytes, a string only when needed.
  let valueStart = 0;
  let valueEnd = 0;
  let valuePieces: string | null = null;
  let inline = '';
  let capture: 'v' | 't' | null = null;
  parseXml(xml, {
    open(name, a) {
      if (name === 'row') {
        const r = a.integer('r');
        rowIndex = r !== undefined ? r - 1 : rowIndex + 1;
        row = [];
        column = -1;
      } else if (name === 'c') {
        const r = a.range('r');
        column = r && r[1] > r[0] ? columnOf(xml, r[0], r[1]) : column + 1;
        type = a.token('t') ?? 'n';
        style = a.integer('s') ?? 0;
        valueStart = valueEnd = 0;
        valuePieces = null;
        inline = '';
      } else if (name === 'v') {
        capture = 'v';
      } else if (name === 't' && type === 'inlineStr') {
        capture = 't';
      }
    },
    close(name) {
      if (name === 'v' || name === 't') capture = null;
      else if (name === 'c') row[column] = cellValue(dateStyles[style] ?? false);
      else if (name === 'row') {
        for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = '';
        rows[rowIndex] = row;
      }
    },
    text(start, end, cdata) {
      if (capture === 't') inline += xmlText(xml, start, end, cdata);
      else if (capture === 'v') {
        if (valuePieces === null && valueEnd === valueStart && !cdata) {
          valueStart = start;
          valueEnd = end;
        } else valuePieces = rawValue() + xmlText(xml, start, end, cdata);
      }
    },
  });
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return rows;

  function rawValue(): string {
    return valuePieces ?? xmlText(xml, valueStart, valueEnd, false);
  }

  /** The number the value's text gives (as Number() reads it), digits read straight from the bytes. */
  function numericValue(): number {
    if (valuePieces === null) {
      const n = asciiInteger(xml, valueStart, valueEnd);
      if (!Number.isNaN(n)) return n;
    }
    return Number(rawValue());
  }

  function cellValue(isDate: boolean): CellValue {
    const empty = valuePieces === null ? valueEnd === valueStart : valuePieces === '';
    switch (type) {
      case 's':
        return strings[numericValue()] ?? '';
      case 'inlineStr':
        return inline;
      case 'str':
      case 'e':
        return rawValue();
      case 'b': {
        if (empty) return '';
        const raw = rawValue();
        return raw === '1' || raw === 'true';
      }
      case 'd':
        return empty ? '' : new Date(rawValue());
      default: {
        if (empty) return '';
        const number = numericValue();
        return isDate ? serialToDate(number, date1904) : number;
      }
    }
  }
}
