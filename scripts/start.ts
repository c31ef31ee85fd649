// `npm start`: a whole reporting season on the local stack, end to end, through the built add-on.
//   npm start [-- --year 2025] [-- --keep]
//   --year 2023 (default): the seed's district and its 85 units; --year 2025: a thành ủy over three communes.
//   --keep leaves the emulators running and says where they listen.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildConsolidation } from '../cli/commands/consolidate';
import { renderConsolidation } from '../cli/render/consolidation';
import { formatNumber } from '../core';
import {
  API_URL,
  FIRESTORE_HOST,
  SCHEDULED_URL,
  startStack,
  stopStack,
  type StackHandle,
} from './local-stack.mjs';
import { generateSample } from './sample/generate';
import { differencesFromCli } from './season/compare-with-cli';
import { progressBar } from './season/progress';
import { renderFigureChecks } from './season/render-figure-checks';
import { runSeason } from './season/run-season';
import { reportTreeSeason } from './season/tree-season-report';

const SAMPLE = 'sample';
const YEARS = [2023, 2025];
const USAGE = 'Cách dùng: npm start -- [--year 2023|2025] [--keep]';

async function main(argv: string[]): Promise<number> {
  let values: { keep?: boolean; year?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { keep: { type: 'boolean' }, year: { type: 'string' } },
    }));
  } catch {
    process.stderr.write(`Tham số không hợp lệ. ${USAGE}\n`);
    return 2;
  }
  const YEAR = values.year === undefined ? 2023 : Number(values.year);
  if (!YEARS.includes(YEAR)) {
    process.stderr.write(`Dữ liệu mẫu có mùa 2023 và 2025, không có năm ${values.year}. ${USAGE}\n`);
    return 2;
  }
  const keep = values.keep === true;
  const OUT = join('out', `bao-cao-tong-hop-${YEAR}.xlsx`);
  const say = (line: string) => process.stdout.write(line + '\n');
  const started = performance.now();
  const generated = await generateSample(SAMPLE, {});
  say(generated.skipped ? `Dữ liệu mẫu: ${SAMPLE}/ (đã có).` : `Đã tạo dữ liệu mẫu trong ${SAMPLE}/.`);

  let stack: StackHandle | null = null;
  let kept = false;
  try {
    say('Khởi động Firestore emulator và Functions emulator (demo-xeploai, 127.0.0.1)…');
    stack = await startStack({ build: false, stopOnSignals: true, logFile: join('out', 'emulators.log') });
    await mkdir('out', { recursive: true });
    if (YEAR !== 2023) {
      const code = await reportTreeSeason({
        apiUrl: API_URL,
        scheduledUrl: SCHEDULED_URL,
        sample: SAMPLE,
        year: YEAR,
        out: 'out',
        say,
        started,
      });
      return keep ? keepRunning() : code;
    }
    const season = await runSeason({
      apiUrl: API_URL,
      scheduledUrl: SCHEDULED_URL,
      sample: SAMPLE,
      year: YEAR,
      out: OUT,
      log: say,
      onUnitSent: (() => {
        let bar: ((done: number) => void) | null = null;
        return (done: number, total: number) => (bar ??= progressBar('Các đơn vị gửi báo cáo', total))(done);
      })(),
    });
    const cli = await buildConsolidation({
      inputs: [join(SAMPLE, String(YEAR))],
      previous: join(SAMPLE, String(YEAR - 1)),
    });
    if (!cli.ok) throw new Error(cli.failures.map((f) => f.message).join(' '));

    say('\n' + renderConsolidation(season.report, cli.reportOptions));
    if (season.report.missing.length) say(`\nĐơn vị chưa gửi báo cáo: ${season.report.missing.join(', ')}.`);
    say('\n' + renderFigureChecks(season.report));
    const differences = differencesFromCli(season.report, cli.report);
    say(
      differences.length
        ? `\nKHÔNG KHỚP với xeploai consolidate trên cùng các tệp:\n  ${differences.join('\n  ')}`
        : `\nSố liệu tổng hợp trên máy chủ khớp hoàn toàn với xeploai consolidate trên cùng ${formatNumber(season.unitFiles.length)} tệp.`,
    );
    const step = (key: string, label: string) => `${label} ${formatNumber(season.seconds[key] ?? 0, 1)} giây`;
    say(
      `Thời gian: ${[
        step('provision', 'khai báo'),
        step('history', `nạp năm ${YEAR - 1}`),
        step('submit', `${season.unitFiles.length} đơn vị gửi báo cáo`),
        step('targets', 'giao chỉ tiêu'),
        step('scheduled', 'tổng hợp theo lịch'),
        step('consolidate', 'tổng hợp toàn đảng bộ'),
      ].join('; ')}.`,
    );
    say(
      `Đã ghi báo cáo của văn phòng cấp trên vào ${OUT} (${formatNumber((performance.now() - started) / 1000, 1)} giây).`,
    );
    return keep ? keepRunning() : differences.length ? 1 : 0;
  } finally {
    if (stack && !kept) await stopStack(stack);
  }

  function keepRunning(): number {
    say(`\nCác trình giả lập vẫn chạy: API ${API_URL}, Firestore ${FIRESTORE_HOST}. Dừng bằng Ctrl-C.`);
    setInterval(() => undefined, 1 << 30); // until Ctrl-C, which stops the stack (stopOnSignals)
    kept = true;
    return 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`Lỗi: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
