// One engine measurement in a process of its own (spawned by bench/suites/engine.ts), so each size
// starts from a clean heap and its peak memory is its own: `node --expose-gc engine-child.cjs <rows> <runs>`.
import { analyzeUnitWorkbook } from '../core';
import { memberWorkbook } from './suites/member-grid';
import { elapsedMs } from './suites/stats';

function main(): void {
  const rows = Number(process.argv[2]);
  const runs = Number(process.argv[3]);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc || !(rows > 0) || !(runs > 0))
    throw new Error('usage: node --expose-gc engine-child.cjs <rows> <runs>');
  gc();
  const heapBase = process.memoryUsage().heapUsed;
  const workbook = memberWorkbook(rows);
  gc();
  const inputBytes = process.memoryUsage().heapUsed - heapBase;
  const rssBefore = process.resourceUsage().maxRSS * 1024;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let heapAtEnd = 0;
  let retainedBytes = 0;
  let tally = null;
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const result = analyzeUnitWorkbook(workbook, {});
    times.push(elapsedMs(started));
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    heapAtEnd = Math.max(heapAtEnd, process.memoryUsage().heapUsed - heapBase - inputBytes);
    if (!result.ok) throw new Error(result.message);
    gc();
    retainedBytes = process.memoryUsage().heapUsed - heapBase - inputBytes;
    tally = result.summary.members;
  }
  const peakRssGrowth = process.resourceUsage().maxRSS * 1024 - rssBefore;
  process.stdout.write(
    JSON.stringify({
      rows,
      times,
      cpuTimes,
      inputBytes,
      retainedBytes,
      heapAtEnd,
      peakRssGrowth,
      total: tally?.total,
    }) + '\n',
  );
}

main();
