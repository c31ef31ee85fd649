import { membersOf, periodText } from '../../core';
import type { CliOptions } from '../args';
import { isFailure, loadUnit } from '../inputs';
import { exitCodeFor, json, unreadable, type CommandOutput } from '../output';
import { renderIssues } from '../render/issues';

export async function runValidate(options: CliOptions): Promise<CommandOutput> {
  const file = options.inputs[0];
  const unit = await loadUnit(file, options);
  if (isFailure(unit)) return unreadable([unit], options.json);
  const { errors, warnings } = unit.analysis.summary;
  const exitCode = exitCodeFor(errors.length);
  if (options.json) return { exitCode, stdout: json({ file, errors, warnings }), stderr: '' };
  const { report } = unit.analysis.read;
  const verdict = errors.length
    ? `Có ${errors.length} lỗi cần sửa.`
    : warnings.length
      ? 'Không có lỗi; có cảnh báo cần xem lại.'
      : 'Không có lỗi.';
  const text = [
    `Tệp: ${file}`,
    `Đơn vị: ${report.unit.name || '—'} (${report.unit.code || 'chưa có mã'}), ${periodText(report.year || '—', report.quarter)}; ${membersOf(report).length} dòng đảng viên.`,
    renderIssues('Lỗi', errors),
    renderIssues('Cảnh báo', warnings),
    verdict,
  ].filter(Boolean);
  return { exitCode, stdout: text.join('\n\n'), stderr: '' };
}
