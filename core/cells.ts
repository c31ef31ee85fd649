import { compactKey, cleanText, isBlankText } from './text';
import type { CellValue } from './types';

const FORMULA_ERRORS = new Set([
  '#REF!',
  '#N/A',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#ERROR!',
  '#SPILL!',
  '#CALC!',
]);
const YES_WORDS = new Set(['x', 'co', 'true', '1', 'yes', 'dung', '✓', '✔', 'v']);
const NO_WORDS = new Set(['khong', 'false', '0', 'no', 'sai']);

export function isEmptyCell(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && isBlankText(value));
}

export function isFormulaError(value: CellValue): boolean {
  if (typeof value !== 'string') return false;
  // Every error value starts with '#': most cells are settled by their first non-space character.
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 35) return FORMULA_ERRORS.has(value.trim().toUpperCase());
    if (code > 32 && code !== 0xa0 && code !== 0xfeff && !(code >= 0x1680 && /\s/.test(value[i])))
      return false;
  }
  return false;
}

/** The cell as text: what a user sees (dates as dd/mm/yyyy). */
export function cellText(value: CellValue): string {
  if (typeof value === 'string') return cleanText(value);
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatDayMonthYear(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return cleanText(String(value));
}

/** A raw value as it is reported in an Issue. */
export function issueValue(value: CellValue): string | number | boolean | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return formatDayMonthYear(value);
  return value;
}

export type YesNo = { ok: true; value: boolean } | { ok: false };

// Shared answers: a sheet asks this of every flag cell, most of them empty.
const YES: YesNo = Object.freeze({ ok: true, value: true });
const NO: YesNo = Object.freeze({ ok: true, value: false });
const UNCLEAR: YesNo = Object.freeze({ ok: false });

export function parseYes(value: CellValue): YesNo {
  if (typeof value === 'boolean') return value ? YES : NO;
  if (typeof value === 'number') return value === 1 ? YES : value === 0 ? NO : UNCLEAR;
  if (isEmptyCell(value)) return NO;
  const text = String(value).trim();
  if (text === '✓' || text === '✔') return YES;
  if (/^[-–—]+$/.test(text)) return NO;
  const key = compactKey(text);
  if (YES_WORDS.has(key)) return YES;
  if (NO_WORDS.has(key)) return NO;
  return UNCLEAR;
}

/** A calendar date without time zone, as YYYY-MM-DD. */
export type IsoDate = string;

export type ParsedDate = { ok: true; value: IsoDate | null } | { ok: false };

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
/** 01/01/1910 as a spreadsheet serial number. */
const FIRST_PLAUSIBLE_SERIAL = 3654;

/**
 * Real date cells (Date objects from Sheets or an xlsx reader, whose calendar day is read in UTC when the
 * reader gives UTC midnight and in local time otherwise), Excel serial numbers, and dd/mm/yyyy or
 * yyyy-mm-dd text.
 */
export function parseDate(value: CellValue): ParsedDate {
  const day = dayOfCell(value);
  if (day === false) return NO_DAY_READ;
  return day === null ? NO_DAY : { ok: true, value: day };
}

const NO_DAY_READ: ParsedDate = Object.freeze({ ok: false });
const NO_DAY: ParsedDate = Object.freeze({ ok: true, value: null });

