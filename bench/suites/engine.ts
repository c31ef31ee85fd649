// The engine alone: read, check and tally one member sheet held in memory (what the add-on does with one
// getValues() and the server with a submitted report), at growing sizes, each size in a fresh process.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { median, round } from './stats';

export interface EngineSize {
  rows: number;
  runs: number;
  /** Wall clock. */
  medianMs: number;
  /** CPU time of the process (all its threads): what one core spends, whatever else runs on the machine. */
  medianCpuMs: number;
  /** Rows ÷ CPU time. */
  rowsPerSecond: number;
  /** Bytes of the input grid (arrays and strings) on the heap. */
  inputBytes: number;
  inputBytesPerRow: number;
  /** Peak memory the check added (resident high-water mark growth), per row. */
  bytesPerRow: number;
  /** What the result keeps alive after a GC, ÷ input. */
  retainedRatio: number;
  /** Peak resident memory added while checking (the process's high-water mark) ÷ input. */
  peakMemoryRatio: number;
}

export interface EngineResult {
  sizes: EngineSize[];
  rowsPerSecond: number;
  /** Cost per row at the largest size ÷ cost per row at 12.000 rows (1 = perfectly linear). */
  linearity: number;
  peakMemoryRatio: number;
}

const SIZES_FULL: [number, number][] = [
  [1_000, 31],
  [12_000, 11],
  [100_000, 5],
  [1_000_000, 3],
];
const SIZES_QUICK: [number, number][] = [
  [1_000, 11],
  [12_000, 5],
  [100_000, 3],
  [1_000_000, 1],
];

export function runEngine(quick: boolean, log: (line: string) => void): EngineResult {
  const sizes: EngineSize[] = [];
  for (const [rows, runs] of quick ? SIZES_QUICK : SIZES_FULL) {
    log(`  engine: ${rows} rows × ${runs}`);
    const output = execFileSync(
      process.execPath,
      ['--expose-gc', join(__dirname, 'engine-child.cjs'), String(rows), String(runs)],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    const measured = JSON.parse(output) as {
      times: number[];
      cpuTimes: number[];
      inputBytes: number;
      retainedBytes: number;
      peakRssGrowth: number;
      total: number;
    };
    if (measured.total !== rows) throw new Error(`engine: tallied ${measured.total} of ${rows} rows`);
    // The first run of a small size warms the JIT up; it is left out where there are several.
    const warm = (list: number[]) => (list.length > 2 ? list.slice(1) : list);
    const times = warm(measured.times);
    const medianMs = median(times);
    const medianCpuMs = median(warm(measured.cpuTimes));
    sizes.push({
      rows,
      runs: times.length,
      medianMs: round(medianMs, 1),
      medianCpuMs: round(medianCpuMs, 1),
      rowsPerSecond: Math.round(rows / (medianCpuMs / 1000)),
      inputBytes: measured.inputBytes,
      inputBytesPerRow: Math.round(measured.inputBytes / rows),
      bytesPerRow: Math.round(measured.peakRssGrowth / rows),
      retainedRatio: round(measured.retainedBytes / measured.inputBytes),
      peakMemoryRatio: round(measured.peakRssGrowth / measured.inputBytes),
    });
  }
  const largest = sizes[sizes.length - 1];
  const reference = sizes.find((s) => s.rows === 12_000)!;
  const perRow = (s: EngineSize) => s.medianCpuMs / s.rows;
  return {
    sizes,
    rowsPerSecond: largest.rowsPerSecond,
    linearity: round(perRow(largest) / perRow(reference)),
    peakMemoryRatio: largest.peakMemoryRatio,
  };
}
