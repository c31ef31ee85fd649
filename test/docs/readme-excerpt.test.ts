import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderConsolidation } from '../../cli/render/consolidation';
import { readIssuer } from '../../core';
import { analyzedSample } from '../scripts/sample-fixture';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The report lines of the README's excerpt of `npm start`: from the heading to the published-figures check. */
function excerptReportLines(): string[] {
  const start = README.indexOf('Excerpt of the output');
  const open = README.indexOf('```\n', start) + 4;
  const lines = README.slice(open, README.indexOf('```', open)).split('\n');
  const first = lines.findIndex((line) => line.endsWith('— ĐẢNG CỘNG SẢN VIỆT NAM'));
  const last = lines.findIndex((line) => line.startsWith('Báo cáo đã công bố'));
  return lines.slice(first, last).filter((line) => line.trim() !== '' && line.trim() !== '…');
}

describe('the README’s excerpt of what npm start prints', () => {
  test('every report line of it is what the 2023 sample’s report prints', () => {
    const { sample, years } = analyzedSample();
    const district = sample.years.find((y) => y.year === 2023)!.district;
    // What npm start prints after its season: the terminal report of the superior's consolidation.
    const printed = renderConsolidation(years[2023].consolidation, {
      issuer: readIssuer(district),
      organizations: years[2023].district.organizations,
    }).split('\n');
    const lines = excerptReportLines();
    expect(lines.length).toBeGreaterThan(15);
    expect(lines.filter((line) => !printed.includes(line))).toEqual([]);
  });
});
