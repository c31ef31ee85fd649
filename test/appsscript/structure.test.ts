import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decodeMarks, encodeMarks } from '../../appsscript/src/layout/marks-store';

const SRC = join(__dirname, '../../appsscript/src');
const APPS_SCRIPT_GLOBALS =
  /\b(SpreadsheetApp|PropertiesService|UrlFetchApp|LockService|HtmlService|ScriptApp|Utilities|Session|Charts|CacheService|DriveApp|Logger)\s*\./;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('add-on structure', () => {
  it('touches Apps Script globals only in gateway/', () => {
    const offenders = files(SRC)
      .filter((f) => !relative(SRC, f).startsWith('gateway/'))
      .filter((f) => APPS_SCRIPT_GLOBALS.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(offenders).toEqual([]);
    // Every gateway file touches Apps Script: a global, or the objects it hands out (its types).
    const touches = (text: string) => APPS_SCRIPT_GLOBALS.test(text) || /\bGoogleAppsScript\./.test(text);
    expect(files(join(SRC, 'gateway')).filter((f) => !touches(readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('keeps the marks of a large check across 9 KB properties and empties stale chunks', () => {
    const cells: Record<string, string> = {};
    for (let row = 1; row <= 5000; row++) cells[`${row}:7`] = row % 10 === 0 ? '#00ff00' : '';
    const marks = { 'Đảng viên': { rows: 5000, columns: 13, cells } };
    const stored = encodeMarks(marks, {});
    const chunks = Object.keys(stored).filter((k) => k !== 'xeploai.marks.count');
    expect(chunks.length).toBeGreaterThan(5);
    for (const value of Object.values(stored))
      expect(Buffer.byteLength(value, 'utf8')).toBeLessThan(9 * 1024);
    expect(decodeMarks(stored)).toEqual(marks);

    const smaller = encodeMarks({}, stored);
    expect(smaller['xeploai.marks.count']).toBe('1');
    expect(chunks.slice(1).every((k) => smaller[k] === '')).toBe(true);
    expect(decodeMarks({ ...stored, ...smaller })).toEqual({});
  });
});
