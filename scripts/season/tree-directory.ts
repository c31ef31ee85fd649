import { join } from 'node:path';
import { readDistrictWorkbook } from '../../core';
import { readWorkbookFile } from '../../cli/read-workbook';
import type { ProvisionSpec } from '../stack/provision-directory';
import { DISTRICT_EMAIL, unitEmail } from './accounts';
import type { TreeFiles } from './tree-files';

/**
 * The season's directory: this year's units (as the offices list them) and last year's, an account per unit,
 * the account that loads last year's data and reads the consolidation, and both years open.
 */
export async function treeDirectory(
  files: TreeFiles,
  lastYearFolder: string,
  year: number,
): Promise<ProvisionSpec> {
  const units = new Map<string, { code: string; name: string; kind?: string }>();
  const offices = new Set(files.superiors.map((s) => s.code));
  for (const office of files.superiors)
    for (const o of office.below)
      if (!offices.has(o.code)) units.set(o.code, { code: o.code, name: o.name, kind: o.kind });
  const district = await readWorkbookFile(join(lastYearFolder, 'district.xlsx'));
  if (!district.ok) throw new Error(district.message);
  for (const o of readDistrictWorkbook(district.workbook).data.organizations)
    if (!units.has(o.code)) units.set(o.code, { code: o.code, name: o.name, kind: o.kind });
  return {
    units: [...units.values()],
    users: [
      { email: DISTRICT_EMAIL, role: 'district', units: [] },
      ...[...units.keys()].map((code) => ({ email: unitEmail(code), role: 'unit' as const, units: [code] })),
    ],
    years: [year - 1, year].map((y) => ({ year: y, open: true })),
  };
}
