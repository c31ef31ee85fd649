import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  consolidateTree,
  mergeIssuers,
  previousYearIssue,
  type Consolidation,
  type ConsolidationReportOptions,
} from '../../core';
import type { CliOptions } from '../args';
import { loadSet, type InputFailure, type LoadedSet } from '../inputs';
import { exitCodeFor, unreadable, type CommandOutput } from '../output';
import { renderConsolidation } from '../render/consolidation';

function consolidateSet(set: LoadedSet, previous: Consolidation | null, year?: number): Consolidation {
  // Several levels' workbooks at once: core places every input at the level whose list names it.
  const report = consolidateTree(
    [...set.units.map((u) => u.summary), ...set.levels.map((l) => l.consolidation)],
    set.districts.map((d) => d.data),
    {
      previous,
      year,
      // Core names the files when a unit is counted twice (two files, or a file and a lower level's figures).
      sources: [...set.units.map((u) => u.file), ...set.levels.map((l) => l.file)],
    },
  );
  const districtIssues = set.districts.flatMap((d) => d.issues);
  return {
    ...report,
    errors: [...report.errors, ...districtIssues.filter((i) => i.code.startsWith('E_'))],
    warnings: [...report.warnings, ...districtIssues.filter((i) => !i.code.startsWith('E_'))],
  };
}

/** The report's heading: the workbook of the level the report is of, else all workbooks' names together. */
function issuerOf(set: LoadedSet, report: Consolidation) {
  const own = set.districts.find((d) => d.data.info?.code && d.data.info.code === report.organization?.code);
  return own ? own.issuer : mergeIssuers(...set.districts.map((d) => d.issuer));
}

export type ConsolidationBuild =
  | { ok: true; report: Consolidation; reportOptions: ConsolidationReportOptions }
  | { ok: false; failures: InputFailure[] };

/** Reads the inputs (and last year's) and consolidates them: what `consolidate` prints, as a value. */
export async function buildConsolidation(
  options: Pick<CliOptions, 'inputs' | 'unit' | 'year' | 'district'> & { previous?: string | string[] },
): Promise<ConsolidationBuild> {
  const set = await loadSet(options.inputs, options);
  if (set.failures.length) return { ok: false, failures: set.failures };
  if (!set.units.length && !set.levels.length) {
    return {
      ok: false,
      failures: [
        {
          file: options.inputs.join(', '),
          code: 'E_NO_MEMBER_SHEET',
          message: 'Không có tệp đơn vị nào để tổng hợp.',
        },
      ],
    };
  }
  let previous: Consolidation | null = null;
  if (options.previous) {
    const last = await loadSet([options.previous].flat(), {
      unit: options.unit,
      year: options.year ? options.year - 1 : undefined,
    });
    if (last.failures.length) return { ok: false, failures: last.failures };
    previous = consolidateSet(last, null);
  }
  let report = consolidateSet(set, previous, options.year);
  const wrongYear = previous ? previousYearIssue(report.year, previous.year) : null;
  if (wrongYear) {
    report = consolidateSet(set, null, options.year);
    report = { ...report, warnings: [...report.warnings, wrongYear] };
  }
  return {
    ok: true,
    report,
    // Who issues the report and the names of units that have not reported, from the superior's workbook.
    reportOptions: {
      issuer: issuerOf(set, report),
      organizations: set.districts.flatMap((d) => d.data.organizations),
    },
  };
}

export async function runConsolidate(options: CliOptions): Promise<CommandOutput> {
  if (options.out) {
    const folder = dirname(resolve(options.out));
    if (!existsSync(folder)) {
      return {
        exitCode: 2,
        stdout: '',
        stderr: `Lỗi: Thư mục ${folder} không tồn tại, nên không ghi được ${options.out}. Hãy tạo thư mục đó trước hoặc chọn nơi ghi khác.`,
      };
    }
  }
  const built = await buildConsolidation(options);
  if (!built.ok) return unreadable(built.failures, options.json);
  const { report, reportOptions } = built;
  const extra: string[] = [];
  if (options.out) {
    // Loaded only here: the workbook writer (exceljs) is slow to load and reading needs none of it.
    const { writeReportWorkbook } = await import('../report/workbook');
    const written = await writeReportWorkbook(report, options.out, { ...reportOptions, date: new Date() });
    if (!written.ok) return { exitCode: 2, stdout: '', stderr: `Lỗi: ${written.message}` };
    extra.push(`Đã ghi báo cáo vào ${options.out}.`);
  }
  const exitCode = exitCodeFor(report.errors.length);
  if (options.json) return { exitCode, stdout: '', document: report, stderr: extra.join('\n') };
  return {
    exitCode,
    stdout: [renderConsolidation(report, { ...reportOptions, unitRows: true }), ...extra].join('\n\n'),
    stderr: '',
  };
}
