import { z } from './zod-vi';
import { absentable, ratingLevel, text, unitCode } from './common';
import { groupTag } from './report';

export const organizationsSchema = z
  .array(
    z.strictObject({
      code: unitCode,
      name: text(300),
      kind: absentable(text(60)),
      group: absentable(groupTag),
      score: absentable(z.number().min(0).max(100)),
      note: absentable(text(1000)),
      rating: absentable(ratingLevel).transform((v) => v ?? null),
      /** `Sáp nhập từ`: last year's codes this organization was formed from. */
      mergedFrom: absentable(z.array(unitCode).max(100)),
    }),
  )
  .max(5_000);
