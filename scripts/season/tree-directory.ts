import { join } from 'node:path';
import { readDistrictWorkbook } from '../../core';
import { readWorkbookFile } from '../../cli/read-workbook';
import type { UnitDoc } from '../../functions/src/store/directory';
import type { ProvisionSpec } from '../stack/provision-directory';
import { DISTRICT_EMAIL, officeEmail, unitEmail } from './accounts';
import type { TreeFiles } from './tree-files';

/**
 * The season's directory: the organization tree as the offices list it (each organization with its parent and
 * group) and last year's units, an account per unit, a superior account per office for its own subtree, the
 * account that loads last year's data, and both years open.
 */
export async function treeDirectory(
  files: TreeFiles,
  lastYearFolder: string,
  year: number,
): Promise<ProvisionSpec> {
  const organizations = new Map<string, UnitDoc>();
  organizations.set(files.root.code, { code: files.root.code, name: files.root.name, parent: null });
  for (const office of files.superiors)
    for (const o of office.below)
      organizations.set(o.code, {
        code: o.code,
        name: o.name,
        kind: o.kind,
        parent: office.code,
        ...(o.group ? { group: o.group } : {}),
      });
  const offices = new Set(files.superiors.map((s) => s.code));
  const units = [...organizations.keys()].filter((code) => !offices.has(code));
  const district = await readWorkbookFile(join(lastYearFolder, 'district.xlsx'));
  if (!district.ok) throw new Error(district.message);
  for (const o of readDistrictWorkbook(district.workbook).data.organizations)
    if (!organizations.has(o.code)) {
      organizations.set(o.code, { code: o.code, name: o.name, kind: o.kind, parent: null });
      units.push(o.code);
    }
  return {
    units: [...organizations.values()],
    users: [
      { email: DISTRICT_EMAIL, role: 'district', units: [] },
      ...[...offices].map((code) => ({
        email: officeEmail(code),
        role: 'superior' as const,
        units: [],
        orgs: [code],
      })),
      ...units.map((code) => ({ email: unitEmail(code), role: 'unit' as const, units: [code] })),
    ],
    years: [year - 1, year].map((y) => ({ year: y, open: true })),
  };
}
