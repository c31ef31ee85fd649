import { NOT_RATED_REASONS, type UnitReport } from '../../../core';
import { absentable, isoDate, ratingLevel, text, unitCode, year } from './common';
import { z } from './zod-vi';

/** Group tags become Firestore map keys in the summary: not empty, not `__…__`. */
const groupTag = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((tag) => !/^__.*__$/.test(tag), 'Tên nhóm không được có dạng __…__.');

const rowNumber = absentable(z.number().int().min(1));

export const memberRowSchema = z.strictObject({
  row: rowNumber,
  name: text(200),
  card: absentable(text(50)),
  cell: absentable(text(200)),
  birthDate: absentable(isoDate),
  admittedOn: absentable(isoDate),
  rating: absentable(ratingLevel),
  reason: absentable(z.enum(NOT_RATED_REASONS)),
  score: absentable(z.number()),
  disciplined: absentable(z.boolean()),
  sickLeave: absentable(z.boolean()),
  groups: absentable(z.array(groupTag).max(20)),
  note: absentable(text(1000)),
});

export const cellRowSchema = z.strictObject({
  row: rowNumber,
  name: text(200),
  rating: absentable(ratingLevel),
  foundedOn: absentable(isoDate),
});

export const targetRowSchema = z.strictObject({
  code: z.string().trim().min(1).max(60),
  name: text(300),
  target: absentable(z.number().min(0)).transform((v) => v ?? null),
  actual: absentable(z.number().min(0)).transform((v) => v ?? null),
});

export const unitReportSchema = z.strictObject({
  year,
  unit: z.strictObject({
    code: unitCode,
    name: text(300),
    kind: absentable(text(60)),
  }),
  evaluationDate: absentable(isoDate),
  members: z.array(memberRowSchema).max(50_000),
  cells: absentable(z.array(cellRowSchema).max(5_000)),
  targets: absentable(z.array(targetRowSchema).max(200)),
});

// The schema must accept exactly core's UnitReport.
const _sameShape: (r: z.output<typeof unitReportSchema>) => UnitReport = (r) => r;
void _sameShape;
