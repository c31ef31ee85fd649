import { formatNumber, roundHalfUp, type Consolidation, type RatingLevel } from '../core';

/** A figure as the published 2023 report (shared seed) prints it, with the decimals it prints. */
interface PublishedFigure {
  label: string;
  printed: number;
  decimals: number;
  computed: (report: Consolidation) => number | null;
  /** Set where the sample's input behind the figure is an assumption, so a difference proves nothing. */
  assumed?: boolean;
}

const share = (key: 'members' | 'organizations', level: RatingLevel) => (r: Consolidation) =>
  r[key]?.percent[level] ?? null;
const change = (key: 'members' | 'organizations', level: RatingLevel) => (r: Consolidation) =>
  r.change?.[key]?.[level] ?? null;
const target = (code: string) => (r: Consolidation) =>
  r.targets.find((t) => t.code === code)?.percent ?? null;

export const PUBLISHED_FIGURES: PublishedFigure[] = [
  {
    label: 'Tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ (%)',
    printed: 20,
    decimals: 0,
    computed: share('organizations', 'excellent'),
  },
  {
    label: '  so với năm 2022 (điểm phần trăm)',
    printed: 3.3,
    decimals: 1,
    computed: change('organizations', 'excellent'),
    assumed: true,
  },
  {
    label: 'Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ (%)',
    printed: 78.8,
    decimals: 1,
    computed: share('organizations', 'good'),
  },
  {
    label: '  so với năm 2022 (điểm phần trăm)',
    printed: 2.1,
    decimals: 1,
    computed: change('organizations', 'good'),
    assumed: true,
  },
  {
    label: 'Tổ chức cơ sở đảng hoàn thành nhiệm vụ (%)',
    printed: 1.2,
    decimals: 1,
    computed: share('organizations', 'complete'),
  },
  {
    label: '  so với năm 2022 (điểm phần trăm)',
    printed: -5.4,
    decimals: 1,
    computed: change('organizations', 'complete'),
    assumed: true,
  },
  {
    label: 'Đảng viên hoàn thành xuất sắc nhiệm vụ (%)',
    printed: 14.25,
    decimals: 2,
    computed: share('members', 'excellent'),
  },
  {
    label: '  so với năm 2022 (điểm phần trăm)',
    printed: 0.41,
    decimals: 2,
    computed: change('members', 'excellent'),
  },
  {
    label: '  so với số hoàn thành tốt nhiệm vụ (%)',
    printed: 18.6,
    decimals: 1,
    computed: (r) => r.members.excellentPerGood,
  },
  {
    label: 'Đảng viên hoàn thành tốt nhiệm vụ (%)',
    printed: 76.62,
    decimals: 2,
    computed: share('members', 'good'),
  },
  {
    label: '  so với năm 2022 (điểm phần trăm)',
    printed: 3.73,
    decimals: 2,
    computed: change('members', 'good'),
  },
  {
    label: 'Đảng viên hoàn thành nhiệm vụ (%)',
    printed: 7.9,
    decimals: 2,
    computed: share('members', 'complete'),
  },
  {
    label: '  so với năm 2022 (điểm phần trăm)',
    printed: -4.6,
    decimals: 1,
    computed: change('members', 'complete'),
  },
  {
    label: 'Đảng viên không hoàn thành nhiệm vụ (%)',
    printed: 1.23,
    decimals: 2,
    computed: share('members', 'notComplete'),
  },
  {
    label: 'Kết nạp đảng viên so với chỉ tiêu (%)',
    printed: 106.3,
    decimals: 1,
    computed: target('KET_NAP_DANG_VIEN'),
  },
  {
    label: 'Lớp đào tạo, bồi dưỡng so với kế hoạch (%)',
    printed: 104,
    decimals: 0,
    computed: target('LOP_DAO_TAO_BOI_DUONG'),
  },
];

export interface FigureCheck {
  label: string;
  printed: string;
  computed: string;
  /** null: nothing to compare, or the sample's input is an assumption. */
  agrees: boolean | null;
  assumed: boolean;
}

/** Each printed figure against the one recomputed from rows, compared at the precision the report prints. */
export function checkPublishedFigures(report: Consolidation): FigureCheck[] {
  return PUBLISHED_FIGURES.map((figure) => {
    const value = figure.computed(report);
    return {
      label: figure.label,
      printed: formatNumber(figure.printed, figure.decimals),
      computed: value === null ? '—' : formatNumber(value, 2),
      agrees:
        value === null || figure.assumed ? null : roundHalfUp(value, figure.decimals) === figure.printed,
      assumed: figure.assumed ?? false,
    };
  });
}
