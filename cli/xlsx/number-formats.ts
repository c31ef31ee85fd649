// Which cells are dates: a number cell whose style's number format shows a date or a time, decided the
// way exceljs decides it (so both readers give the same cells).

/** Built-in formats (ECMA-376 §18.8.30) that show dates or times. */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** A custom format code is a date when, outside quotes and brackets, it has a date or time letter. */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

export function isDateFormat(id: number, customCodes: Map<number, string>): boolean {
  const custom = customCodes.get(id);
  return custom !== undefined ? isDateFormatCode(custom) : BUILT_IN_DATE_FORMATS.has(id);
}

const DAY_MS = 86_400_000;
/** Days from the spreadsheet epoch (30/12/1899, or 1904's) to 01/01/1970. */
const UNIX_EPOCH_SERIAL = 25_569;
const DATE_1904_SHIFT = 1_462;

/** A serial day number as the UTC instant the cell shows (as exceljs gives it). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DATE_1904_SHIFT : 0)) * DAY_MS));
}
