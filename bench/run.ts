// `npm run bench [-- --quick] [-- --json] [-- --only engine,addon,cli,backend]`: the engine, the add-on,
// the CLI against pandas and the backend on the emulators; figures and how to read them in BENCHMARKS.md.
// Progress goes to stderr; stdout has the tables, or one JSON document with --json.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatNumber } from '../core';
import { renderTable } from '../cli/render/table';
import { generateSample } from '../scripts/sample/generate';
import { runAddon, type AddonResult } from './suites/addon';
import { runBackend, type BackendResult } from './suites/backend';
import { compareWithPandas, ensureTools, type CliResult } from './suites/cli-vs-pandas';
import { runEngine, type EngineResult } from './suites/engine';
import { scaledSample } from './suites/scaled-sample';

const SUITES = ['engine', 'addon', 'cli', 'backend'] as const;
type Suite = (typeof SUITES)[number];

interface BenchResult {
  quick: boolean;
  node: string;
  engine?: EngineResult;
  addon?: AddonResult;
  cli?: CliResult;
  backend?: BackendResult;
  /** Suites that could not run, with why. */
  failed: Partial<Record<Suite, string>>;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const n = (value: number | null | undefined, decimals = 0) =>
  value === null || value === undefined ? '–' : formatNumber(value, decimals);

async function runCli(quick: boolean): Promise<CliResult> {
  ensureTools(log);
  await generateSample('sample', {});
  const x10 = await scaledSample(
    join('sample', '2023', 'units'),
    join('sample', 'manifest.json'),
    join('.bench', 'x10'),
    10,
  );
  // The command as users run it: its launcher, with the flags its first line gives node.
  const cliEntry = join(__dirname, '..', '..', 'bin', 'xeploai.cjs');
  const sizes = [
    compareWithPandas('85 tệp mẫu 2023', join('sample', '2023'), 86, quick ? 3 : 5, cliEntry, log),
    compareWithPandas('850 tệp (×10)', x10, 850, quick ? 1 : 3, cliEntry, log),
  ];
  return {
    sizes,
    vsPandas: Math.min(...sizes.map((s) => s.vsPandas)),
    memoryVsPandas: Math.max(...sizes.map((s) => s.memoryVsPandas)),
  };
}

function tables(result: BenchResult): string {
  const parts: string[] = [];
  if (result.engine) {
    parts.push(
      renderTable(
        [
          'Động cơ: dòng',
          'Số lần',
          'Trung vị (ms)',
          'CPU (ms)',
          'Dòng/giây CPU',
          'Đầu vào (B/dòng)',
          'Thêm (B/dòng)',
          'Đỉnh ÷ đầu vào',
        ],
        result.engine.sizes.map((s) => [
          n(s.rows),
          n(s.runs),
          n(s.medianMs, 1),
          n(s.medianCpuMs, 1),
          n(s.rowsPerSecond),
          n(s.inputBytesPerRow),
          n(s.bytesPerRow),
          n(s.peakMemoryRatio, 2),
        ]),
      ) + `\nTuyến tính (chi phí/dòng ở cỡ lớn nhất ÷ ở 12.000): ${n(result.engine.linearity, 2)}`,
    );
  }
  if (result.addon) {
    const a = result.addon;
    parts.push(
      renderTable(
        ['Tiện ích: lệnh', '100 dòng', '12.000 dòng', '3.000 dòng lỗi'],
        [
          [
            'Kiểm tra dữ liệu',
            n(a.calls.validate100),
            n(a.calls.validate12000),
            n(a.calls.validateIssues3000),
          ],
          [
            '  trong đó lượt đến bảng tính',
            n(a.roundTrips.validate100),
            n(a.roundTrips.validate12000),
            n(a.roundTrips.validateIssues3000),
          ],
          [
            '  bản ngây thơ (từng ô)',
            n(a.naiveCalls.validate100),
            n(a.naiveCalls.validate12000),
            n(a.naiveCalls.validateIssues3000),
          ],
          [
            '  bản ngây thơ: lượt đến bảng tính',
            n(a.naiveRoundTrips.validate100),
            n(a.naiveRoundTrips.validate12000),
            n(a.naiveRoundTrips.validateIssues3000),
          ],
          ['Tính tỷ lệ', n(a.calls.computeSummary100), n(a.calls.computeSummary12000), ''],
          [
            '  trong đó lượt đến bảng tính',
            n(a.roundTrips.computeSummary100),
            n(a.roundTrips.computeSummary12000),
            '',
          ],
          ['Gửi báo cáo', n(a.calls.sendReport100), n(a.calls.sendReport12000), ''],
          [
            '  trong đó lượt đến bảng tính',
            n(a.roundTrips.sendReport100),
            n(a.roundTrips.sendReport12000),
            '',
          ],
          ['Tạo biểu mẫu (2 trang mới)', n(a.calls.createTemplate), '', ''],
          ['  trong đó lượt đến bảng tính', n(a.roundTrips.createTemplate), '', ''],
          ...addonRows(a),
        ],
      ) +
        `\nCode.js: ${n(a.bundleBytes)} byte; nạp ${n(a.loadMs, 1)} ms, nạp + onOpen ${n(a.loadAndOnOpenMs, 1)} ms`,
    );
  }
  if (result.cli) {
    parts.push(
      renderTable(
        [
          'CLI so với pandas',
          'Số lần',
          'xeploai (ms)',
          'pandas (ms)',
          'Nhanh hơn',
          'xeploai (MB)',
          'pandas (MB)',
          'Bộ nhớ',
          'Tải máy',
        ],
        result.cli.sizes.map((s) => [
          s.label,
          n(s.runs),
          n(s.cliMs),
          n(s.pandasMs),
          `${n(s.vsPandas, 2)}×`,
          n(s.cliPeakMB, 1),
          n(s.pandasPeakMB, 1),
          `${n(s.memoryVsPandas, 2)}×`,
          `${n(s.load[0], 1)} → ${n(s.load[1], 1)}`,
        ]),
      ),
    );
  }
  if (result.backend) {
    const b = result.backend;
    parts.push(
      b.submit
        ? `Gửi cùng lúc ${n(b.submit.units)} đơn vị: p50 ${n(b.submit.p50Ms)} ms, p95 ${n(b.submit.p95Ms)} ms, tối đa ${n(b.submit.maxMs)} ms; đã lưu ${n(b.submit.stored)}, mất ${n(b.submit.lost)}`
        : `Gửi cùng lúc: không đo được (${b.submitFailure})`,
      renderTable(
        ['Tổng hợp: đơn vị', 'Số lần', 'Trung vị (ms)', 'Lượt đọc', 'Tài liệu (byte)', 'Từ chối'],
        b.consolidations.map((c) => [
          n(c.units),
          n(c.runs),
          n(c.medianMs),
          n(c.reads),
          n(c.documentBytes),
          c.refused ?? '',
        ]),
      ),
    );
    if (b.rollUp) {
      const r = b.rollUp;
      const levels = (list: typeof r.full) =>
        list.map((l) => `${l.code} ${n(l.reads)}/${n(l.children)}`).join(', ');
      parts.push(
        `Tổng hợp 3 cấp (${n(r.units)} đơn vị): mọi cấp cũ ${n(r.fullMs)} ms; sau khi 1 đơn vị gửi lại ${n(r.incrementalMs)} ms, lượt đọc/số cấp dưới: ${levels(r.incremental)}`,
      );
    }
  }
  for (const [suite, why] of Object.entries(result.failed)) parts.push(`${suite}: không chạy được (${why})`);
  return parts.join('\n\n');
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { quick: { type: 'boolean' }, json: { type: 'boolean' }, only: { type: 'string' } },
  });
  const wanted = (values.only?.split(',') ?? SUITES) as Suite[];
  const unknown = wanted.filter((s) => !SUITES.includes(s));
  if (unknown.length) throw new Error(`--only: ${unknown.join(', ')} (chọn trong ${SUITES.join(', ')})`);
  const quick = values.quick ?? false;
  mkdirSync('.bench', { recursive: true });
  const result: BenchResult = { quick, node: process.version, failed: {} };
  const suites: Record<Suite, () => Promise<unknown> | unknown> = {
    engine: () => (result.engine = runEngine(quick, log)),
    addon: () => (result.addon = runAddon(quick, log)),
    cli: async () => (result.cli = await runCli(quick)),
    backend: async () => {
      // It submits the 2023 sample's units: on a fresh clone `--only backend` must make them first.
      await generateSample('sample', {});
      result.backend = await runBackend(quick, log);
    },
  };
  // A suite that cannot run (e.g. the emulators' ports are taken) is reported; the others still run.
  for (const suite of SUITES.filter((s) => wanted.includes(s))) {
    log(suite);
    try {
      await suites[suite]();
    } catch (error) {
      result.failed[suite] = error instanceof Error ? error.message : String(error);
      log(`  ${suite}: ${result.failed[suite]}`);
      process.exitCode = 1;
    }
  }
  process.stdout.write(values.json ? JSON.stringify(result, null, 2) + '\n' : tables(result) + '\n');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

