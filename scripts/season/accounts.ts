import type { ProvisionSpec } from '../stack/provision-directory';

/** The local season's accounts: one per unit, and the district office's. */
export const DISTRICT_EMAIL = 'van-phong@huyen-uy.xeploai.local';

/** The account of an office above the units (a đảng ủy xã, the tỉnh ủy): a superior of its own subtree. */
export function officeEmail(code: string): string {
  return `van-phong@${code.toLowerCase()}.xeploai.local`;
}

export function unitEmail(code: string): string {
  return `${code.toLowerCase()}@don-vi.xeploai.local`;
}

export interface SeasonUnit {
  code: string;
  name: string;
  kind?: string;
}

/** Units, their users and the district user; `years` open for submissions. */
export function seasonDirectory(units: SeasonUnit[], years: number[]): ProvisionSpec {
  return {
    units: units.map((u) => ({ code: u.code, name: u.name, kind: u.kind })),
    users: [
      { email: DISTRICT_EMAIL, role: 'district', units: [] },
      ...units.map((u) => ({ email: unitEmail(u.code), role: 'unit' as const, units: [u.code] })),
    ],
    years: years.map((year) => ({ year, open: true })),
  };
}
