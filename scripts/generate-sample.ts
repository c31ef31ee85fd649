// `npm run sample [-- --out <dir>] [-- --force]`: the sample workbooks that reproduce the seed report.
import { parseArgs } from 'node:util';
import { formatNumber } from '../core';
import { generateSample, type GenerateResult } from './sample/generate';

export { buildSample } from './sample/build';
export { generateSample, sampleFiles, type SampleManifest } from './sample/generate';

const USAGE = 'Cách dùng: npm run sample -- [--out <thư mục>] [--force]';

export function describeResult(result: GenerateResult, seconds: number): string {
  const { manifest, outDir } = result;
  const fileCount = formatNumber(manifest.files.length);
  if (result.skipped) {
    return `Dữ liệu mẫu trong ${outDir} đã đủ (${fileCount} tệp): không tạo lại; dùng --force để tạo lại.`;
  }
  const megabytes = manifest.files.reduce((n, f) => n + f.bytes, 0) / 1e6;
  const years = manifest.years
    .map((y) => `năm ${y.year}: ${formatNumber(y.units)} đơn vị, ${formatNumber(y.members)} đảng viên`)
    .join('; ');
  return `Đã tạo dữ liệu mẫu trong ${outDir}: ${fileCount} tệp (${formatNumber(megabytes, 1)} MB, ${formatNumber(seconds, 1)} giây); ${years}.`;
}

async function main(argv: string[]): Promise<number> {
  let values: { out?: string; force?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { out: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch {
    console.error(`Tham số không hợp lệ. ${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  const result = await generateSample(values.out ?? 'sample', { force: values.force });
  console.log(describeResult(result, (performance.now() - started) / 1000));
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`Không tạo được dữ liệu mẫu: ${(error as Error).message}`);
      process.exitCode = 1;
    },
  );
}
