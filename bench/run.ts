// `npm run bench`: how long the engine and the CLI take on realistic volumes, and how much memory they hold.
import { join } from 'node:path';
import { analyzeUnitWorkbook, formatNumber, type WorkbookData } from '../core';
import { buildConsolidation } from '../cli/commands/consolidate';
import { generateSample } from '../scripts/sample/generate';
import { renderTable } from '../cli/render/table';

const RATINGS = [
  'Hoàn thành xuất sắc nhiệm vụ',
  'Hoàn thành tốt nhiệm vụ',
  'Hoàn thành tốt nhiệm vụ',
  'Hoàn thành nhiệm vụ',
];

/** A unit sheet of `count` members, as getValues() would return it. */
function memberGrid(count: number): WorkbookData {
  const rows: (string | number | Date)[][] = [
    [
      'STT',
      'Họ và tên',
      'Số thẻ đảng viên',
      'Ngày vào Đảng',
      'Xếp loại',
      'Lý do không xếp loại',
      'Kỷ luật trong năm',
      'Nhóm',
    ],
  ];
  for (let i = 1; i <= count; i++) {
    rows.push([
      i,
      `Nguyễn Văn Thành ${i}`,
      `01.${String(i).padStart(6, '0')}`,
      new Date(Date.UTC(1990 + (i % 30), i % 12, 1 + (i % 27))),
      RATINGS[i % 4],
      '',
      '',
      i % 7 === 0 ? 'Đoàn viên thanh niên' : '',
    ]);
  }
  return {
    sheets: [
      {
        name: 'Thông tin',
        rows: [
          ['Mã đơn vị', 'DB99'],
          ['Năm', 2023],
        ],
      },
      { name: 'Đảng viên', rows },
    ],
  };
}

async function measure(
  label: string,
  runs: number,
  work: () => Promise<unknown> | unknown,
): Promise<string[]> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = await work();
    times.push(performance.now() - started);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    if (!result) throw new Error(`${label}: không có kết quả`);
  }
  times.sort((a, b) => a - b);
  return [
    label,
    formatNumber(runs),
    formatNumber(times[Math.floor(times.length / 2)], 1),
    formatNumber(times[0], 1),
    formatNumber((peak - before) / 1e6, 1),
    formatNumber(process.memoryUsage().rss / 1e6, 0),
  ];
}

async function main(): Promise<void> {
  await generateSample('sample', {});
  const big = memberGrid(12_000);
  const rows = [
    await measure('core: kiểm tra + tổng hợp 12.000 dòng (trong bộ nhớ)', 10, () => analyzeUnitWorkbook(big)),
    await measure('cli: consolidate 85 tệp mẫu 2023 (đọc .xlsx + tổng hợp)', 3, () =>
      buildConsolidation({ inputs: [join('sample', '2023')] }),
    ),
    await measure('cli: consolidate 2023 với --previous 2022 (170 tệp)', 3, () =>
      buildConsolidation({ inputs: [join('sample', '2023')], previous: join('sample', '2022') }),
    ),
  ];
  console.log(
    renderTable(
      ['Phép đo', 'Số lần', 'Trung vị (ms)', 'Nhanh nhất (ms)', 'Heap tăng (MB)', 'RSS (MB)'],
      rows,
    ),
  );
}

void main();
