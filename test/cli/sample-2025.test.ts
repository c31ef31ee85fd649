/**
 * Issue 8's acceptance, as a user runs it: `xeploai summarize` on the generated 2025 files shows probationary
 * members, subordinate cells and scores; `consolidate` of a commune with its superior workbook shows the
 * organization quota by Khối. The figures expected are counted here from the sample's rows, read literally
 * (test/scripts/sample-2025-fixture), never by the engine under test.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateSample } from '../../scripts/sample/generate';
import type { SampleWorkbook } from '../../scripts/sample/write-xlsx';
import { LEVEL_HEADERS, provinceSample, readRawMembers, tableRows } from '../scripts/sample-2025-fixture';
import { tempDir } from './fixtures';
import { runXeploai } from './run-cli';

const LEVELS = ['excellent', 'good', 'complete', 'notComplete'] as const;
const ABBREVIATIONS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];

/** Vietnamese digits: "1.279", "81,22" (the value given in hundredths when `hundredths`). */
function vn(value: number, hundredths = false): string {
  const whole = hundredths ? Math.floor(value / 100) : value;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return hundredths ? `${grouped},${String(value % 100).padStart(2, '0')}` : grouped;
}

/** count ÷ total as a percent with two decimals, rounded half up, in Vietnamese: "33,33%". */
function share(count: number, total: number): string {
  return `${vn(Math.floor((count * 20000 + total) / (2 * total)), true)}%`;
}

const year2025 = () => provinceSample().years.find((y) => y.year === 2025)!;
const unitWorkbook = (code: string): SampleWorkbook =>
  year2025().units.find((u) => u.code === code)!.workbook;
const superiorWorkbook = (code: string): SampleWorkbook =>
  year2025().superiors.find((s) => s.code === code)!.workbook;

/** The rows of a table block of the terminal text: from its title to the blank line after it. */
function block(text: string, title: string): string {
  const at = text.indexOf(title);
  expect(at).toBeGreaterThanOrEqual(0);
  return text.slice(at).split('\n\n')[0];
}

/** The cells of a table row of the terminal text that starts with `first`. */
function rowOf(table: string, first: string): string[] {
  const line = table.split('\n').find((l) => l.trimStart().startsWith(first));
  expect({ first, found: line !== undefined }).toEqual({ first, found: true });
  return line!.trim().split(/\s{2,}/);
}

