import type { MemberRow, RatingLevel, UnitReport } from '../../core';

export interface ReportShape {
  members?: number;
  /** Shifts the ratings so different units and versions differ. */
  variant?: number;
  kind?: string;
  name?: string;
  withCells?: boolean;
  targets?: { code: string; name: string; target: number | null; actual: number | null }[];
}

const LEVELS: RatingLevel[] = [
  'good',
  'good',
  'good',
  'complete',
  'good',
  'excellent',
  'complete',
  'good',
  'notComplete',
  'good',
];

/** A valid unit report with a deterministic mix of ratings, not-rated reasons and groups. */
export function buildReport(year: number, code: string, shape: ReportShape = {}): UnitReport {
  const count = shape.members ?? 12;
  const variant = shape.variant ?? 0;
  const members: MemberRow[] = Array.from({ length: count }, (_, i) => {
    const row: MemberRow = { row: i + 2, name: `Đảng viên ${code} số ${i + 1}`, card: `${code}-${i + 1}` };
    const pick = (i + variant) % 13;
    if (pick === 11) row.reason = 'exempt';
    else if (pick === 12) row.reason = variant % 2 ? 'pending' : 'suspended';
    else row.rating = LEVELS[pick % LEVELS.length];
    if (i % 4 === 0) row.groups = ['Đoàn viên thanh niên'];
    if (i % 7 === 0) row.groups = [...(row.groups ?? []), 'Cán bộ diện Thành ủy quản lý'];
    return row;
  });
  const report: UnitReport = {
    year,
    unit: { code, name: shape.name ?? `Đảng bộ ${code}`, kind: shape.kind ?? 'Đảng bộ cơ sở' },
    members,
  };
  if (shape.withCells) {
    report.cells = [
      { row: 2, name: `Chi bộ 1 (${code})`, rating: 'good' },
      { row: 3, name: `Chi bộ 2 (${code})`, rating: variant % 2 ? 'complete' : 'good' },
      { row: 4, name: `Chi bộ 3 (${code})`, rating: 'good' },
    ];
  }
  if (shape.targets) report.targets = shape.targets;
  return report;
}
