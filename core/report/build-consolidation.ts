import { formatVietnamTime } from '../format-time';
import { periodText } from '../format';
import { RATING_LABELS } from '../labels';
import { RATING_LEVELS, type Consolidation, type Issue } from '../types';
import { headingOf, type ReportIssuer } from './issuer';
import {
  count,
  EMPTY,
  fraction,
  index,
  points,
  text,
  type ReportAppendix,
  type ReportCell,
  type ReportColumn,
  type ReportDocument,
  type ReportRow,
  type ReportSection,
  type ReportTable,
} from './model';
import { childrenTable } from './children-table';
import { sectionsOf } from './sections';
import {
  developmentTable,
  groupTable,
  headcountTable,
  quotaTable,
  ratingChart,
  ratingTable,
  targetTable,
} from './tables';

export const CONSOLIDATION_SHEET = 'Báo cáo tổng hợp';
export const UNITS_SHEET = 'Theo đơn vị';

export interface ConsolidationReportOptions {
  issuer?: ReportIssuer;
  /** The report's date, for the date line; null leaves day and month blank to fill by hand. */
  date?: Date | null;
  /** Codes (and names) of the organizations that have not reported, when the caller knows them. */
  missing?: { code: string; name?: string }[];
  /** The superior's list of organizations, for the names of those that have not reported. */
  organizations?: { code: string; name: string }[];
  /** When the figures were consolidated (ISO time), said under the title. */
  asOf?: string;
}

/** Warnings the superior level acts on: its own (organization quota) and units missing or unknown. */
const SUPERIOR_NOTES = new Set(['W_UNIT_MISSING', 'W_UNIT_UNKNOWN']);

function unitOf(found: Issue): string | undefined {
  return (found as Issue & { unit?: string }).unit;
}

