// `xeploai consolidate` against the pandas script an analyst would write (bench/pandas_consolidate.py):
// whole processes, wall time and peak resident memory (GNU time's %M), interleaved run by run so both
// see the same machine, the same totals asserted.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, round } from './stats';

const PYTHON = '/usr/bin/python3';
const TIME = '/usr/bin/time';

export interface CliSize {
  label: string;
  files: number;
  runs: number;
  cliMs: number;
  pandasMs: number;
  cliPeakMB: number;
  pandasPeakMB: number;
  /** Median of pandas ÷ CLI over the paired runs. */
  vsPandas: number;
  /** Median of CLI ÷ pandas peak memory over the paired runs. */
  memoryVsPandas: number;
  /** The 1-minute load average before and after the runs (the machine is shared: times depend on it). */
  load: [number, number];
}

export interface CliResult {
  sizes: CliSize[];
  /** The smaller speed-up of the sizes (the goal holds only if it holds for both). */
  vsPandas: number;
  /** The larger memory ratio of the sizes. */
  memoryVsPandas: number;
}

interface Totals {
  total: number;
  evaluated: number;
  counts: Record<string, number>;
  notRated: Record<string, number>;
}

/** Debian's pandas and openpyxl for /usr/bin/python3, and GNU time: installed with apt-get when missing. */
export function ensureTools(log: (line: string) => void): void {
  const missing: string[] = [];
  if (!existsSync(TIME)) missing.push('time');
  const probe = spawnSync(PYTHON, ['-c', 'import pandas, openpyxl'], { stdio: 'ignore' });
  if (probe.status !== 0) missing.push('python3-pandas', 'python3-openpyxl');
  if (missing.length === 0) return;
  log(`  apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'ignore', env });
}

function timed(command: string, args: string[]): { ms: number; peakMB: number; stdout: string } {
  const dir = mkdtempSync(join(tmpdir(), 'xeploai-bench-'));
  const report = join(dir, 'time');
  try {
    const started = process.hrtime.bigint();
    const run = spawnSync(TIME, ['-f', '%M', '-o', report, command, ...args], {
      encoding: 'utf8',
      maxBuffer: 256 << 20,
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (run.status !== 0 && run.status !== 1) {
      throw new Error(`${command} ${args.join(' ')}: exit ${run.status}\n${run.stderr.slice(-2000)}`);
    }
    const peakKB = Number(readFileSync(report, 'utf8').trim().split('\n').pop());
    return { ms, peakMB: peakKB / 1024, stdout: run.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sameTotals(cli: Totals, pandas: Totals, label: string): void {
  const pick = (t: Totals) => JSON.stringify([t.total, t.evaluated, t.counts, t.notRated]);
  if (pick(cli) !== pick(pandas))
    throw new Error(`${label}: totals differ: xeploai ${pick(cli)}, pandas ${pick(pandas)}`);
}

export function compareWithPandas(
  label: string,
  folder: string,
  files: number,
  runs: number,
  cliEntry: string,
  log: (line: string) => void,
): CliSize {
  const script = join(__dirname, '..', '..', 'bench', 'pandas_consolidate.py');
  const pairs: { cli: ReturnType<typeof timed>; pandas: ReturnType<typeof timed> }[] = [];
  const loadBefore = loadavg()[0];
  for (let run = 0; run < runs; run++) {
    log(`  cli vs pandas: ${label}, run ${run + 1}/${runs}`);
    const cli = timed(cliEntry, ['consolidate', folder, '--json']);
    const pandas = timed(PYTHON, [script, folder]);
    sameTotals(
      (JSON.parse(cli.stdout) as { members: Totals }).members,
      JSON.parse(pandas.stdout) as Totals,
      label,
    );
    pairs.push({ cli, pandas });
  }
  return {
    label,
    files,
    runs,
    cliMs: Math.round(median(pairs.map((p) => p.cli.ms))),
    pandasMs: Math.round(median(pairs.map((p) => p.pandas.ms))),
    cliPeakMB: round(median(pairs.map((p) => p.cli.peakMB)), 1),
    pandasPeakMB: round(median(pairs.map((p) => p.pandas.peakMB)), 1),
    vsPandas: round(median(pairs.map((p) => p.pandas.ms / p.cli.ms))),
    memoryVsPandas: round(median(pairs.map((p) => p.cli.peakMB / p.pandas.peakMB))),
    load: [round(loadBefore, 1), round(loadavg()[0], 1)],
  };
}
