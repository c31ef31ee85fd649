import { roundHalfUp } from './percent';

/** Vietnamese number display: thousands dot, decimal comma ("11.940", "14,25"). */
export function formatNumber(value: number, decimals = 0): string {
  const fixed = roundHalfUp(Math.abs(value), decimals).toFixed(decimals);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + grouped + (fraction ? ',' + fraction : '');
}

/** "14,25%"; "—" for a share that does not exist. */
export function formatPercent(value: number | null, decimals = 2): string {
  return value === null ? '—' : formatNumber(value, decimals) + '%';
}

/** "tăng 0,41 điểm phần trăm", "giảm 4,60 điểm phần trăm", "không đổi". */
export function formatChange(points: number | null): string {
  if (points === null) return '—';
  if (points === 0) return 'không đổi';
  return `${points > 0 ? 'tăng' : 'giảm'} ${formatNumber(Math.abs(points), 2)} điểm phần trăm`;
}

/** "03/15" as the seed writes small counts against a whole. */
export function formatRatio(part: number, whole: number): string {
  const pad = (n: number) => (n < 10 ? '0' + n : String(n));
  return `${pad(part)}/${pad(whole)}`;
}

/** The period a report is of: "năm 2025", or "quý 2 năm 2025" for a quarter's (design.md §2.5). */
export function periodText(year: number | string, quarter?: number | null): string {
  return quarter ? `quý ${quarter} năm ${year}` : `năm ${year}`;
}
