import { ASSIGNED_TARGET_COLUMNS, INDICATORS, SHEET_NAMES } from '../../../core';
import type { TemplateSheet } from './template';

/** An empty `Giao chỉ tiêu` sheet with its header and a dropdown of the catalogue's indicator codes. */
export function assignedTargetsTemplate(): TemplateSheet {
  const widths: Record<string, number> = { unit: 110, code: 240, name: 420, target: 90 };
  return {
    name: SHEET_NAMES.assignedTargets,
    columns: ASSIGNED_TARGET_COLUMNS.map((spec) => ({
      header: spec.header,
      width: widths[spec.key] ?? 120,
      format: spec.key === 'unit' || spec.key === 'code' ? '@' : undefined,
      rule:
        spec.key === 'code'
          ? {
              kind: 'list',
              values: INDICATORS.map((i) => i.code),
              help: 'Mã chỉ tiêu trong danh mục (có thể dùng mã riêng).',
            }
          : spec.key === 'target'
            ? { kind: 'number', min: 0, max: null, help: 'Số được giao.' }
            : undefined,
    })),
    rows: [],
    cellRules: [],
    cellFormats: [],
    protectFirstColumn: false,
  };
}
