import { formatNumber, periodText, previousYearIssue, shareChange, type UnitSummary } from '../../core';
import type { CliOptions } from '../args';
import { isFailure, loadUnit } from '../inputs';
import { exitCodeFor, json, unreadable, type CommandOutput } from '../output';
import { renderIssues } from '../render/issues';
import { renderTargets } from '../render/targets';
import { renderProbationary, renderScores } from '../render/scores';
import { renderNotRated, renderQuota, renderTally } from '../render/tally';

export async function runSummarize(options: CliOptions): Promise<CommandOutput> {
  const file = options.inputs[0];
  const unit = await loadUnit(file, options);
  if (isFailure(unit)) return unreadable([unit], options.json);
  let previous: UnitSummary | null = null;
  if (options.previous) {
    const last = await loadUnit(options.previous, {
      unit: options.unit,
      year: options.year ? options.year - 1 : undefined,
    });
    if (isFailure(last)) return unreadable([last], options.json);
    previous = last.analysis.summary;
  }
  let summary = unit.analysis.summary;
  const wrongYear = previous ? previousYearIssue(summary.year, previous.year) : null;
  if (wrongYear) {
    previous = null;
    summary = { ...summary, warnings: [...summary.warnings, wrongYear] };
  }
  const change = previous
    ? { members: shareChange(summary.members, previous.members), previousYear: previous.year }
    : null;
  const exitCode = exitCodeFor(summary.errors.length);
  if (options.json) {
    const document = {
      file,
      unit: {
        code: summary.unit.code,
        name: summary.unit.name,
        year: summary.year,
        ...(summary.quarter ? { quarter: summary.quarter } : {}),
        kind: summary.unit.kind ?? null,
      },
      members: summary.members,
      groups: summary.groups,
      cells: summary.cells,
      scores: summary.scores ?? null,
      targets: summary.targets,
      change,
      errors: summary.errors,
      warnings: summary.warnings,
    };
    return { exitCode, stdout: json(document), stderr: '' };
  }
  const parts = [
    `${summary.unit.name || '—'} (${summary.unit.code || 'chưa có mã'}) — kết quả đánh giá, xếp loại đảng viên ${periodText(summary.year || '—', summary.quarter)}`,
    `Tổng số đảng viên: ${formatNumber(summary.members.total)}; được xếp loại: ${formatNumber(summary.members.evaluated)}. ${renderNotRated(summary.members)}`,
    renderProbationary(summary.members),
    renderTally(summary.members, change?.members),
    renderQuota(summary.members, 'đảng viên'),
  ];
  if (summary.scores) parts.push(renderScores(summary.scores));
  for (const [group, tally] of Object.entries(summary.groups)) {
    parts.push(`Nhóm “${group}”: ${formatNumber(tally.total)} đảng viên\n${renderTally(tally)}`);
  }
  if (summary.cells) {
    const newCells = summary.cells.notRated.newCell ?? 0;
    parts.push(
      `Chi bộ trực thuộc: ${formatNumber(summary.cells.total)}` +
        (newCells ? ` (mới thành lập chưa đủ 6 tháng, không xếp loại: ${formatNumber(newCells)})` : '') +
        `\n${renderTally(summary.cells)}`,
    );
  }
  if (summary.targets.length) parts.push(renderTargets(summary.targets));
  parts.push(renderIssues('Lỗi', summary.errors), renderIssues('Cảnh báo', summary.warnings));
  return { exitCode, stdout: parts.filter(Boolean).join('\n\n'), stderr: '' };
}