/** The superior level's report from its consolidation, at any level: names come from `issuer`, never fixed. */
export function buildConsolidationReport(
  report: Consolidation,
  options: ConsolidationReportOptions = {},
): ReportDocument {
  const issuer = options.issuer ?? {};
  const names = new Map((options.organizations ?? []).map((o) => [o.code, o.name]));
  const missing =
    options.missing ??
    report.warnings
      .filter((w) => w.code === 'W_UNIT_MISSING')
      .map((w) => String(w.value ?? unitOf(w) ?? ''))
      .map((code) => ({ code, name: names.get(code) }));
  const change = report.change;

  const organizations: ReportTable[] = [unitCountTable(report, missing.length)];
  const children = childrenTable('children', 'Các tổ chức trực thuộc', report.children ?? []);
  if (children) organizations.push(children);
  if (report.organizations) {
    organizations.push(
      ratingTable(
        'organizations',
        'Xếp loại tổ chức cơ sở đảng',
        report.organizations,
        change?.organizations ?? null,
      ),
      quotaTable(
        'organizations-quota',
        'Định mức hoàn thành xuất sắc nhiệm vụ (tổ chức cơ sở đảng)',
        report.organizations,
      ),
    );
  }
  // The tiers above the units, each apart (a province's rating of its communes is not a grassroots rating).
  (report.upperOrganizations ?? []).forEach((tier, index) => {
    if (tier.organizations)
      organizations.push(
        ratingTable(
          `organizations-tier-${index + 1}`,
          `Xếp loại ${tier.name.toLocaleLowerCase('vi')}`,
          tier.organizations,
          null,
        ),
      );
  });
  if (report.cells)
    organizations.push(ratingTable('cells', 'Xếp loại chi bộ trực thuộc', report.cells, null));

  const memberRatings = ratingTable('members', 'Xếp loại đảng viên', report.members, change?.members ?? null);
  const members: ReportTable[] = [
    headcountTable('headcount', 'Số đảng viên', report.members),
    memberRatings,
    quotaTable('members-quota', 'Định mức hoàn thành xuất sắc nhiệm vụ (đảng viên)', report.members),
  ];
  const groups = groupTable('groups', 'Kết quả theo nhóm đảng viên', report.groups);
  if (groups) members.push(groups);

  const targets: ReportTable[] = [];
  const targetRows = targetTable('targets', 'Kết quả thực hiện chỉ tiêu', report.targets);
  if (targetRows) targets.push(targetRows);
  if (report.development)
    targets.push(developmentTable('development', 'Tỷ lệ phát triển đảng viên', report.development));

  const sections: ReportSection[] = sectionsOf([
    { title: 'TỔ CHỨC ĐẢNG', tables: organizations },
    {
      title: 'ĐẢNG VIÊN',
      tables: members,
      chart: ratingChart(
        `Cơ cấu xếp loại đảng viên ${periodText(report.year, report.quarter)}`,
        memberRatings,
        report.members,
      ),
    },
    { title: 'THỰC HIỆN CHỈ TIÊU', tables: targets },
  ]);

  const notes = report.warnings
    .filter((w) => (SUPERIOR_NOTES.has(w.code) || unitOf(w) === undefined) && w.code.startsWith('W_'))
    .map((w) => w.message);
  if (report.errors.length)
    notes.unshift(
      `Còn ${report.errors.length} lỗi trong dữ liệu của các đơn vị: số liệu chưa dùng để báo cáo được.`,
    );

  const asOf = options.asOf ? formatVietnamTime(options.asOf) : null;
  return {
    year: report.year,
    sheet: CONSOLIDATION_SHEET,
    heading: headingOf(issuer, options.date ?? null),
    title: 'BÁO CÁO',
    subtitle: `Kết quả đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên ${periodText(report.year, report.quarter)}`,
    lead: [
      `Tổng hợp từ báo cáo của ${report.units.count} tổ chức cơ sở đảng${asOf ? `; số liệu đến ${asOf}` : ''}.`,
    ],
    sections,
    notes,
    recipients: [
      issuer.superior ? `- ${issuer.superior} (để báo cáo),` : '- Cấp ủy cấp trên (để báo cáo),',
      '- Các tổ chức cơ sở đảng trực thuộc,',
      '- Lưu Văn phòng.',
    ],
    signature: { onBehalf: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ', name: '' },
    appendix: unitsAppendix(report, missing),
  };
}

function unitCountTable(report: Consolidation, missing: number): ReportTable {
  const rows: ReportRow[] = [
    { cells: [index(1), text('Tổ chức cơ sở đảng có báo cáo'), count(report.units.count)] },
    ...Object.entries(report.units.byKind).map(([kind, n]) => ({
      cells: [EMPTY, text(`Trong đó: ${kind.toLowerCase()}`), count(n)],
    })),
  ];
  let next = 2;
  if (missing)
    rows.push({
      alert: true,
      cells: [index(next++), text('Tổ chức cơ sở đảng chưa gửi báo cáo'), count(missing)],
    });
  if (report.cells)
    rows.push({ cells: [index(next++), text('Chi bộ trực thuộc'), count(report.cells.total)] });
  return {
    id: 'units',
    caption: 'Số tổ chức đảng',
    columns: [
      { header: 'STT', role: 'index' },
      { header: 'Nội dung', role: 'label' },
      { header: 'Số lượng', role: 'figure' },
    ],
    rows,
  };
}

function unitsAppendix(report: Consolidation, missing: { code: string; name?: string }[]): ReportAppendix {
  // Optional columns, only when there is something to show: probationary members, change vs last year.
  const probationary = report.members.probationary.total > 0;
  const change = report.byUnit.some((unit) => unit.change !== null);
  const columns: ReportColumn[] = [
    { header: 'STT', role: 'index' },
    { header: 'Mã', role: 'code' },
    { header: 'Tổ chức cơ sở đảng', role: 'label' },
    { header: 'Báo cáo', role: 'code' },
    { header: 'Tổng số đảng viên', role: 'figure' },
    ...(probationary ? [{ header: 'Đảng viên dự bị', role: 'figure' as const }] : []),
    { header: 'Được xếp loại', role: 'figure' },
    ...RATING_LEVELS.map((l) => ({ header: RATING_LABELS[l].abbreviation, role: 'figure' as const })),
    { header: 'Tỷ lệ HTXSNV', role: 'figure' },
    ...(change
      ? RATING_LEVELS.map((l) => ({ header: `± ${RATING_LABELS[l].abbreviation}`, role: 'figure' as const }))
      : []),
    { header: 'Định mức HTXSNV', role: 'code' },
    { header: 'Lỗi', role: 'figure' },
    { header: 'Cảnh báo', role: 'figure' },
  ];
  const rows: ReportRow[] = [...report.byUnit]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((unit) => ({
      alert: !unit.members.quota.ok || unit.errors > 0,
      cells: [
        EMPTY,
        text(unit.code),
        text(unit.name),
        text('Có'),
        count(unit.members.total),
        ...(probationary ? [count(unit.members.probationary.total)] : []),
        count(unit.members.evaluated),
        ...RATING_LEVELS.map((l) => count(unit.members.counts[l])),
        fraction(unit.members.percent.excellent),
        ...(change ? RATING_LEVELS.map((l) => points(unit.change?.[l] ?? null)) : []),
        text(unit.members.quota.ok ? 'Đạt' : 'Vượt'),
        count(unit.errors),
        count(unit.warnings),
      ],
    }));
  const names = new Map(report.byUnit.map((u) => [u.code, u.name]));
  for (const unit of [...missing].sort((a, b) => a.code.localeCompare(b.code))) {
    rows.push({
      alert: true,
      cells: [
        EMPTY,
        text(unit.code),
        text(unit.name ?? names.get(unit.code) ?? ''),
        text('Chưa có'),
        ...Array<ReportCell>(columns.length - 4).fill(EMPTY),
      ],
    });
  }
  return {
    sheet: UNITS_SHEET,
    title: `KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN THEO ĐƠN VỊ ${periodText(report.year, report.quarter).toUpperCase()}`,
    notes: change ? ['Cột “±”: tỷ lệ tăng (+), giảm (-) so với năm trước, tính bằng điểm phần trăm.'] : [],
    table: {
      id: 'by-unit',
      caption: '',
      columns,
      rows: rows.map((row, at) => ({ ...row, cells: [index(at + 1), ...row.cells.slice(1)] })),
    },
  };
}
