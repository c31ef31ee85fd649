// `npm run docs:pictures`: the pictures of docs/huong-dan-su-dung.md, in docs/hinh/. What a clerk sees in
// Google Sheets (the built add-on in the add-on host, drawn in Chromium: the checked member sheet with the
// sidebar, the `Lỗi` sheet, the settings dialog), and the report workbooks as a reader sees them, rendered
// by LibreOffice (headless) in a Vietnamese and an English locale. Needs `soffice` and `pdftoppm` (Debian:
// libreoffice-calc-nogui, poppler-utils) and the sample data (npm run sample); not part of the tests.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildConsolidation } from '../cli/commands/consolidate';
import { writeReportWorkbook } from '../cli/report/workbook';
import { launchChromium } from './browser/chromium';
import { addonPictures } from './docs-pictures/addon-pictures';
import { levelColumnsPicture } from './docs-pictures/level-columns-picture';

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

/** The workbook printed to PDF by LibreOffice in `locale`; returns the PDF's path. */
function printed(workbook: string, locale: (typeof LOCALES)[number], root: string): string {
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
  return join(pdfDir, basename(workbook).replace(/\.xlsx$/, '.pdf'));
}

/** Pages `first`..`last` of the workbook's print, as `<name>-<locale>-<page>.png`. */
function render(workbook: string, name: string, first: number, last: number, root: string): void {
  for (const locale of LOCALES) {
    const prefix = join(OUT, `${name}-${locale.suffix}`);
    const pdf = printed(workbook, locale, root);
    execFileSync('pdftoppm', ['-r', '80', '-f', String(first), '-l', String(last), '-png', pdf, prefix]);
    process.stdout.write(`${prefix}-*.png\n`);
  }
}

/** The first printed page of one sheet of the workbook, in Vietnamese, as `<name>.png`. */
async function renderSheet(workbook: string, sheet: string, name: string, root: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(workbook);
  for (const other of book.worksheets.filter((w) => w.name !== sheet)) book.removeWorksheet(other.id);
  const alone = join(root, `${name}.xlsx`);
  await book.xlsx.writeFile(alone);
  const pdf = printed(alone, LOCALES[0], root);
  execFileSync('pdftoppm', ['-r', '80', '-f', '1', '-l', '1', '-singlefile', '-png', pdf, join(OUT, name)]);
  process.stdout.write(`${join(OUT, name)}.png\n`);
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
  const browser = await launchChromium();
  try {
    for (const picture of await addonPictures(browser, 'sample/2023/units/CB01.xlsx', OUT))
      process.stdout.write(`${join(OUT, picture.file)}\n`);
    process.stdout.write(`${join(OUT, await levelColumnsPicture(browser, OUT))}\n`);
  } finally {
    await browser.close();
  }
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
  await renderSheet(cli, 'Theo đơn vị', 'theo-don-vi', root);
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
