import { percentOf } from './percent';
import { compactKey } from './text';
import type { AssignedTarget, TargetResult, TargetRow } from './types';

export interface Indicator {
  code: string;
  name: string;
}

export const ADMISSIONS_CODE = 'KET_NAP_DANG_VIEN';

/** Indicators with stable codes (design.md §2.6); units may report others under codes of their own. */
export const INDICATORS: Indicator[] = [
  { code: 'KET_NAP_DANG_VIEN', name: 'Kết nạp đảng viên' },
  { code: 'KET_NAP_HS_THPT', name: 'Kết nạp đảng viên là học sinh THPT' },
  {
    code: 'DN_THANH_LAP_TO_CHUC_DANG',
    name: 'Thành lập tổ chức đảng trong doanh nghiệp ngoài khu vực nhà nước',
  },
  { code: 'DN_KET_NAP_DANG_VIEN', name: 'Kết nạp đảng viên trong doanh nghiệp ngoài khu vực nhà nước' },
  {
    code: 'DN_THANH_LAP_CONG_DOAN',
    name: 'Thành lập tổ chức công đoàn trong doanh nghiệp ngoài khu vực nhà nước',
  },
  {
    code: 'DN_KET_NAP_CONG_DOAN_VIEN',
    name: 'Kết nạp công đoàn viên trong doanh nghiệp ngoài khu vực nhà nước',
  },
  {
    code: 'DN_THANH_LAP_DOAN_TN',
    name: 'Thành lập tổ chức đoàn thanh niên trong doanh nghiệp ngoài khu vực nhà nước',
  },
  { code: 'DN_KET_NAP_DOAN_VIEN', name: 'Kết nạp đoàn viên trong doanh nghiệp ngoài khu vực nhà nước' },
  { code: 'LOP_DAO_TAO_BOI_DUONG', name: 'Mở lớp đào tạo, bồi dưỡng' },
  { code: 'CUNG_CO_TCCS_YEU_KEM', name: 'Củng cố tổ chức cơ sở đảng, chi bộ yếu kém' },
];

const byCode = new Map(INDICATORS.map((i) => [compactKey(i.code), i]));
const byName = new Map(INDICATORS.map((i) => [compactKey(i.name), i]));

/** The catalogue's spelling of a code, or the code as written for an indicator of the unit's own. */
export function canonicalIndicatorCode(code: string, name = ''): string {
  return (
    byCode.get(compactKey(code))?.code ?? byName.get(compactKey(name))?.code ?? code.trim().toUpperCase()
  );
}

export function indicatorName(code: string, fallback = ''): string {
  return byCode.get(compactKey(code))?.name || fallback || code;
}

export function achievement(actual: number | null, target: number | null): number | null {
  if (actual === null || target === null || target === 0) return null;
  return percentOf(actual, target);
}

export function targetResult(row: TargetRow): TargetResult {
  return { ...row, percent: achievement(row.actual, row.target) };
}

/**
 * Per indicator and per input (a unit, or a lower level): the target the superior level assigned to it where
 * it assigned one, else the input's own; targets and actuals summed. A level's result is an input of the level
 * above, so a target assigned higher up replaces everything planned below it.
 */
export function combineTargets(
  unitTargets: { unit: string; rows: TargetRow[] }[],
  assigned: AssignedTarget[],
): TargetResult[] {
  const sums = new Map<string, { name: string; target: number | null; actual: number | null }>();
  const entry = (code: string, name: string) => {
    let found = sums.get(code);
    if (!found) {
      found = { name: indicatorName(code, name), target: null, actual: null };
      sums.set(code, found);
    }
    return found;
  };
  const assignedTo = new Set<string>();
  for (const a of assigned) {
    const found = entry(a.code, a.name ?? '');
    assignedTo.add(`${a.unit}\u0000${a.code}`);
    found.target = (found.target ?? 0) + a.target;
  }
  for (const { unit, rows } of unitTargets) {
    for (const row of rows) {
      const found = entry(row.code, row.name);
      if (!assignedTo.has(`${unit}\u0000${row.code}`) && row.target !== null)
        found.target = (found.target ?? 0) + row.target;
      if (row.actual !== null) found.actual = (found.actual ?? 0) + row.actual;
    }
  }
  const order = (code: string) => {
    const at = INDICATORS.findIndex((i) => i.code === code);
    return at === -1 ? INDICATORS.length : at;
  };
  return [...sums.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([code, s]) => ({
      code,
      name: s.name,
      target: s.target,
      actual: s.actual,
      percent: achievement(s.actual, s.target),
    }));
}
