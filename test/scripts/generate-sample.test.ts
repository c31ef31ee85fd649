import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeResult, generateSample } from '../../scripts/generate-sample';

describe('generateSample writes the whole sample once', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xeploai-generate-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('85 unit workbooks and a district workbook for 2022 and 2023, the 2024–2025 sets; skipped when complete; rebuilt when a file is missing', async () => {
    const first = await generateSample(dir);
    expect(first.skipped).toBe(false);
    for (const year of ['2023', '2022']) {
      expect((await readdir(join(dir, year, 'units'))).filter((f) => f.endsWith('.xlsx'))).toHaveLength(85);
      expect((await stat(join(dir, year, 'district.xlsx'))).size).toBeGreaterThan(0);
    }
    expect(first.manifest.years).toContainEqual({ year: 2023, units: 85, members: 11940 });
    expect(describeResult(first, 1.5)).toMatch(
      /^Đã tạo dữ liệu mẫu .*307 tệp.*năm 2023: 85 đơn vị, 11\.940 đảng viên/,
    );
    // 2025: the units filed by commune, the thành ủy's and the three communes' workbooks; 2024 like 2023.
    for (const commune of ['X-CHUONGMY', 'X-XUANMAI', 'X-QUANGBI']) {
      expect((await readdir(join(dir, '2025', 'units', commune))).length).toBeGreaterThan(30);
      expect((await stat(join(dir, '2025', 'superiors', `${commune}.xlsx`))).size).toBeGreaterThan(0);
    }
    expect((await stat(join(dir, '2025', 'superiors', 'TU-HANOI.xlsx'))).size).toBeGreaterThan(0);
    expect((await readdir(join(dir, '2024', 'units'))).length).toBe(23);
    expect((await stat(join(dir, '2024', 'district.xlsx'))).size).toBeGreaterThan(0);

    const before = await readFile(join(dir, '2023', 'units', 'DB01.xlsx'));
    const second = await generateSample(dir);
    expect(second.skipped).toBe(true);
    expect(describeResult(second, 0)).toContain('--force');

    await rm(join(dir, '2022', 'units', 'CB44.xlsx'));
    await writeFile(join(dir, '2023', 'units', 'DB01.xlsx'), 'hỏng');
    const third = await generateSample(dir);
    expect(third.skipped).toBe(false);
    expect(await readFile(join(dir, '2023', 'units', 'DB01.xlsx'))).toEqual(before);
    expect((await stat(join(dir, '2022', 'units', 'CB44.xlsx'))).isFile()).toBe(true);
  }, 120_000);

  test('only the years asked for', async () => {
    const only = join(dir, 'chi-2024');
    const result = await generateSample(only, { years: [2024] });
    expect(result.manifest.years).toEqual([{ year: 2024, units: 23, members: expect.any(Number) }]);
    expect(await readdir(only)).toEqual(['2024', 'manifest.json']);
    expect((await readdir(join(only, '2024', 'units'))).length).toBe(23);
  }, 60_000);
});
