import { RATING_LEVELS, type Consolidation, type Issue, type Tally } from '../../core';

/** The figures the server consolidated against the CLI's on the same files; empty when they agree. */
export function differencesFromCli(server: Consolidation, cli: Consolidation): string[] {
  const found: string[] = [];
  const same = (label: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b))
      found.push(`${label}: máy chủ ${JSON.stringify(a)}, CLI ${JSON.stringify(b)}`);
  };
  const tallies: [string, Tally | null, Tally | null][] = [
    ['đảng viên', server.members, cli.members],
    ['tổ chức cơ sở đảng', server.organizations, cli.organizations],
    ['chi bộ trực thuộc', server.cells, cli.cells],
  ];
  for (const [label, a, b] of tallies) same(label, a, b);
  // The order units are listed in is the order they came in, not a figure.
  const units = (c: Consolidation) => ({ ...c.units, codes: [...c.units.codes].sort() });
  same('số đơn vị', units(server), units(cli));
  same('nhóm', server.groups, cli.groups);
  same('tổ chức các cấp trên cơ sở', server.upperOrganizations ?? [], cli.upperOrganizations ?? []);
  same('chỉ tiêu', server.targets, cli.targets);
  // The consolidation's own findings (quota, missing units, change not comparable). A unit's own issues are
  // left out: the server re-checks the submitted rows, the CLI the file's cells, so they name places apart.
  const own = (c: Consolidation) =>
    [...c.errors, ...c.warnings]
      .filter((i) => !(i as Issue & { unit?: string }).unit)
      .map((i) => `${i.code} ${i.sheet} ${i.value}`)
      .sort();
  same('cảnh báo của tổng hợp', own(server), own(cli));
  for (const key of ['members', 'organizations'] as const) {
    for (const level of RATING_LEVELS)
      same(`thay đổi ${key}.${level}`, server.change?.[key]?.[level], cli.change?.[key]?.[level]);
  }
  return found;
}
