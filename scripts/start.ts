// `npm start`: the 2023 sample season consolidated from raw rows, checked against the published report.
import { join } from 'node:path';
import { buildConsolidation } from '../cli/commands/consolidate';
import { renderConsolidation } from '../cli/render/consolidation';
import { writeReportWorkbook } from '../cli/report-workbook';
import { generateSample } from './sample/generate';
import { renderFigureChecks } from './season/render-figure-checks';
import { mkdir } from 'node:fs/promises';

const SAMPLE = 'sample';
const OUT = join('out', 'bao-cao-tong-hop-2023.xlsx');

async function main(): Promise<number> {
  await generateSample(SAMPLE, {});
  const built = await buildConsolidation({ inputs: [join(SAMPLE, '2023')], previous: join(SAMPLE, '2022') });
  if (!built.ok) {
    for (const failure of built.failures) process.stderr.write(`Lỗi: ${failure.message}\n`);
    return 2;
  }
  await mkdir('out', { recursive: true });
  const written = await writeReportWorkbook(built.report, OUT);
  process.stdout.write(renderConsolidation(built.report) + '\n\n' + renderFigureChecks(built.report) + '\n\n');
  process.stdout.write(written.ok ? `Đã ghi báo cáo vào ${OUT}.\n` : `Lỗi: ${written.message}\n`);
  return written.ok ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`Lỗi: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
