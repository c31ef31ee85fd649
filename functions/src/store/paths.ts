/** Where everything lives in Firestore (design.md §4.2; see functions/README section in the report). */
/**
 * The year's reports (what consolidation reads); a quarter's (QĐ 366 quarterly evaluation) are kept apart under
 * `years/{year}/quarters/{q}/reports`, never consolidated with the year's (design.md §2.5).
 */
const reportsOf = (year: number, quarter?: number): string =>
  quarter ? `years/${year}/quarters/${quarter}/reports` : `years/${year}/reports`;

export const paths = {
  units: () => 'units',
  unit: (code: string) => `units/${code}`,
  users: () => 'users',
  user: (email: string) => `users/${email}`,
  years: () => 'years',
  year: (year: number) => `years/${year}`,
  reports: reportsOf,
  latestReport: (year: number, unit: string, quarter?: number) => `${reportsOf(year, quarter)}/${unit}`,
  versions: (year: number, unit: string, quarter?: number) => `${reportsOf(year, quarter)}/${unit}/versions`,
  version: (year: number, unit: string, version: number, quarter?: number) =>
    `${reportsOf(year, quarter)}/${unit}/versions/${version}`,
  submissionKey: (year: number, unit: string, key: string, quarter?: number) =>
    `${reportsOf(year, quarter)}/${unit}/keys/${key}`,
  /** Every target the whole year's superior assigned, one document (a consolidation reads it once). */
  targets: (year: number) => `years/${year}/targets/current`,
  organizations: (year: number) => `years/${year}/organizations/current`,
  consolidated: (year: number) => `years/${year}/consolidated/current`,
  /** One document per organization of the tree with something below it: staleness and latest consolidation. */
  levels: (year: number) => `years/${year}/levels`,
  level: (year: number, org: string) => `years/${year}/levels/${org}`,
  levelVersion: (year: number, org: string, version: number) =>
    `years/${year}/levels/${org}/consolidations/${version}`,
};