/** What parseDate reads, without a result object: the day, null for an empty cell, false when unreadable. */
export function dayOfCell(value: CellValue): IsoDate | null | false {
  if (isEmptyCell(value)) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return false;
    return isoFromDate(value);
  }
  if (typeof value === 'number') {
    // Serial numbers before 1910 are not plausible dates here: 1985 typed alone is a year, not 07/06/1905.
    if (!Number.isFinite(value) || value < FIRST_PLAUSIBLE_SERIAL || value > 2958465) return false;
    const date = new Date(EXCEL_EPOCH_UTC + Math.floor(value) * 86400000);
    return isoOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  if (typeof value !== 'string') return false;
  const text = value.trim();
  // dd/mm/yyyy, also with the time a date-time cell exported as text carries ("01/07/2023 00:00:00").
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: +\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (match) return checkedDay(Number(match[3]), Number(match[2]), Number(match[1]));
  // As documents write it: "ngày 01 tháng 7 năm 2023".
  match = /^ngày +(\d{1,2}) +tháng +(\d{1,2}) +năm +(\d{4})$/i.exec(text.normalize('NFC'));
  if (match) return checkedDay(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (match) return checkedDay(Number(match[1]), Number(match[2]), Number(match[3]));
  return false;
}

function checkedDay(year: number, month: number, day: number): IsoDate | false {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  if (day > daysInMonth(year, month)) return false;
  return isoOf(year, month, day);
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'));

function isoOf(year: number, month: number, day: number): IsoDate {
  // Days repeat down a sheet: one string a day, shared, instead of a new one (and its pieces) a cell.
  const key = year * 512 + month * 32 + day;
  let iso = isoDays.get(key);
  if (iso === undefined) {
    const yyyy = year >= 1000 && year <= 9999 ? String(year) : String(year).padStart(4, '0');
    iso = `${yyyy}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
    if (isoDays.size >= ISO_DAYS_KEPT) isoDays.clear();
    isoDays.set(key, iso);
  }
  return iso;
}

/** About three centuries of days. */
const ISO_DAYS_KEPT = 110_000;
const isoDays = new Map<number, IsoDate>();

const DAY_MS = 86400000;
/** Days since 1970, for date cells at UTC midnight (the calendar fields are read once a day). */
const utcDays = new Map<number, IsoDate>();
/**
 * The same for the days of 1900–2199, by index: a sheet has a date cell or two a row, and an array read
 * costs less than a Map's hashing. Made on first use (about 110.000 slots).
 */
let utcDayTable: (IsoDate | undefined)[] | null = null;
const TABLE_FIRST_DAY = Math.floor(Date.UTC(1900, 0, 1) / DAY_MS);
const TABLE_DAYS = Math.floor(Date.UTC(2200, 0, 1) / DAY_MS) - TABLE_FIRST_DAY;

function isoOfUtcDay(day: number, date: Date): IsoDate {
  const slot = day - TABLE_FIRST_DAY;
  if (slot >= 0 && slot < TABLE_DAYS) {
    utcDayTable ??= new Array<IsoDate | undefined>(TABLE_DAYS);
    return (utcDayTable[slot] ??= isoOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()));
  }
  let iso = utcDays.get(day);
  if (iso === undefined) {
    iso = isoOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    if (utcDays.size >= ISO_DAYS_KEPT) utcDays.clear();
    utcDays.set(day, iso);
  }
  return iso;
}

const VIETNAM_OFFSET_MS = 7 * 3600000;

/**
 * The calendar day of a date cell. With `timeZone` (an IANA name: Sheets gives dates as midnight in the
 * spreadsheet's time zone, which may differ from the script's) the day the instant falls on in that zone.
 * Without it: UTC midnight (xlsx readers) is read in UTC, local midnight in local time, and Vietnamese
 * midnight (17:00 UTC the day before) as that Vietnamese day; any other instant in local time.
 */
export function isoFromDate(date: Date, timeZone?: string): IsoDate {
  if (timeZone) return dayInZone(date, timeZone);
  if (isMidnight(date, 0)) return isoOfUtcDay(Math.floor(date.getTime() / DAY_MS), date);
  if (isMidnight(date, -date.getTimezoneOffset() * 60000)) {
    return isoOf(date.getFullYear(), date.getMonth() + 1, date.getDate());
  }
  if (isMidnight(date, VIETNAM_OFFSET_MS)) {
    const vietnam = new Date(date.getTime() + VIETNAM_OFFSET_MS);
    return isoOf(vietnam.getUTCFullYear(), vietnam.getUTCMonth() + 1, vietnam.getUTCDate());
  }
  return isoOf(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

function dayInZone(date: Date, timeZone: string): IsoDate {
  const clock = wallClockIn(date, timeZone);
  return isoOf(clock.year, clock.month, clock.day);
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** One formatter a zone: making one costs far more than using it, and a sheet holds thousands of dates. */
function clockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    clockFormats.set(timeZone, format);
  }
  return format;
}

/** What a clock in the time zone (an IANA name) shows at the instant; month 1–12, hour 0–23. */
export function wallClockIn(
  date: Date,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = clockFormat(timeZone).formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/** True when the instant is 00:00:00 (milliseconds ignored) on the clock `offsetMs` ahead of UTC. */
function isMidnight(date: Date, offsetMs: number): boolean {
  return Math.floor((date.getTime() + offsetMs) / 1000) % 86400 === 0;
}

/** A real day between 1900 and 2200 written YYYY-MM-DD. */
export function isValidIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** The number written in text[from, to) with ASCII digits only, else -1. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

export function formatDayMonthYear(date: Date): string {
  const iso = isoFromDate(date);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

export function isoToDayMonthYear(iso: IsoDate): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Months (fractional not needed) between two ISO dates: true when `later` is less than six months after `earlier`. */
export function lessThanSixMonths(earlier: IsoDate, later: IsoDate): boolean {
  let y: number, m: number, d: number;
  if (earlier.length === 10) {
    y = digits(earlier, 0, 4);
    m = digits(earlier, 5, 7);
    d = digits(earlier, 8, 10);
  } else [y, m, d] = earlier.split('-').map(Number);
  // Six months after: the same day of the month six months on, or that month's last day.
  const month = m - 1 + 6;
  const year = y + Math.floor(month / 12);
  const boundaryMonth = (month % 12) + 1;
  const boundaryDay = Math.min(d, daysInMonth(year, boundaryMonth));
  // Two YYYY-MM-DD days compare as their digits do; any other text as the strings do.
  const laterDay = isoDayNumber(later);
  if (laterDay >= 0 && year >= 1000 && year <= 9999 && boundaryMonth >= 1 && boundaryDay >= 0)
    return laterDay < year * 10000 + boundaryMonth * 100 + boundaryDay;
  return later < isoOf(year, boundaryMonth, boundaryDay);
}

/** YYYYMMDD as a number for a YYYY-MM-DD text of ASCII digits, else -1. */
function isoDayNumber(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return -1;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  return year < 0 || month < 0 || day < 0 ? -1 : year * 10000 + month * 100 + day;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export type ParsedNumber = { ok: true; value: number | null } | { ok: false };

/** Numbers as cells or as Vietnamese text ("85", "85,5", "1.234"). */
export function parseNumber(value: CellValue): ParsedNumber {
  if (isEmptyCell(value)) return { ok: true, value: null };
  if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, value } : { ok: false };
  if (typeof value !== 'string') return { ok: false };
  let text = value.trim().replace(/\s/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) text = text.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+,\d+$/.test(text)) text = text.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { ok: false };
  return { ok: true, value: Number(text) };
}
