// Pictures of what a unit's clerk sees in Google Sheets, taken in Chromium from the BUILT add-on run in the
// add-on host: the member sheet after "Kiểm tra dữ liệu" with the sidebar open, the `Lỗi` sheet, and the
// settings dialog. The data is a sample unit's file with the mistakes clerks typically make typed in.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { openAddonHost, type AddonHost } from '../addon-host';
import { withScriptStub } from '../browser/apps-script-page';
import { shoot } from './shoot';
import { gridWidth, sheetGridHtml, type GridView } from './sheet-grid';

const SIDEBAR_WIDTH = 300;
/** Excel measures columns in characters of about 7 pixels, Sheets in pixels. */
const PIXELS_PER_CHARACTER = 7;
const API_URL = 'https://asia-southeast1-xeploai-hanoi.cloudfunctions.net/api';

export interface AddonPicture {
  file: string;
  what: string;
}

/** Typing into the member sheet as a clerk would: a cell by its header and member number (row below header). */
function typeInto(host: AddonHost, header: string, member: number, value: unknown): void {
  const sheet = host.spreadsheet.sheet('Đảng viên');
  const headerRow = sheet.rangeView(1, 1, 1, sheet.maxColumns).getValues()[0];
  const column = headerRow.findIndex((h) => h === header) + 1;
  if (column === 0) throw new Error(`no column ${header}`);
  sheet.rangeView(1 + member, column, 1, 1).setValue(value);
}

function cardOf(host: AddonHost, member: number): unknown {
  const sheet = host.spreadsheet.sheet('Đảng viên');
  return sheet.rangeView(1 + member, 3, 1, 1).getValue();
}

/** Sheets keeps a file's column widths when it opens it; the host reads values only. */
async function keepColumnWidths(host: AddonHost, file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  for (const source of book.worksheets) {
    const sheet = host.spreadsheet.sheets.find((s) => s.name === source.name);
    source.columns.forEach((column, i) => {
      if (sheet && column.width) sheet.widths.set(i + 1, Math.round(column.width * PIXELS_PER_CHARACTER));
    });
  }
}

const frame = (title: string, body: string, width: number) =>
  `<div class="panel" style="width:${width}px"><div class="bar"><span>${title}</span><span class="x">✕</span></div>${body}</div>`;

const PAGE_STYLE = `<style>
body{margin:0;font-family:Arial,'Liberation Sans',sans-serif;background:#fff}
.row{display:flex;align-items:stretch}
.panel{border-left:1px solid #dadce0;background:#fff;display:flex;flex-direction:column}
.bar{display:flex;justify-content:space-between;align-items:center;height:48px;padding:0 16px;font-size:16px;color:#202124;border-bottom:1px solid #dadce0}
.x{color:#5f6368;font-size:14px}
iframe{border:0;display:block}
.dim{background:rgba(0,0,0,.45);padding:40px;display:inline-block}
.dialog{border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.3);overflow:hidden}
</style>`;

const srcdoc = (html: string) => html.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Draws the pictures into `out`; `unitFile` is a sample unit's workbook (npm run sample). */
export async function addonPictures(
  browser: Browser,
  unitFile: string,
  out: string,
): Promise<AddonPicture[]> {
  const opened = await openAddonHost(unitFile, {
    documentProperties: { 'xeploai.apiUrl': API_URL, 'xeploai.unitCode': 'CB01', 'xeploai.year': '2023' },
  });
  if (!opened.ok) throw new Error(opened.message);
  const host = opened.host;
  await keepColumnWidths(host, unitFile);
  // What clerks get wrong: a misspelt level, a row left blank, a disciplined member rated good, a card
  // number copied from the row above, a level typed without diacritics.
  typeInto(host, 'Xếp loại', 2, 'Hoàn thàn tốt');
  typeInto(host, 'Xếp loại', 5, '');
  typeInto(host, 'Kỷ luật trong năm', 6, 'x');
  typeInto(host, 'Xếp loại', 6, 'Hoàn thành tốt nhiệm vụ');
  // Pasted as text, as card numbers with a leading zero are kept.
  typeInto(host, 'Số thẻ đảng viên', 8, `'${String(cardOf(host, 7))}`);
  typeInto(host, 'Xếp loại', 10, 'Hoan thanh tot nhiem vu');

  host.run('validateData');
  const sidebar = host.pages.at(-1);
  if (!sidebar || sidebar.kind !== 'sidebar') throw new Error('Kiểm tra dữ liệu showed no sidebar');
  // The clerk clicks the first issue in the sidebar: its cell is selected.
  host.run('selectCell', 'Đảng viên', 'G3');

  const pictures: AddonPicture[] = [];
  const members: GridView = { sheet: 'Đảng viên', rows: 19, columns: 10, openNote: 'G3' };
  const grid = sheetGridHtml(host.spreadsheet, members);
  const side = withScriptStub(sidebar.html, { selectCell: { ok: true } });
  const sheetWidth = gridWidth(host.spreadsheet, members) + 8;
  await shoot(
    browser,
    `<!doctype html><html><head><meta charset="utf-8">${PAGE_STYLE}</head><body><div id="shot" class="row">
<iframe srcdoc="${srcdoc(grid)}" style="width:${sheetWidth}px;height:462px"></iframe>
${frame(sidebar.title || 'Kiểm tra dữ liệu', `<iframe srcdoc="${srcdoc(side)}" style="width:${SIDEBAR_WIDTH}px;height:414px"></iframe>`, SIDEBAR_WIDTH)}
</div></body></html>`,
    join(out, 'kiem-tra-dang-vien.png'),
    { width: sheetWidth + SIDEBAR_WIDTH + 2, height: 480 },
  );
  pictures.push({
    file: 'kiem-tra-dang-vien.png',
    what: 'member sheet with its marks, an open note, the sidebar',
  });

  const issues = host.spreadsheet.sheet('Lỗi');
  const issueColumns = Math.max(...issues.cells.map((line) => line?.length ?? 0));
  const issueView: GridView = {
    sheet: 'Lỗi',
    rows: Math.min(12, issues.cells.length + 1),
    // One empty column more: the codes, last, run on over it as in Sheets.
    columns: issueColumns + 1,
  };
  await shoot(browser, sheetGridHtml(host.spreadsheet, issueView), join(out, 'trang-loi.png'), {
    width: 1400,
    height: 400,
  });
  pictures.push({ file: 'trang-loi.png', what: 'the Lỗi sheet' });

  host.run('openSettings');
  const dialog = host.pages.at(-1)!;
  const width = dialog.width ?? 400;
  const height = dialog.height ?? 300;
  const form = withScriptStub(dialog.html, { saveSettings: { ok: true } });
  await shoot(
    browser,
    `<!doctype html><html><head><meta charset="utf-8">${PAGE_STYLE}</head><body><div id="shot" class="dim"><div class="dialog">${frame(
      dialog.title,
      `<iframe srcdoc="${srcdoc(form)}" style="width:${width}px;height:${height}px"></iframe>`,
      width,
    )}</div></div></body></html>`,
    join(out, 'cai-dat.png'),
    { width: width + 100, height: height + 160 },
  );
  pictures.push({ file: 'cai-dat.png', what: 'the settings dialog' });
  return pictures;
}
