import { canonicalIndicatorCode, indicatorName } from '../../../core';
import type { AssignedTargetRow } from '../store/targets';
import { z } from './zod-vi';
import { unitCode } from './common';

/** One unit's targets are one document: this many keeps it far under Firestore's 1 MiB. */
export const MAX_TARGETS_PER_UNIT = 200;

export const assignedTargetsSchema = z
  .array(
    z.strictObject({
      unit: unitCode,
      code: z.string().trim().min(1).max(60),
      name: z.string().max(300).optional(),
      target: z.number().min(0),
    }),
  )
  .max(5_000)
  .superRefine((rows, context) => {
    const perUnit = new Map<string, number>();
    rows.forEach((row, index) => {
      const count = (perUnit.get(row.unit) ?? 0) + 1;
      perUnit.set(row.unit, count);
      if (count === MAX_TARGETS_PER_UNIT + 1) {
        context.addIssue({
          code: 'custom',
          path: [index, 'unit'],
          message: `Đơn vị ${row.unit} được giao quá ${MAX_TARGETS_PER_UNIT} chỉ tiêu.`,
        });
      }
    });
  });

/** The rows as stored: the catalogue's code, and its name where none was given. */
export function assignedTargetRows(rows: z.output<typeof assignedTargetsSchema>): AssignedTargetRow[] {
  return rows.map((row) => {
    const code = canonicalIndicatorCode(row.code, row.name ?? '');
    return { unit: row.unit, code, name: row.name?.trim() || indicatorName(code), target: row.target };
  });
}
