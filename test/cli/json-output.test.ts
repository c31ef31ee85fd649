import { jsonPieces } from '../../cli/output';

describe('JSON printed in pieces', () => {
  const unit = (n: number) => ({
    code: `CB${n}`,
    name: `Chi bộ ${n}\n“trích dẫn”`,
    members: { total: n, counts: { excellent: 1, good: n - 1 }, percent: { excellent: null } },
    change: undefined,
    mergedFrom: n % 2 ? [] : [`CB${n - 1}`],
  });
  const cases: [string, unknown][] = [
    [
      'a consolidation-like document',
      {
        year: 2023,
        organization: null,
        units: { count: 3, codes: ['CB1', 'CB2', 'CB3'], byKind: {} },
        byUnit: [1, 2, 3].map(unit),
        errors: [],
        warnings: [{ code: 'W_X', row: null, value: 'x', nested: { deeper: { deepest: [1, [2, [3]]] } } }],
      },
    ],
    [
      'what JSON.stringify leaves out or turns to null',
      {
        a: undefined,
        b: () => 1,
        c: [undefined, () => 1, Symbol('s'), new Date(0), { toJSON: () => undefined }],
      },
    ],
    ['empty containers and scalars', [[], {}, [[[[]]]], '', 0, -0, NaN, null, true]],
    ['a scalar', 'một chuỗi'],
  ];

  test.each(cases)('%s: the same text as JSON.stringify(value, null, 2)', (_, value) => {
    for (const depth of [0, 1, 2, 3, 6]) {
      expect([...jsonPieces(value, depth)].join('')).toBe(JSON.stringify(value, null, 2));
    }
  });

  test('a long list comes in many pieces, not one', () => {
    const pieces = [...jsonPieces({ byUnit: Array.from({ length: 100 }, (_, i) => unit(i + 1)) })];
    expect(pieces.length).toBeGreaterThan(100);
  });
});
