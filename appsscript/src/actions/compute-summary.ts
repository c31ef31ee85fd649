import { buildUnitReport, layoutReport, type Tally } from '../../../core';
import { readDocumentProperties, writeDocumentProperties } from '../gateway/properties';
import { alert, toast } from '../gateway/ui';
import { writeOwnReport } from './own-output';
import { countText } from './show-issues';
import { analyzeActiveUnit } from './unit-analysis';

const TITLE = 'Tính tỷ lệ';
const FIGURES_KEY = 'xeploai.figures.';

/** Last year's figures of the unit, when this spreadsheet computed them. */
interface PreviousFigures {
  members: Tally;
  cells: Tally | null;
}

/** Menu “Tính tỷ lệ”: the `Tổng hợp` sheet, compared with last year's figures when this spreadsheet has them. */
export function computeSummary(): void {
  const properties = readDocumentProperties();
  const active = analyzeActiveUnit(properties);
  if (!active.ok) return alert(TITLE, active.message);
  const { summary } = active.analysis;
  const previous = storedFigures(properties[FIGURES_KEY + (summary.year - 1)]);
  const now = new Date();
  // The unit's report has the same shape for 100 members and 12.000: its sheet is never cut (one call less).
  writeOwnReport(
    layoutReport(buildUnitReport(summary, { previous, date: now, computedAt: now })),
    properties,
    true,
  );
  if (summary.year) {
    const figures: PreviousFigures = { members: summary.members, cells: summary.cells };
    writeDocumentProperties({ [FIGURES_KEY + summary.year]: JSON.stringify(figures) });
  }
  toast(
    summary.errors.length
      ? `Đã ghi trang “Tổng hợp”, nhưng dữ liệu còn ${countText(summary.errors.length, 0)}: hãy chạy “Kiểm tra dữ liệu”.`
      : 'Đã ghi trang “Tổng hợp”.',
    TITLE,
  );
}

function storedFigures(json: string | undefined): PreviousFigures | null {
  if (!json) return null;
  try {
    const figures = JSON.parse(json) as PreviousFigures;
    return figures.members ? figures : null;
  } catch {
    return null;
  }
}
