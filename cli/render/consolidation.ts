import { formatNumber, type Consolidation } from '../../core';
import { renderIssues } from './issues';
import { renderTable } from './table';
import { renderNotRated, renderQuota, renderTally } from './tally';
import { renderTargets } from './targets';
import { formatPercent } from '../../core';

/** The district report as text: totals, organizations, groups, targets, units, issues. */
export function renderConsolidation(report: Consolidation, options: { unitRows?: boolean } = {}): string {
  const kinds = Object.entries(report.units.byKind)
    .map(([kind, n]) => `${kind}: ${formatNumber(n)}`)
    .join(', ');
  const parts = [
    `BÁO CÁO TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI NĂM ${report.year}`,
    `Số tổ chức cơ sở đảng có báo cáo: ${formatNumber(report.units.count)}${kinds ? ` (${kinds})` : ''}.` +
      (report.cells ? ` Chi bộ trực thuộc: ${formatNumber(report.cells.total)}.` : ''),
  ];
  if (report.organizations) {
    parts.push(
      `Xếp loại tổ chức cơ sở đảng (${formatNumber(report.organizations.evaluated)}):\n` +
        renderTally(report.organizations, report.change?.organizations) +
        '\n' +
        renderQuota(report.organizations, 'tổ chức'),
    );
  }
  parts.push(
    `Đảng viên: ${formatNumber(report.members.total)}; được đánh giá, xếp loại: ${formatNumber(report.members.evaluated)}. ${renderNotRated(report.members)}\n` +
      renderTally(report.members, report.change?.members) +
      '\n' +
      renderQuota(report.members, 'đảng viên'),
  );
  const groups = Object.entries(report.groups);
  if (groups.length) {
    parts.push(
      'Theo nhóm:\n' +
        renderTable(
          ['Nhóm', 'Tổng số', 'Xuất sắc', 'Tốt', 'Hoàn thành', 'Không HT'],
          groups.map(([name, t]) => [
            name,
            formatNumber(t.total),
            `${formatNumber(t.counts.excellent)}/${formatNumber(t.evaluated)}`,
            `${formatNumber(t.counts.good)}/${formatNumber(t.evaluated)}`,
            `${formatNumber(t.counts.complete)}/${formatNumber(t.evaluated)}`,
            `${formatNumber(t.counts.notComplete)}/${formatNumber(t.evaluated)}`,
          ]),
        ),
    );
  }
  if (report.cells)
    parts.push(`Chi bộ trực thuộc (${formatNumber(report.cells.total)}):\n${renderTally(report.cells)}`);
  if (report.targets.length) parts.push(renderTargets(report.targets));
  if (report.development) {
    const d = report.development;
    parts.push(
      `Tỷ lệ phát triển đảng viên (kết nạp ÷ số đảng viên đầu năm): ${formatNumber(d.admitted)} / ${formatNumber(d.membersAtStart)} = ${formatPercent(d.percent)}.`,
    );
  }
  if (options.unitRows) {
    parts.push(
      'Theo đơn vị:\n' +
        renderTable(
          [
            'Mã',
            'Đơn vị',
            'Đảng viên',
            'Xuất sắc',
            'Tốt',
            'Hoàn thành',
            'Không HT',
            'Tỷ lệ XS',
            'Lỗi',
            'Cảnh báo',
          ],
          report.byUnit.map((u) => [
            u.code,
            u.name,
            formatNumber(u.members.total),
            formatNumber(u.members.counts.excellent),
            formatNumber(u.members.counts.good),
            formatNumber(u.members.counts.complete),
            formatNumber(u.members.counts.notComplete),
            formatPercent(u.members.percent.excellent),
            formatNumber(u.errors),
            formatNumber(u.warnings),
          ]),
          ['left', 'left'],
        ),
    );
  }
  parts.push(renderIssues('Lỗi', report.errors, 20), renderIssues('Cảnh báo', report.warnings, 20));
  return parts.filter(Boolean).join('\n\n');
}
