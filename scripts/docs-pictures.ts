// `npm run docs:pictures`: the report workbooks as a reader sees them, rendered by LibreOffice (headless) in a
// Vietnamese and an English locale into PNG pages in docs/hinh/. Needs `soffice` and `pdftoppm`
// (Debian: libreoffice-calc-nogui, poppler-utils); not part of the tests.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildConsolidation } from '../cli/commands/consolidate';
import { writeReportWorkbook } from '../cli/report/workbook';

const OUT = 'docs/hinh';
const LOCALES = [
  { code: 'vi-VN', suffix: 'vi' },
  { code: 'en-US', suffix: 'en' },
];

function profileFor(locale: string, root: string): string {
  const dir = join(root, `profile-${locale}`, 'user');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>
</oor:items>
`,
  );
  return `file://${join(root, `profile-${locale}`)}`;
}

/** Pages `first`..`last` of the workbook's print, as `<name>-<locale>-<page>.png`. */
function render(workbook: string, name: string, first: number, last: number, root: string): void {
  for (const locale of LOCALES) {
    const pdfDir = join(root, locale.suffix);
    execFileSync('soffice', [
      `-env:UserInstallation=${profileFor(locale.code, root)}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      pdfDir,
      workbook,
    ]);
    const pdf = join(pdfDir, basename(workbook).replace(/\.xlsx$/, '.pdf'));
    const prefix = join(OUT, `${name}-${locale.suffix}`);
    execFileSync('pdftoppm', ['-r', '80', '-f', String(first), '-l', String(last), '-png', pdf, prefix]);
    process.stdout.write(`${prefix}-*.png\n`);
  }
}

async function main(): Promise<number> {
  for (const tool of ['soffice', 'pdftoppm']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`]);
    } catch {
      process.stderr.write(
        `Lỗi: thiếu ${tool}. Cài bằng: apt-get install -y libreoffice-calc-nogui poppler-utils\n`,
      );
      return 1;
    }
  }
  mkdirSync(OUT, { recursive: true });
  const root = mkdtempSync(join(tmpdir(), 'xeploai-hinh-'));
  const built = await buildConsolidation({ inputs: ['sample/2023'], previous: 'sample/2022' });
  if (!built.ok) {
    process.stderr.write(
      `Lỗi: ${built.failures.map((f) => f.message).join(' ')} (chạy npm run sample trước)\n`,
    );
    return 1;
  }
  const cli = join(root, 'bao-cao-cli.xlsx');
  const written = await writeReportWorkbook(built.report, cli, { ...built.reportOptions, date: new Date() });
  if (!written.ok) throw new Error(written.message);
  render(cli, 'bao-cao-cli', 1, 4, root);
  // The district workbook the add-on wrote during `npm start`, exported as Sheets would download it.
  const addon = 'out/bao-cao-tong-hop-2023.xlsx';
  if (existsSync(addon)) render(addon, 'bao-cao-tien-ich', 1, 2, root);
  else process.stdout.write(`Chưa có ${addon}: chạy npm start trước để có hình của trang tiện ích ghi.\n`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`Lỗi: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