/** The add-on's other actions, a line of calls and one of round trips each (100 / 12.000 / 3.000 issues). */
function addonRows(a: AddonResult): string[][] {
  const lines: [string, (keyof AddonResult['calls'] | null)[]][] = [
    ['Kiểm tra dữ liệu, đủ 4 trang', ['validateFull100', 'validateFull12000', 'validateFullIssues3000']],
    ['Tính tỷ lệ, đủ 4 trang', ['computeSummaryFull100', 'computeSummaryFull12000', null]],
    ['Gửi báo cáo, đủ 4 trang', ['sendReportFull100', null, null]],
    ['Tạo biểu mẫu (bảng tính trống: 4 trang)', ['createTemplateEmpty', null, null]],
    ['Tính tỷ lệ lần nữa (từ trang Đảng viên)', ['computeSummaryAgain100', 'computeSummaryAgain12000', null]],
    ['Gửi báo cáo khi còn lỗi', [null, null, 'sendReportIssues3000']],
    ['Sửa chữ xếp loại (sau Kiểm tra)', ['fixLabels100', 'fixLabels12000', 'fixLabelsIssues3000']],
    ['Tạo biểu mẫu cấp trên (3 trang)', ['createSuperiorSheets', null, null]],
    ['Giao chỉ tiêu (100 / 12.000 tổ chức)', ['assignTargets100', 'assignTargets12000', null]],
    ['Giao chỉ tiêu khi chưa có trang', ['assignTargetsCreate', null, null]],
    ['Tổng hợp (100 / 12.000 tổ chức)', ['consolidate100', 'consolidate12000', null]],
    ['Tổng hợp lần nữa', ['consolidateAgain100', 'consolidateAgain12000', null]],
    ['Cài đặt: mở / lưu', ['openSettings', 'saveSettings', null]],
    ['Bấm một lỗi ở thanh bên', ['selectCell', null, null]],
  ];
  const cells = (of: Record<string, number>, keys: (string | null)[]) =>
    keys.map((k) => (k === null ? '' : n(of[k])));
  return lines.flatMap(([label, keys]) => [
    [label, ...cells(a.calls, keys)],
    ['  trong đó lượt đến bảng tính', ...cells(a.roundTrips, keys)],
  ]);
}
