import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import {
  analyzeUnitWorkbook,
  isDistrictWorkbook,
  locateMemberSheet,
  readDistrictWorkbook,
  type DistrictData,
  type Issue,
  type UnitAnalysis,
  type WorkbookData,
} from '../core';
import { readWorkbookFile } from './read-workbook';

export interface InputFailure {
  file: string;
  code: 'E_FILE_UNREADABLE' | 'E_NO_MEMBER_SHEET';
  message: string;
}

export interface UnitInput {
  file: string;
  analysis: Extract<UnitAnalysis, { ok: true }>;
}

export interface DistrictInput {
  file: string;
  data: DistrictData;
  issues: Issue[];
}

const READABLE = new Set(['.xlsx', '.xlsm', '.csv']);

/** Files named on the command line; folders are read with their subfolders (Excel's ~$ lock files skipped). */
export async function expandInputs(paths: string[]): Promise<{ files: string[]; failures: InputFailure[] }> {
  const files: string[] = [];
  const failures: InputFailure[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      failures.push({
        file: path,
        code: 'E_FILE_UNREADABLE',
        message: `Không tìm thấy tệp hay thư mục ${path}.`,
      });
      continue;
    }
    if (info.isDirectory()) files.push(...(await listWorkbooks(path)));
    else files.push(path);
  }
  return { files, failures };
}

async function listWorkbooks(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await listWorkbooks(path)));
    else if (READABLE.has(extname(entry.name).toLowerCase()) && !entry.name.startsWith('~$'))
      found.push(path);
  }
  return found;
}

export interface UnitOptions {
  unit?: string;
  year?: number;
}

export async function loadWorkbook(
  file: string,
): Promise<{ ok: true; workbook: WorkbookData } | { ok: false; failure: InputFailure }> {
  const read = await readWorkbookFile(file);
  if (!read.ok) return { ok: false, failure: { file, code: 'E_FILE_UNREADABLE', message: read.message } };
  return { ok: true, workbook: read.workbook };
}

export function analyzeUnit(
  file: string,
  workbook: WorkbookData,
  options: UnitOptions,
): UnitInput | InputFailure {
  const fallbackCode =
    extname(file).toLowerCase() === '.csv' && !options.unit ? basename(file, extname(file)) : undefined;
  const analysis = analyzeUnitWorkbook(workbook, {
    unitCode: options.unit ?? fallbackCode,
    year: options.year,
    fallbackName: basename(file, extname(file)),
  });
  if (!analysis.ok) return { file, code: analysis.code, message: `${file}: ${analysis.message}` };
  return { file, analysis };
}

export async function loadUnit(file: string, options: UnitOptions): Promise<UnitInput | InputFailure> {
  const loaded = await loadWorkbook(file);
  if (!loaded.ok) return loaded.failure;
  return analyzeUnit(file, loaded.workbook, options);
}

export function isFailure(value: unknown): value is InputFailure {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    'message' in value &&
    !('analysis' in value)
  );
}

export interface LoadedSet {
  units: UnitInput[];
  districts: DistrictInput[];
  failures: InputFailure[];
}

/** Every unit and district workbook under `paths`; a workbook with district sheets and no member sheet is the district's. */
export async function loadSet(
  paths: string[],
  options: UnitOptions & { district?: string },
): Promise<LoadedSet> {
  const { files, failures } = await expandInputs(paths);
  const set: LoadedSet = { units: [], districts: [], failures };
  const districtFiles = options.district ? [options.district] : [];
  for (const file of [...files.filter((f) => !districtFiles.includes(f)), ...districtFiles]) {
    const loaded = await loadWorkbook(file);
    if (!loaded.ok) {
      set.failures.push(loaded.failure);
      continue;
    }
    const explicitDistrict = districtFiles.includes(file);
    if (explicitDistrict || (isDistrictWorkbook(loaded.workbook) && !locateMemberSheet(loaded.workbook))) {
      const { data, issues } = readDistrictWorkbook(loaded.workbook);
      set.districts.push({ file, data, issues });
      continue;
    }
    const unit = analyzeUnit(file, loaded.workbook, options);
    if (isFailure(unit)) set.failures.push(unit);
    else set.units.push(unit);
  }
  return set;
}

export function mergeDistricts(districts: DistrictInput[]): DistrictData | null {
  if (!districts.length) return null;
  return {
    organizations: districts.flatMap((d) => d.data.organizations),
    assignedTargets: districts.flatMap((d) => d.data.assignedTargets),
  };
}
