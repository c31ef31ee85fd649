import {
  CELL_NOT_RATED_REASONS,
  MEMBER_COLUMNS,
  NOT_RATED_REASONS,
  RULE_SET_IDS,
  type UnitReport,
} from '../../../core';
import { absentable, isoDate, ratingLevel, text, unitCode, year } from './common';
import { z } from './zod-vi';

/** Group tags and organization groups (Khối) become Firestore map keys: not empty, not `__…__`. */
export const groupTag = z
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
  probationary: absentable(z.boolean()),
  selfCorrected: absentable(z.boolean()),
  scoreGeneral: absentable(z.number()),
  scoreTasks: absentable(z.number()),
});

export const cellRowSchema = z.strictObject({
  row: rowNumber,
  name: text(200),
  rating: absentable(ratingLevel),
  reason: absentable(z.enum(CELL_NOT_RATED_REASONS)),
  foundedOn: absentable(isoDate),
  disciplined: absentable(z.boolean()),
  selfCorrected: absentable(z.boolean()),
  score: absentable(z.number()),
  note: absentable(text(1000)),
});

export const targetRowSchema = z.strictObject({
  code: z.string().trim().min(1).max(60),
  name: text(300),
  target: absentable(z.number().min(0)).transform((v) => v ?? null),
  actual: absentable(z.number().min(0)).transform((v) => v ?? null),
});

/** Where the rows were read (sheet name, column letters): names the places in the re-check's issues. */
const reportSourceSchema = z.strictObject({
  sheet: z.string().trim().min(1).max(100),
  columns: absentable(
    z.partialRecord(
      z.enum(MEMBER_COLUMNS.map((c) => c.key)),
      z.string().regex(/^[A-Z]{1,3}$/, 'Cột phải là chữ cái như “A” hay “AB”.'),
    ),
  ),
});

export const unitReportSchema = z.strictObject({
  year,
  /** QĐ 366 quarterly evaluation: stored apart from the year's report, never consolidated with it. */
  quarter: absentable(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])),
  unit: z.strictObject({
    code: unitCode,
    name: text(300),
    kind: absentable(text(60)),
  }),
  evaluationDate: absentable(isoDate),
  ruleSet: absentable(z.enum(RULE_SET_IDS)),
  members: z.array(memberRowSchema).max(50_000),
  cells: absentable(z.array(cellRowSchema).max(5_000)),
  targets: absentable(z.array(targetRowSchema).max(200)),
  source: absentable(reportSourceSchema),
});

// The schema must accept exactly core's UnitReport.
const _sameShape: (r: z.output<typeof unitReportSchema>) => UnitReport = (r) => r;
void _sameShape;
