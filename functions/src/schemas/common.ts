import { isValidIsoDate, RATING_LEVELS } from '../../../core';
import { isUsableDocumentId } from '../store/document-ids';
import { z } from './zod-vi';

/** A value JSON producers often send as null when absent: null is read as absent. */
export const absentable = <T extends z.ZodType>(schema: T) =>
  z
    .union([schema, z.null()])
    .optional()
    .transform((v) => (v === null ? undefined : v) as z.output<T> | undefined);

/** Unit codes are document IDs: letters, digits, '.', '_' and '-', and not an id Firestore reserves. */
const UNIT_CODE_CHARACTERS = /^[A-Za-z0-9._-]{1,40}$/;
export const isUnitCode = (code: string) => UNIT_CODE_CHARACTERS.test(code) && isUsableDocumentId(code);
export const unitCode = z
  .string()
  .trim()
  .regex(
    UNIT_CODE_CHARACTERS,
    'Mã đơn vị chỉ gồm chữ, số, dấu chấm, gạch dưới, gạch ngang (tối đa 40 ký tự).',
  )
  .refine(isUsableDocumentId, 'Mã đơn vị không được là “.”, “..” hay có dạng __…__.');

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.')
  .refine(isValidIsoDate, 'Ngày không tồn tại.');

export const year = z.number().int().min(2000).max(2100);
export const ratingLevel = z.enum(RATING_LEVELS);
export const text = (max: number) => z.string().max(max);
