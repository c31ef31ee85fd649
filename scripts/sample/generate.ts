import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildSample, type SampleData } from './build';
import { buildProvinceSample, type ProvinceSample } from './build-2025';
import { xlsxBytes, type SampleWorkbook } from './write-xlsx';

/** Raise when the writer changes what it puts in a file (the data itself is covered by its hash). */
const WRITER_VERSION = 1;
const MANIFEST = 'manifest.json';

export interface SampleManifest {
  /** sha256 of the in-memory data and the writer version: a changed generator regenerates. */
  fingerprint: string;
  files: { path: string; bytes: number }[];
  years: { year: number; units: number; members: number }[];
}

export interface GenerateResult {
  outDir: string;
  skipped: boolean;
  manifest: SampleManifest;
}

/**
 * Paths inside the output folder: `<year>/units/<CODE>.xlsx` and `<year>/district.xlsx` (2022–2024);
 * for 2025 `2025/units/<COMMUNE>/<CODE>.xlsx` and `2025/superiors/<CODE>.xlsx` (the thành ủy's and each commune's).
 */
export function sampleFiles(
  sample: SampleData,
  province?: ProvinceSample,
): { path: string; workbook: SampleWorkbook }[] {
  const files = sample.years.flatMap((year) => [
    ...year.units.map((unit) => ({ path: `${year.year}/units/${unit.code}.xlsx`, workbook: unit.workbook })),
    { path: `${year.year}/district.xlsx`, workbook: year.district },
  ]);
  for (const { year, units, superiors } of province?.years ?? []) {
    const byCommune = year === 2025;
    for (const unit of units)
      files.push({
        path: `${year}/units/${byCommune ? `${unit.parent}/` : ''}${unit.code}.xlsx`,
        workbook: unit.workbook,
      });
    for (const superior of superiors)
      files.push({
        path: byCommune ? `${year}/superiors/${superior.code}.xlsx` : `${year}/district.xlsx`,
        workbook: superior.workbook,
      });
  }
  return files;
}

/**
 * Writes the sample as .xlsx files under `outDir` (only `years` when given), unless a complete copy of the same
 * data is there already.
 */
export async function generateSample(
  outDir: string,
  options: { force?: boolean; years?: number[] } = {},
): Promise<GenerateResult> {
  const wanted = (y: { year: number }) => !options.years || options.years.includes(y.year);
  const all = buildSample();
  const sample = { years: all.years.filter(wanted) };
  const builtProvince = buildProvinceSample();
  const province = { years: builtProvince.years.filter(wanted) };
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ WRITER_VERSION, sample, province }))
    .digest('hex');
  const years = [...sample.years, ...province.years].map((y) => ({
    year: y.year,
    units: y.units.length,
    members: y.units.reduce((n, u) => n + u.members, 0),
  }));
  if (!options.force) {
    const existing = await completeManifest(outDir);
    if (existing?.fingerprint === fingerprint) return { outDir, skipped: true, manifest: existing };
  }
  await rm(join(outDir, MANIFEST), { force: true });
  for (const { year } of years) await rm(join(outDir, String(year)), { recursive: true, force: true });
  const files: SampleManifest['files'] = [];
  for (const file of sampleFiles(sample, province)) {
    const bytes = await xlsxBytes(file.workbook);
    const target = join(outDir, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
    files.push({ path: file.path, bytes: bytes.length });
  }
  const manifest: SampleManifest = { fingerprint, files, years };
  await writeFile(join(outDir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  return { outDir, skipped: false, manifest };
}

/** The manifest of a previous run, if every file it lists is there with its size. */
async function completeManifest(outDir: string): Promise<SampleManifest | null> {
  let manifest: SampleManifest;
  try {
    manifest = JSON.parse(await readFile(join(outDir, MANIFEST), 'utf8')) as SampleManifest;
  } catch {
    return null;
  }
  for (const file of manifest.files ?? []) {
    const found = await stat(join(outDir, file.path)).catch(() => null);
    if (!found || found.size !== file.bytes) return null;
  }
  return manifest;
}
