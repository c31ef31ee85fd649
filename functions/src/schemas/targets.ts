import { z } from './zod-vi';
import { unitCode } from './common';

export const assignedTargetsSchema = z
  .array(
    z.strictObject({
      unit: unitCode,
      code: z.string().trim().min(1).max(60),
      name: z.string().max(300).optional(),
      target: z.number().min(0),
    }),
  )
  .max(5_000);
