import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeUnitWorkbook, readDistrictWorkbook } from '../../core';
import { readWorkbookFile } from '../../cli/read-workbook';
import { xlsxBytes } from '../../scripts/sample/write-xlsx';
import { analyzedSample } from './sample-fixture';

// Units chosen for their variants: title rows, synonyms, NFD sheet name, "Sheet1", text dates,
// abbreviations, a total row, "Có" flags, high-school students.
const CODES = ['DB03', 'DB05', 'DB14', 'CB30', 'DB04', 'DB09', 'DB13', 'DB06', 'CB01'];

describe('sample workbooks written as .xlsx read back the same', () => {
  const { sample, years } = analyzedSample();
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xeploai-sample-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test.each([2023, 2022] as const)(
    '%i: units give the same summaries from the file as in memory',
    async (year) => {
      const data = sample.years.find((y) => y.year === year)!;
      for (const code of CODES) {
        const unit = data.units.find((u) => u.code === code)!;
        const path = join(dir, `${year}-${code}.xlsx`);
        await writeFile(path, await xlsxBytes(unit.workbook));
        const read = await readWorkbookFile(path);
        if (!read.ok) throw new Error(read.message);
        const fromFile = analyzeUnitWorkbook(read.workbook);
        if (!fromFile.ok) throw new Error(fromFile.message);
        const inMemory = years[year].summaries.find((s) => s.unit.code === code);
        expect(fromFile.summary).toEqual(inMemory);
      }
    },
  );

  test('the district workbook reads back the same organizations and targets', async () => {
    const path = join(dir, 'district-2023.xlsx');
    await writeFile(path, await xlsxBytes(sample.years.find((y) => y.year === 2023)!.district));
    const read = await readWorkbookFile(path);
    if (!read.ok) throw new Error(read.message);
    const district = readDistrictWorkbook(read.workbook);
    expect(district.issues).toEqual([]);
    expect(district.data).toEqual(years[2023].district);
  });

  test('the same workbook written twice, seconds apart, gives the same bytes', async () => {
    const unit = sample.years[0].units.find((u) => u.code === 'DB03')!;
    const first = await xlsxBytes(unit.workbook);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const second = await xlsxBytes(unit.workbook);
    expect(second.equals(first)).toBe(true);
  }, 30_000);
});
