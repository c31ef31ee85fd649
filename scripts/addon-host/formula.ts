import { separatorsOf } from './number-format';

/**
 * How the fake reads a formula written by setFormula(s) or by setValue(s) with a leading "=".
 *
 * Google's Range reference says a formula is given in A1 notation with English function names, and
 * nothing about the argument separator. Reports from the field say formulas written through the APIs
 * are parsed with the spreadsheet's locale (a "," HYPERLINK written to a Turkish or German spreadsheet
 * shows a parse error: googleapis/google-api-nodejs-client#1994,
 * google-marketing-solutions/advanced-bidding-manager#1), while Sheets also accepts ";" in English
 * locales when a user types it. The fake takes the strictest reading: only the locale's own separator
 * (";" where the decimal separator is ",", "," elsewhere); the other gives "#ERROR!" in the cell, as a
 * formula parse error does in Sheets (setFormula itself does not throw).
 *
 * What it cannot model: which locales Sheets really parses with ";" (the fake's list is approximate,
 * see separatorsOf), localized function names, and the value of any formula but HYPERLINK and a quoted
 * text (="…"), which it does not compute ('' in the cell).
 */
export interface FormulaResult {
  value: string;
  /** Where a HYPERLINK leads ("#gid=…&range=…" or a URL), null for any other formula. */
  link: string | null;
}

const PARSE_ERROR: FormulaResult = { value: '#ERROR!', link: null };

export function argumentSeparatorOf(locale: string): ';' | ',' {
  return separatorsOf(locale).decimal === ',' ? ';' : ',';
}

export function evaluateFormula(formula: string, locale: string): FormulaResult {
  const text = /^=\s*("(?:[^"]|"")*")\s*$/.exec(formula);
  if (text) return { value: unquote(text[1]), link: null };
  const call = /^=\s*HYPERLINK\s*\((.*)\)\s*$/i.exec(formula);
  if (!call) return { value: '', link: null };
  const args = /^\s*("(?:[^"]|"")*")\s*(?:([;,])\s*("(?:[^"]|"")*")\s*)?$/.exec(call[1]);
  if (!args) return PARSE_ERROR;
  const [, url, separator, label] = args;
  if (separator !== undefined && separator !== argumentSeparatorOf(locale)) return PARSE_ERROR;
  return { value: unquote(label ?? url), link: unquote(url) };
}

function unquote(quoted: string): string {
  return quoted.slice(1, -1).replace(/""/g, '"');
}
