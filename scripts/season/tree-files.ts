import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { readDistrictWorkbook, type OrganizationRating } from '../../core';
import { readWorkbookFile } from '../../cli/read-workbook';

/** An office above the units: its workbook, and the organizations it lists (and rates) directly below it. */
export interface SuperiorFile {
  code: string;
  /** Its `Thông tin`'s `Tên tổ chức` (the code when none). */
  name: string;
  file: string;
  below: OrganizationRating[];
}

/** A season's files as the sample lays them out: `units/<PARENT>/<CODE>.xlsx` and `superiors/<CODE>.xlsx`. */
export interface TreeFiles {
  /** Every unit file, with the code of the office it reports to. */
  units: { code: string; parent: string; file: string }[];
  /** Bottom-up: every office comes after the offices it lists. */
  superiors: SuperiorFile[];
  root: SuperiorFile;
}

const codeOf = (file: string) => basename(file).replace(/\.xlsx$/i, '');

async function xlsxIn(folder: string): Promise<string[]> {
  return (await readdir(folder))
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => join(folder, f));
}

/** Reads the tree of a season folder; a file's code is its name, as the offices name what they send. */
export async function readTreeFiles(folder: string): Promise<TreeFiles> {
  const superiors: SuperiorFile[] = [];
  for (const file of await xlsxIn(join(folder, 'superiors'))) {
    const read = await readWorkbookFile(file);
    if (!read.ok) throw new Error(read.message);
    const { data } = readDistrictWorkbook(read.workbook);
    superiors.push({
      code: codeOf(file),
      name: data.info?.name || codeOf(file),
      file,
      below: data.organizations,
    });
  }
  const units: TreeFiles['units'] = [];
  for (const parent of (await readdir(join(folder, 'units'))).sort()) {
    for (const file of await xlsxIn(join(folder, 'units', parent)))
      units.push({ code: codeOf(file), parent, file });
  }
  const listed = new Set(superiors.flatMap((s) => s.below.map((o) => o.code)));
  const roots = superiors.filter((s) => !listed.has(s.code));
  if (roots.length !== 1) throw new Error(`${folder}: cần đúng một cấp cao nhất, thấy ${roots.length}.`);
  const depth = (code: string): number => {
    const above = superiors.find((s) => s.below.some((o) => o.code === code));
    return above ? 1 + depth(above.code) : 0;
  };
  superiors.sort((a, b) => depth(b.code) - depth(a.code));
  return { units, superiors, root: roots[0] };
}
