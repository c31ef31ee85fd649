import { z } from './zod-vi';
import { absentable, ratingLevel, text, unitCode } from './common';

export const organizationsSchema = z
  .array(
    z.strictObject({
      code: unitCode,
      name: text(300),
      kind: absentable(text(60)),
      rating: absentable(ratingLevel).transform((v) => v ?? null),
    }),
  )
  .max(5_000);
