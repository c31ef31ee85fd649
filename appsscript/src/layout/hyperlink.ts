/**
 * A HYPERLINK formula for a cell written with setValues. Google's reference does not say which argument
 * separator a formula written by a script takes; reports say the spreadsheet's locale decides, and Sheets
 * accepts ";" in English locales too. So "," only where it is certain (English locales), ";" elsewhere
 * (vi_VN and every locale whose decimal separator is ",").
 */
export function argumentSeparator(locale: string): ';' | ',' {
  return /^en(_|$)/.test(locale) ? ',' : ';';
}

export function hyperlinkFormula(url: string, label: string, separator: ';' | ','): string {
  return `=HYPERLINK(${quoted(url)}${separator}${quoted(label)})`;
}

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
