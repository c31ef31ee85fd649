/** Enough of Sheets' number-format rendering to read what a user sees, for the formats the add-on writes. */
export interface LocaleSeparators {
  group: string;
  decimal: string;
  dayFirst: boolean;
}

export function separatorsOf(locale: string): LocaleSeparators {
  return /^(vi|de|fr|es|it|pt|nl|id|ru|tr)/.test(locale)
    ? { group: '.', decimal: ',', dayFirst: true }
    : { group: ',', decimal: '.', dayFirst: false };
}

export function renderValue(value: unknown, format: string, locale: string): string {
  const seps = separatorsOf(locale);
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]')
    return renderDate(value as Date, format, seps);
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') return String(value);
  if (format === '@' || format === 'General' || format === '') return plainNumber(value, seps);
  return renderNumber(value, format, seps);
}

function plainNumber(value: number, seps: LocaleSeparators): string {
  return String(value).replace('.', seps.decimal);
}

/** Sections positive;negative;zero, as Sheets picks them; an unquoted % shows the value × 100. */
function renderNumber(number: number, format: string, seps: LocaleSeparators): string {
  const sections = format.split(';');
  const pick = number < 0 ? 1 : number === 0 && sections.length >= 3 ? 2 : 0;
  const section = sections[pick] ?? sections[0];
  const value = section.replace(/"[^"]*"/g, '').includes('%') ? number * 100 : number;
  const match = /^([^#0]*?)([#0,]*0|#)(?:\.([0#]+))?(.*)$/.exec(section);
  if (!match) throw new Error(`number format not supported by the fake: ${format}`);
  const [, prefix, whole, fraction = '', suffix] = match;
  const fixedDecimals = (fraction.match(/0/g) ?? []).length;
  const optionalDecimals = (fraction.match(/#/g) ?? []).length;
  const rounded = Math.abs(value).toFixed(fixedDecimals + optionalDecimals);
  let [intPart, fracPart = ''] = rounded.split('.');
  while (fracPart.length > fixedDecimals && fracPart.endsWith('0')) fracPart = fracPart.slice(0, -1);
  if (whole.includes(',')) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, seps.group);
  const literal = (text: string) => text.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  const sign = value < 0 && sections.length < 2 ? '-' : '';
  return literal(prefix) + sign + intPart + (fracPart ? seps.decimal + fracPart : '') + literal(suffix);
}

function renderDate(date: Date, format: string, seps: LocaleSeparators): string {
  const two = (n: number) => String(n).padStart(2, '0');
  // Cells hold a date as its wall-clock time in UTC fields (see spreadsheet.ts).
  const d = two(date.getUTCDate());
  const m = two(date.getUTCMonth() + 1);
  const y = String(date.getUTCFullYear());
  if (/^dd\/mm\/yyyy/i.test(format)) return `${d}/${m}/${y}`;
  return seps.dayFirst ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
}

/** How Sheets reads a typed (or setValues) string: numbers and dates per the locale, "'" forces text. */
export function parseEntered(text: string, locale: string): string | number | Date {
  if (text.startsWith("'")) return text.slice(1);
  const seps = separatorsOf(locale);
  const trimmed = text.trim();
  const number = seps.decimal === ',' ? /^-?\d+(,\d+)?$/ : /^-?\d+(\.\d+)?$/;
  if (number.test(trimmed)) return Number(trimmed.replace(',', '.'));
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (date) {
    const [a, b, year] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const [day, month] = seps.dayFirst ? [a, b] : [b, a];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return new Date(Date.UTC(year, month - 1, day));
  }
  return text;
}
