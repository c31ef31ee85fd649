import type { Browser } from 'playwright-core';
import type { FakeSpreadsheet } from '../addon-host';
import { gridWidth, sheetGridHtml, type GridView } from './sheet-grid';

/** A PNG of the page's `#shot` element, the page drawn at `size`. */
export async function shoot(
  browser: Browser,
  html: string,
  path: string,
  size: { width: number; height: number },
): Promise<void> {
  const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
  await page.setContent(html, { waitUntil: 'load' });
  // The frames' own scripts fill the sidebar after load.
  await page.waitForTimeout(300);
  const box = await page.locator('#shot').boundingBox();
  await page.screenshot({ path, clip: box ?? { x: 0, y: 0, ...size } });
  await page.close();
}

/** A PNG of a sheet's grid (sheet-grid.ts), as wide as its columns. */
export async function shootGrid(
  browser: Browser,
  spreadsheet: FakeSpreadsheet,
  view: GridView,
  path: string,
): Promise<void> {
  const width = gridWidth(spreadsheet, view) + 20;
  await shoot(browser, sheetGridHtml(spreadsheet, view), path, { width, height: 60 + 21 * (view.rows + 2) });
}
