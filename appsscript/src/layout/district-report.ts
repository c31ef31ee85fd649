import { formatNumber, formatVietnamTime, type Consolidation } from '../../../core';
import { groupTable } from './group-table';
import { COLOURS, count, percent, text, type BlockCell, type SheetBlock } from './sheet-block';
import { tallyTable } from './tally-table';
import { targetTable } from './target-table';

export const DISTRICT_REPORT_SHEET = 'Báo cáo tổng hợp';

/** What POST /v1/consolidate/{year} answers. */
export interface ConsolidationReply extends Consolidation {
  missing: string[];
  asOf: string;
}

const DISTRICT_WARNINGS = new Set(['W_QUOTA_EXCEEDED', 'W_UNIT_MISSING', 'W_UNIT_UNKNOWN']);

/** The superior level's report: units, members, organizations, cells, groups, targets, change, warnings. */
export function districtReportSheet(report: ConsolidationReply): SheetBlock {
  const byKind = Object.entries(report.units.byKind)
    .map(([kind, n]) => `${kind}: ${formatNumber(n)}`)
    .join('; ');
  const rows: BlockCell[][] = [
    [text(`BÁO CÁO TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI NĂM ${report.year}`, { bold: true })],
    [text(`Số liệu đến ${formatVietnamTime(report.asOf) ?? report.asOf}.`)],
    [text('Số đơn vị đã gửi báo cáo'), count(report.units.count), text(byKind)],
    [
      text('Số đơn vị chưa gửi báo cáo', { background: report.missing.length ? COLOURS.missing : null }),
      count(report.missing.length, {
        bold: report.missing.length > 0,
        background: report.missing.length ? COLOURS.missing : null,
      }),
      text(report.missing.join(', ')),
    ],
    [],
  ];
  const members = tallyTable('Đảng viên', report.members, report.change?.members ?? null);
  const levelsRow = rows.length + members.levelsAt + 1;
  rows.push(...members.rows, []);
  if (report.organizations) {
    rows.push(
      ...tallyTable('Tổ chức cơ sở đảng', report.organizations, report.change?.organizations ?? null).rows,
      [],
    );
  }
  if (report.cells) rows.push(...tallyTable('Chi bộ trực thuộc', report.cells, null).rows, []);
  const groups = groupTable('Theo nhóm đảng viên', report.groups);
  if (groups.length) rows.push(...groups, []);
  const targets = targetTable('Thực hiện chỉ tiêu', report.targets);
  if (targets.length) rows.push(...targets, []);
  if (report.development) {
    rows.push(
      [
        text('Tỷ lệ phát triển đảng viên (kết nạp ÷ đảng viên đầu năm)'),
        count(report.development.admitted),
        count(report.development.membersAtStart),
        percent(report.development.percent),
      ],
      [],
    );
  }
  const warnings = report.warnings.filter((w) => DISTRICT_WARNINGS.has(w.code));
  if (warnings.length) {
    rows.push([text('Cần lưu ý', { bold: true })]);
    for (const w of warnings) rows.push([text(w.message, { background: COLOURS.breach })]);
  }
  return {
    sheet: DISTRICT_REPORT_SHEET,
    rows,
    widths: [380, 110, 110, 170, 110, 90, 90, 90, 90, 90, 90],
    frozenRows: 0,
    charts: [
      {
        kind: 'pie',
        title: `Cơ cấu xếp loại đảng viên năm ${report.year}`,
        range: { row: levelsRow, column: 1, rows: 4, columns: 2 },
        anchor: { row: 2, column: 6 },
      },
    ],
  };
}