describe('xeploai on the 2025 sample files', () => {
  const dir = tempDir('sample-2025');
  beforeAll(() => generateSample(dir, { years: [2025] }), 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const unitFile = (commune: string, code: string) => join(dir, '2025', 'units', commune, `${code}.xlsx`);

  test.each([
    ['X-CHUONGMY', 'CM01'],
    ['X-XUANMAI', 'XM01'],
  ])('summarize %s/%s shows probationary members, cells and scores', (commune, code) => {
    const run = runXeploai('summarize', unitFile(commune, code));
    expect(run.stderr).toBe('');
    const text = run.stdout;
    const { members } = readRawMembers(unitWorkbook(code));

    const probationary = members.filter((m) => m.probationary);
    const rated = probationary.filter((m) => m.rating !== null && !m.reason);
    expect(probationary.length).toBeGreaterThan(0);
    expect(text).toContain(
      `Đảng viên dự bị: ${vn(probationary.length)} (được xếp loại: ${vn(rated.length)}).`,
    );

    const scores = members.map((m) => m.score).filter((s): s is number => s !== null && s >= 0 && s <= 100);
    const hundredths = scores.reduce((sum, s) => sum + Math.round(s * 100), 0);
    const average = Math.floor((2 * hundredths + scores.length) / (2 * scores.length));
    expect(text).toContain(
      `Chấm điểm: ${vn(scores.length)} đảng viên có điểm, điểm trung bình ${vn(average, true)}.`,
    );
    const bands = [90, 70, 50, 0].map((low, i, all) =>
      scores.filter((s) => s >= low && (i === 0 || s < all[i - 1])),
    );
    const scoreTable = block(text, 'Mức điểm');
    expect(rowOf(scoreTable, 'từ 90 điểm').slice(1)).toEqual([
      vn(bands[0].length),
      share(bands[0].length, scores.length),
    ]);
    expect(rowOf(scoreTable, 'dưới 50 điểm').slice(1)).toEqual([
      vn(bands[3].length),
      share(bands[3].length, scores.length),
    ]);

    const cells = tableRows(unitWorkbook(code), 'Chi bộ');
    expect(cells.length).toBeGreaterThan(0);
    const newCells = cells.filter((c) => c['Lý do không xếp loại'] === 'Mới thành lập').length;
    expect(text).toContain(
      `Chi bộ trực thuộc: ${vn(cells.length)} (mới thành lập chưa đủ 6 tháng, không xếp loại: ${vn(newCells)})`,
    );
    const cellTable = block(text, 'Chi bộ trực thuộc:');
    const ratedCells = cells.filter((c) => c['Xếp loại']);
    for (const [label, level] of Object.entries(LEVEL_HEADERS).filter(([l]) => l.includes(' '))) {
      const n = ratedCells.filter((c) => LEVEL_HEADERS[String(c['Xếp loại'])] === level).length;
      expect(rowOf(cellTable, label).slice(1)).toEqual([vn(n), share(n, ratedCells.length)]);
    }
  });

  test('consolidate of a commune with its superior workbook shows the organization quota by Khối', () => {
    const run = runXeploai(
      'consolidate',
      join(dir, '2025', 'units', 'X-CHUONGMY'),
      '--superior',
      join(dir, '2025', 'superiors', 'X-CHUONGMY.xlsx'),
    );
    expect(run.status).toBe(0);
    const text = run.stdout;
    const listed = tableRows(superiorWorkbook('X-CHUONGMY'), 'Tổ chức cơ sở');
    const groups = [...new Set(listed.map((o) => String(o['Khối'])))];
    expect(groups.length).toBeGreaterThan(1);

    const table = block(
      text,
      'Xếp loại tổ chức cơ sở đảng theo khối (giới hạn xuất sắc 20% tính trong từng khối):',
    );
    expect(
      table
        .split('\n')[1]
        .trim()
        .split(/\s{2,}/),
    ).toEqual(['Khối', 'Số tổ chức', ...ABBREVIATIONS.flatMap((a) => [a, 'Tỷ lệ']), 'Xuất sắc tối đa']);
    let over = 0;
    for (const group of groups) {
      const rows = listed.filter((o) => o['Khối'] === group);
      const counts = LEVELS.map(
        (level) => rows.filter((o) => LEVEL_HEADERS[String(o['Xếp loại'])] === level).length,
      );
      const rated = counts.reduce((a, b) => a + b, 0);
      // 20% of the organizations rated good, rounded down.
      const max = Math.floor(counts[1] / 5);
      const exceeded = counts[0] > max;
      expect(rowOf(table, group)).toEqual([
        group,
        vn(rows.length),
        ...counts.flatMap((n) => [vn(n), share(n, rated)]),
        `${vn(max)}${exceeded ? ' (vượt)' : ''}`,
      ]);
      const warning =
        `Khối “${group}”: có ${vn(counts[0])} tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, vượt tỷ lệ 20% ` +
        `của số tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ (${vn(counts[1])}): tối đa ${vn(max)}.`;
      if (exceeded) expect(text).toContain(warning);
      else expect(text).not.toContain(`Khối “${group}”: có`);
      if (exceeded) over++;
    }
    // The sample is built so that the grouped quota is exceeded somewhere (and kept elsewhere).
    expect(over).toBeGreaterThan(0);
    expect(over).toBeLessThan(groups.length);
  });

  test('consolidate of every level’s files shows the province’s rating of the communes apart, by Khối', () => {
    const run = runXeploai('consolidate', join(dir, '2025', 'units'), join(dir, '2025', 'superiors'));
    expect(run.status).toBe(0);
    const communes = tableRows(superiorWorkbook('TU-HANOI'), 'Tổ chức cơ sở');
    const units = year2025()
      .superiors.filter((s) => s.code !== 'TU-HANOI')
      .flatMap((s) => tableRows(s.workbook, 'Tổ chức cơ sở'));
    const total = (rows: typeof units) => rows.filter((o) => LEVEL_HEADERS[String(o['Xếp loại'])]).length;
    expect(rowOf(block(run.stdout, 'Xếp loại tổ chức cơ sở đảng\n'), 'Cộng số được xếp loại')).toEqual([
      'Cộng số được xếp loại',
      vn(total(units)),
      '100,00%',
    ]);
    const tier = block(run.stdout, 'Xếp loại đảng bộ cấp trên trực tiếp của tổ chức cơ sở đảng\n');
    expect(rowOf(tier, 'Cộng số được xếp loại')).toEqual([
      'Cộng số được xếp loại',
      vn(total(communes)),
      '100,00%',
    ]);
    const byGroup = block(run.stdout, 'Xếp loại đảng bộ cấp trên trực tiếp của tổ chức cơ sở đảng theo khối');
    for (const group of new Set(communes.map((o) => String(o['Khối']))))
      expect(rowOf(byGroup, group)[1]).toBe(vn(communes.filter((o) => o['Khối'] === group).length));
  });
});
