import type { ZodType } from 'zod';
import { NOT_RATED_REASONS, RATING_LEVELS, type Consolidation, type Tally } from './types';

type Zod = typeof import('zod');

/**
 * Built on first use, the schema library loaded only then: most runs (reading unit workbooks) never check a
 * received consolidation, and loading zod's many modules cost the CLI ≈ 12 MB resident before its first file.
 */
function buildSchema(z: Zod) {
  const count = z.number().int().min(0);
  const share = z.number().nullable();
  const byLevel = <T extends ZodType>(value: T) =>
    z.looseObject(Object.fromEntries(RATING_LEVELS.map((l) => [l, value])) as Record<string, T>);

  const tally = z.looseObject({
    total: count,
    evaluated: count,
    notRated: z.looseObject(Object.fromEntries(NOT_RATED_REASONS.map((r) => [r, count]))),
    counts: byLevel(count),
    percent: byLevel(share),
    excellentPerGood: share,
    quota: z.looseObject({
      ratio: z.number(),
      base: z.enum(['good', 'goodOrBetter', 'all']),
      maxExcellent: count,
      ok: z.boolean(),
    }),
  });

  const issue = z.looseObject({
    code: z.string(),
    sheet: z.string(),
    row: z.number().nullable(),
    column: z.string().nullable(),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
    message: z.string(),
  });

  const change = byLevel(share).nullable();
  const identity = z.looseObject({ code: z.string(), name: z.string() });

  return z.looseObject({
    year: z.number().int(),
    quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
    organization: identity.nullable().optional(),
    units: z.looseObject({ count, codes: z.array(z.string()), byKind: z.record(z.string(), count) }),
    members: tally,
    groups: z.record(z.string(), tally),
    cells: tally.nullable(),
    organizations: tally.nullable(),
    upperOrganizations: z
      .array(
        z.looseObject({
          name: z.string(),
          organizations: tally.nullable(),
          groups: z.record(z.string(), tally).nullable(),
        }),
      )
      .optional(),
    byUnit: z.array(
      z.looseObject({
        code: z.string(),
        name: z.string(),
        members: tally,
        errors: count,
        warnings: count,
        change: change.optional(),
        mergedFrom: z.array(z.string()).optional(),
      }),
    ),
    children: z
      .array(
        z.looseObject({
          code: z.string(),
          name: z.string(),
          isUnit: z.boolean(),
          units: count,
          members: tally.nullable(),
          change,
        }),
      )
      .optional(),
    targets: z.array(
      z.looseObject({
        code: z.string(),
        name: z.string(),
        target: z.number().nullable(),
        actual: z.number().nullable(),
        percent: share,
      }),
    ),
    change: z.looseObject({ members: change, organizations: change }).nullable(),
    errors: z.array(issue),
    warnings: z.array(issue),
  });
}

let schema: ReturnType<typeof buildSchema> | null = null;

export type ConsolidationCheck = { ok: true; consolidation: Consolidation } | { ok: false; message: string };

/**
 * A consolidation received from a file (the JSON `consolidate --json` printed, a report workbook's figures
 * sheet): the structure, and the sums that bind it (units listed once, totals = the units' figures).
 */
export async function checkConsolidation(value: unknown): Promise<ConsolidationCheck> {
  schema ??= buildSchema(await import('zod'));
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const path = first.path.map(String).join('.');
    return { ok: false, message: `số liệu tổng hợp không đúng cấu trúc (ở “${path || 'gốc'}”).` };
  }
  const consolidation = parsed.data as unknown as Consolidation;
  const wrong = inconsistency(consolidation);
  return wrong
    ? { ok: false, message: `số liệu tổng hợp không khớp: ${wrong}` }
    : { ok: true, consolidation };
}

function inconsistency(c: Consolidation): string | null {
  const codes = c.byUnit.map((u) => u.code);
  if (c.units.count !== codes.length || c.units.codes.join('\u0000') !== codes.join('\u0000'))
    return 'danh sách đơn vị và số liệu theo đơn vị khác nhau.';
  if (new Set(codes).size !== codes.length) return 'một đơn vị có mặt hai lần.';
  for (const [name, t] of [
    ['đảng viên', c.members],
    ...c.byUnit.map((u) => [u.code, u.members] as const),
  ] as [string, Tally][]) {
    const evaluated = RATING_LEVELS.reduce((sum, l) => sum + t.counts[l], 0);
    const total = evaluated + NOT_RATED_REASONS.reduce((sum, r) => sum + t.notRated[r], 0);
    if (t.evaluated !== evaluated || t.total !== total) return `tổng số của ${name} không bằng tổng các mức.`;
  }
  for (const level of RATING_LEVELS) {
    const sum = c.byUnit.reduce((s, u) => s + u.members.counts[level], 0);
    if (sum !== c.members.counts[level]) return 'tổng toàn đảng bộ không bằng tổng các đơn vị.';
  }
  for (const reason of NOT_RATED_REASONS) {
    const sum = c.byUnit.reduce((s, u) => s + u.members.notRated[reason], 0);
    if (sum !== c.members.notRated[reason]) return 'tổng toàn đảng bộ không bằng tổng các đơn vị.';
  }
  return null;
}
