import { shareChange } from '../consolidate';
import { formatVietnamTime } from '../format-time';
import { periodText } from '../format';
import type { Tally, UnitSummary } from '../types';
import { headingOf, mergeIssuers, type ReportIssuer } from './issuer';
import type { ReportDocument, ReportTable } from './model';
import { sectionsOf } from './sections';
import { groupTable, headcountTable, quotaTable, ratingChart, ratingTable, targetTable } from './tables';

export const UNIT_REPORT_SHEET = 'Tổng hợp';

export interface UnitReportOptions {
  /** The unit's superior body and place, when known (the unit's own name comes from the summary). */
  issuer?: ReportIssuer;
  date?: Date | null;
  /** Last year's figures of the unit, for the change in points. */
  previous?: { members: Tally; cells: Tally | null } | null;
  /** When the figures were computed, said under the title. */
  computedAt?: Date;
}

/** A grassroots organization's own report from its summary: members, cells, groups, targets. */
export function buildUnitReport(summary: UnitSummary, options: UnitReportOptions = {}): ReportDocument {
  const issuer = mergeIssuers({ code: summary.unit.code, name: summary.unit.name }, options.issuer);
  const previous = options.previous ?? null;
  const memberRatings = ratingTable(
    'members',
    'Xếp loại đảng viên',
    summary.members,
    previous ? shareChange(summary.members, previous.members) : null,
  );
  const members: ReportTable[] = [
    headcountTable('headcount', 'Số đảng viên', summary.members),
    memberRatings,
    quotaTable('members-quota', 'Định mức hoàn thành xuất sắc nhiệm vụ', summary.members),
  ];
  const groups = groupTable('groups', 'Kết quả theo nhóm đảng viên', summary.groups);
  if (groups) members.push(groups);
  const cells: ReportTable[] = summary.cells
    ? [
        ratingTable(
          'cells',
          'Xếp loại chi bộ trực thuộc',
          summary.cells,
          previous?.cells ? shareChange(summary.cells, previous.cells) : null,
        ),
        quotaTable('cells-quota', 'Định mức hoàn thành xuất sắc nhiệm vụ (chi bộ)', summary.cells),
      ]
    : [];
  const targets = targetTable('targets', 'Kết quả thực hiện chỉ tiêu', summary.targets);
  const year = summary.year;
  const lead: string[] = [];
  if (options.computedAt)
    lead.push(
      `Tính lúc ${formatVietnamTime(options.computedAt)}${previous ? '; so sánh với số liệu năm trước đã tính trong bảng tính này' : ''}.`,
    );
  const notes = summary.errors.length
    ? [
        `Dữ liệu còn ${summary.errors.length} lỗi: số liệu trên chưa dùng để báo cáo được. Chạy “Kiểm tra dữ liệu” để xem.`,
      ]
    : [];
  notes.push(...summary.warnings.filter((w) => w.code === 'W_QUOTA_EXCEEDED').map((w) => w.message));
  const isCell = /^chi bộ/i.test(summary.unit.kind ?? '');
  return {
    year,
    sheet: UNIT_REPORT_SHEET,
    heading: headingOf(issuer, options.date ?? null),
    title: 'BÁO CÁO',
    subtitle: `Kết quả đánh giá, xếp loại đảng viên ${periodText(year || '…', summary.quarter)}`,
    lead,
    sections: sectionsOf([
      {
        title: 'ĐẢNG VIÊN',
        tables: members,
        chart: ratingChart(
          `Cơ cấu xếp loại đảng viên ${periodText(year || '…', summary.quarter)}`,
          memberRatings,
          summary.members,
        ),
      },
      { title: 'CHI BỘ TRỰC THUỘC', tables: cells },
      { title: 'THỰC HIỆN CHỈ TIÊU', tables: targets ? [targets] : [] },
    ]),
    notes,
    recipients: [
      issuer.superior ? `- ${issuer.superior} (để báo cáo),` : '- Cấp ủy cấp trên (để báo cáo),',
      '- Lưu.',
    ],
    signature: { onBehalf: isCell ? 'T/M CHI BỘ' : 'T/M ĐẢNG ỦY', position: 'BÍ THƯ', name: '' },
    appendix: null,
  };
}
