// A lean .xlsx reader: unzips only the parts that hold values (workbook, relationships, styles, shared
// strings, worksheets) and streams each through an XML parser into plain grids, the shape Sheets'
// getValues() gives. No object model of the workbook is built.
import { strFromU8, unzipSync } from 'fflate';
import type { CellValue, SheetData, WorkbookData } from '../../core';
import { isDateFormat, serialToDate } from './number-formats';
import { parseXml } from './xml-events';

const WANTED =
  /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|styles\.xml|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/i;

interface SheetEntry {
  name: string;
  path: string;
}

export function readXlsxBytes(bytes: Uint8Array): WorkbookData {
  const parts = unzipSync(bytes, { filter: (file) => WANTED.test(file.name) });
  const part = (path: string): string | null => {
    const found =
      parts[path] ?? parts[Object.keys(parts).find((p) => p.toLowerCase() === path.toLowerCase()) ?? ''];
    return found ? strFromU8(found) : null;
  };
  const workbookXml = part('xl/workbook.xml');
  if (workbookXml === null) throw new Error('xl/workbook.xml is missing');
  const { sheets, date1904 } = readWorkbookPart(
    workbookXml,
    readRelationships(part('xl/_rels/workbook.xml.rels') ?? ''),
  );
  const strings = readSharedStrings(part('xl/sharedStrings.xml') ?? '');
  const dateStyles = readDateStyles(part('xl/styles.xml') ?? '');
  return {
    sheets: sheets.map((sheet) => ({
      name: sheet.name,
      rows: readSheet(part(sheet.path) ?? '', strings, dateStyles, date1904),
    })),
  };
}

function readRelationships(xml: string): Map<string, string> {
  const targets = new Map<string, string>();
  if (!xml) return targets;
  parseXml(xml, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target) return;
      const target = a.Target.replace(/\\/g, '/');
      targets.set(a.Id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    },
  });
  return targets;
}

function readWorkbookPart(
  xml: string,
  relationships: Map<string, string>,
): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parseXml(xml, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      const id = Object.entries(a).find(([key]) => key === 'r:id' || key.endsWith(':id'))?.[1];
      const path = id ? relationships.get(id) : undefined;
      if (path) sheets.push({ name: detached(a.name ?? ''), path: normalisePath(path) });
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

/** A copy of a text that may be a slice of a whole part: a slice keeps all of the part alive. */
const detached = (text: string): string => (text.length < 13 ? text : (' ' + text).slice(1));

/** Each shared string as displayed: rich text runs joined, phonetic guides left out. */
function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  if (!xml) return strings;
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
      if (name === 'si') strings.push(detached(current));
      else if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
    },
    text(text) {
      if (inText) current += text;
    },
  });
  return strings;
}

/** For each cell style (index in cellXfs), whether it shows numbers as dates. */
function readDateStyles(xml: string): boolean[] {
  const customCodes = new Map<number, string>();
  const formatIds: number[] = [];
  if (!xml) return [];
  let inCellXfs = false;
  parseXml(xml, {
    open(name, a) {
      if (name === 'numFmt') customCodes.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formatIds.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formatIds.map((id) => isDateFormat(id, customCodes));
}

/** Column index (0-based) of a cell reference such as "AB12". */
function columnOf(reference: string): number {
  let n = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

function readSheet(
  xml: string,
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
  let value = '';
  let inline = '';
  let capture: 'v' | 't' | null = null;
  parseXml(xml, {
    open(name, a) {
      if (name === 'row') {
        rowIndex = a.r ? Number(a.r) - 1 : rowIndex + 1;
        row = [];
        column = -1;
      } else if (name === 'c') {
        column = a.r ? columnOf(a.r) : column + 1;
        type = a.t ?? 'n';
        style = a.s ? Number(a.s) : 0;
        value = '';
        inline = '';
      } else if (name === 'v') {
        capture = 'v';
      } else if (name === 't' && type === 'inlineStr') {
        capture = 't';
      }
    },
    close(name) {
      if (name === 'v' || name === 't') capture = null;
      else if (name === 'c') row[column] = cellValue(type, value, inline, dateStyles[style] ?? false);
      else if (name === 'row') {
        for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = '';
        rows[rowIndex] = row;
      }
    },
    text(text) {
      if (capture === 'v') value += text;
      else if (capture === 't') inline += text;
    },
  });
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return rows;

  function cellValue(cellType: string, raw: string, inlineText: string, isDate: boolean): CellValue {
    switch (cellType) {
      case 's':
        return strings[Number(raw)] ?? '';
      case 'inlineStr':
        return detached(inlineText);
      case 'str':
      case 'e':
        return detached(raw);
      case 'b':
        return raw === '' ? '' : raw === '1' || raw === 'true';
      case 'd':
        return raw === '' ? '' : new Date(raw);
      default: {
        if (raw === '') return '';
        const number = Number(raw);
        // Not a number (a writer's slip): the text as written, so a message quotes it, not "NaN".
        if (!Number.isFinite(number)) return detached(raw);
        if (!isDate) return number;
        const date = serialToDate(number, date1904);
        // A serial beyond any calendar date shows as #### in a spreadsheet: the number, not an invalid date.
        return Number.isNaN(date.getTime()) ? number : date;
      }
    }
  }
}
