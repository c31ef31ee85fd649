import { describePlace, formatNumber, type Issue } from '../../core';

const SHOWN = 50;

/** "Lỗi (3):" then one line an issue, naming where it is; long lists are cut with a count of the rest. */
export function renderIssues(title: string, issues: Issue[], limit = SHOWN): string {
  if (!issues.length) return '';
  const lines = issues.slice(0, limit).map((found) => {
    const unit = (found as Issue & { unit?: string }).unit;
    const where = (unit ? `[${unit}] ` : '') + describePlace(found);
    return `  • ${where}: ${found.message} [${found.code}]`;
  });
  if (issues.length > limit)
    lines.push(`  … và ${formatNumber(issues.length - limit)} mục khác (xem đầy đủ với --json).`);
  return `${title} (${formatNumber(issues.length)}):\n${lines.join('\n')}`;
}
