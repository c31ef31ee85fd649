import { isValidIsoDate, RATING_LEVELS } from '../../../core';
import { z } from './zod-vi';

/** A value JSON producers often send as null when absent: null is read as absent. */
export const absentable = <T extends z.ZodType>(schema: T) =>
  z
    .union([schema, z.null()])
    .optional()
    .transform((v) => (v === null ? undefined : v) as z.output<T> | undefined);

/** Unit codes are document IDs: letters, digits, '.', '_' and '-'. */
export const UNIT_CODE = /^[A-Za-z0-9._-]{1,40}$/;
export const unitCode = z
  .string()
  .trim()
  .regex(UNIT_CODE, 'Mã đơn vị chỉ gồm chữ, số, dấu chấm, gạch dưới, gạch ngang (tối đa 40 ký tự).');

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.')
  .refine(isValidIsoDate, 'Ngày không tồn tại.');

export const year = z.number().int().min(2000).max(2100);
export const ratingLevel = z.enum(RATING_LEVELS);
export const text = (max: number) => z.string().max(max);
