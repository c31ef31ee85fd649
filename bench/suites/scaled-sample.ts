// The sample's unit workbooks copied `times` times, each copy under its own unit codes (a duplicate code
// would be consolidated once), so the CLI and pandas both read `times` × as many files. Kept in .bench/.
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readWorkbookFile } from '../../cli/read-workbook';
import { xlsxBytes } from '../../scripts/sample/write-xlsx';
import type { WorkbookData } from '../../core';

function withCode(workbook: WorkbookData, suffix: string): WorkbookData {
  return {
    sheets: workbook.sheets.map((sheet) =>
      sheet.name === 'Thông tin'
        ? {
            ...sheet,
            rows: sheet.rows.map((row) => (row[0] === 'Mã đơn vị' ? [row[0], `${row[1]}-${suffix}`] : row)),
          }
        : sheet,
    ),
  };
}

/**
 * `<outDir>/units/copy-<k>/<file>` for k = 1…times, the folder returned; rebuilt when the source folder's
 * manifest changed. The marker stays outside the folder read: `consolidate` reads a .json there as a
 * lower level's figures.
 */
export async function scaledSample(
  unitsDir: string,
  manifestFile: string,
  outDir: string,
  times: number,
): Promise<string> {
  const marker = join(outDir, 'source-manifest.json');
  const unitsOut = join(outDir, 'units');
  const source = await readFile(manifestFile, 'utf8');
  if (existsSync(marker) && existsSync(unitsOut) && (await readFile(marker, 'utf8')) === source)
    return unitsOut;
  await rm(outDir, { recursive: true, force: true });
  const files = (await readdir(unitsDir)).filter((f) => f.endsWith('.xlsx')).sort();
  for (const file of files) {
    const read = await readWorkbookFile(join(unitsDir, file));
    if (!read.ok) throw new Error(read.message);
    for (let k = 1; k <= times; k++) {
      const folder = join(unitsOut, `copy-${String(k).padStart(2, '0')}`);
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, file), await xlsxBytes(withCode(read.workbook, `K${k}`)));
    }
  }
  await writeFile(marker, source);
  return unitsOut;
}
