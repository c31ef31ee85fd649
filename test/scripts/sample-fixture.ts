import {
  analyzeUnitWorkbook,
  consolidate,
  readDistrictWorkbook,
  type Consolidation,
  type DistrictData,
  type UnitReport,
  type UnitSummary,
} from '../../core';
import { buildSample, type SampleData } from '../../scripts/sample/build';

export interface AnalyzedYear {
  year: number;
  reports: UnitReport[];
  summaries: UnitSummary[];
  district: DistrictData;
  districtIssues: number;
  consolidation: Consolidation;
}

let cached: { sample: SampleData; years: Record<2023 | 2022, AnalyzedYear> } | null = null;

/** The sample built in memory and run through core once per test file: last year first, then this year against it. */
export function analyzedSample(): { sample: SampleData; years: Record<2023 | 2022, AnalyzedYear> } {
  if (cached) return cached;
  const sample = buildSample();
  const analyze = (year: 2023 | 2022, previous: Consolidation | null): AnalyzedYear => {
    const data = sample.years.find((y) => y.year === year)!;
    const reports: UnitReport[] = [];
    const summaries: UnitSummary[] = [];
    for (const unit of data.units) {
      const analysis = analyzeUnitWorkbook(unit.workbook);
      if (!analysis.ok) throw new Error(`${unit.code}: ${analysis.message}`);
      reports.push(analysis.read.report);
      summaries.push(analysis.summary);
    }
    const district = readDistrictWorkbook(data.district);
    const consolidation = consolidate(summaries, { district: district.data, previous });
    return {
      year,
      reports,
      summaries,
      district: district.data,
      districtIssues: district.issues.length,
      consolidation,
    };
  };
  const last = analyze(2022, null);
  cached = { sample, years: { 2022: last, 2023: analyze(2023, last.consolidation) } };
  return cached;
}

/** One decimal, as the seed prints changes ("tăng 3,3%"). */
export const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
