import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import {
  analyzeUnitWorkbook,
  checkConsolidation,
  hasFiguresSheet,
  isDistrictWorkbook,
  locateMemberSheet,
  readDistrictWorkbook,
  readFiguresSheet,
  readIssuer,
  type Consolidation,
  type DistrictData,
  type Issue,
  type ReportIssuer,
  type UnitAnalysis,
  type UnitSummary,
  type WorkbookData,
} from '../core';
import { OTHER_SPREADSHEETS, readWorkbookFile } from './read-workbook';

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
  /** Names and place for the report's heading, from the workbook's `Thông tin`. */
  issuer: ReportIssuer;
}

/** A lower level's consolidation: the JSON `consolidate --json` printed, or the report workbook `--out` wrote. */
export interface LevelInput {
  file: string;
  consolidation: Consolidation;
}

const READABLE = new Set(['.xlsx', '.xlsm', '.csv', '.json']);

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
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const inside = await listWorkbooks(path);
    if (inside.length) files.push(...inside);
    else
      failures.push({
        file: path,
        code: 'E_FILE_UNREADABLE',
        message: `Thư mục ${path} không có tệp .xlsx, .xlsm, .csv hay .json nào.`,
      });
  }
  return { files, failures };
}

async function listWorkbooks(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await listWorkbooks(path)));
    else if (entry.name.startsWith('~$')) continue;
    // A spreadsheet of another format is taken too, so that it is refused with how to save it, not skipped.
    else if (
      READABLE.has(extname(entry.name).toLowerCase()) ||
      OTHER_SPREADSHEETS[extname(entry.name).toLowerCase()]
    )
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
  if (!analysis.ok) {
    const hint = isDistrictWorkbook(workbook)
      ? ' Đây có vẻ là bảng tính của cấp trên (danh sách tổ chức cơ sở đảng, giao chỉ tiêu): hãy dùng nó với “xeploai consolidate <thư mục đơn vị> --district <tệp>”.'
      : '';
    return { file, code: analysis.code, message: `${file}: ${analysis.message}${hint}` };
  }
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

/** A unit as a consolidation needs it: its summary only, so that reading many files holds no members. */
export interface SummaryInput {
  file: string;
  summary: UnitSummary;
}

export interface LoadedSet {
  units: SummaryInput[];
  /** Lower levels' consolidations, rolled up with the units. */
  levels: LevelInput[];
  districts: DistrictInput[];
  failures: InputFailure[];
}

/** One input file read and classified: a unit (its summary), the district's workbook, or why it failed. */
export type LoadedInput =
  | { kind: 'unit'; input: SummaryInput }
  | { kind: 'district'; input: DistrictInput }
  | { kind: 'level'; input: LevelInput }
  | { kind: 'failure'; failure: InputFailure };

export interface InputJob {
  file: string;
  /** Named by --district: read as the district's whatever it holds. */
  district: boolean;
}

export async function loadInput(job: InputJob, options: UnitOptions): Promise<LoadedInput> {
  const { file } = job;
  if (extname(file).toLowerCase() === '.json') return loadConsolidationJson(file);
  const loaded = await loadWorkbook(file);
  if (!loaded.ok) return { kind: 'failure', failure: loaded.failure };
  if (!job.district && hasFiguresSheet(loaded.workbook)) {
    const read = await readFiguresSheet(loaded.workbook);
    if (!read.ok) return unreadableFile(file, read.message);
    return { kind: 'level', input: { file, consolidation: read.consolidation } };
  }
  if (job.district || (isDistrictWorkbook(loaded.workbook) && !locateMemberSheet(loaded.workbook))) {
    const { data, issues } = readDistrictWorkbook(loaded.workbook);
    return { kind: 'district', input: { file, data, issues, issuer: readIssuer(loaded.workbook) } };
  }
  const unit = analyzeUnit(file, loaded.workbook, options);
  if (isFailure(unit)) return { kind: 'failure', failure: unit };
  return { kind: 'unit', input: { file, summary: unit.analysis.summary } };
}

function unreadableFile(file: string, message: string): LoadedInput {
  return { kind: 'failure', failure: { file, code: 'E_FILE_UNREADABLE', message: `${file}: ${message}` } };
}

/** The JSON that `consolidate --json` printed: a lower level's consolidation, checked before it is trusted. */
async function loadConsolidationJson(file: string): Promise<LoadedInput> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return unreadableFile(file, code === 'ENOENT' ? 'không tìm thấy tệp.' : `không đọc được tệp (${code}).`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return unreadableFile(file, 'không phải JSON hợp lệ (cần JSON do “xeploai consolidate --json” in ra).');
  }
  // What `summarize --json` or `validate --json` printed: one unit's, not a consolidation.
  const printed = value as { unit?: unknown; members?: unknown; errors?: unknown; units?: unknown } | null;
  if (printed && typeof printed === 'object' && !printed.units && (printed.unit || printed.errors))
    return unreadableFile(
      file,
      'là JSON do “summarize” hay “validate” in ra (một đơn vị), không phải số liệu tổng hợp: hãy đưa tệp ' +
        '.xlsx/.csv của đơn vị, hoặc JSON do “xeploai consolidate --json” in ra.',
    );
  const checked = await checkConsolidation(value);
  if (!checked.ok) return unreadableFile(file, checked.message);
  return { kind: 'level', input: { file, consolidation: checked.consolidation } };
}

/** Every unit and district workbook under `paths`; a workbook with district sheets and no member sheet is the district's. */
export async function loadSet(
  paths: string[],
  options: UnitOptions & { district?: string },
): Promise<LoadedSet> {
  const { files, failures } = await expandInputs(paths);
  const set: LoadedSet = { units: [], levels: [], districts: [], failures };
  const districtFiles = options.district ? [options.district] : [];
  const jobs = [...files.filter((f) => !districtFiles.includes(f)), ...districtFiles].map((file) => ({
    file,
    district: districtFiles.includes(file),
  }));
  const unitOptions = { unit: options.unit, year: options.year };
  // One file at a time: only its summary outlives it.
  for (const job of jobs) {
    const loaded = await loadInput(job, unitOptions);
    if (loaded.kind === 'failure') set.failures.push(loaded.failure);
    else if (loaded.kind === 'district') set.districts.push(loaded.input);
    else if (loaded.kind === 'level') set.levels.push(loaded.input);
    else set.units.push(loaded.input);
  }
  return set;
}
