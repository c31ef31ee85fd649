import fc from 'fast-check';
import {
  nearestLabel,
  NOT_RATED_REASONS,
  RATING_LEVELS,
  recognizeRating,
  recognizeReason,
  type NotRatedReason,
  type RatingLevel,
} from '../../core';

/** The forms design.md §2.1–2.2 names: full text, abbreviation, short forms / typical cell texts. */
const SPEC_RATING_FORMS: Record<RatingLevel, string[]> = {
  excellent: ['Hoàn thành xuất sắc nhiệm vụ', 'HTXSNV', 'Xuất sắc'],
  good: ['Hoàn thành tốt nhiệm vụ', 'HTTNV', 'Tốt'],
  complete: ['Hoàn thành nhiệm vụ', 'HTNV', 'Hoàn thành'],
  notComplete: ['Không hoàn thành nhiệm vụ', 'KHTNV', 'Không hoàn thành'],
};
const SPEC_REASON_FORMS: Record<NotRatedReason, string[]> = {
  exempt: ['Miễn công tác và sinh hoạt đảng', 'Miễn sinh hoạt'],
  suspended: ['Đình chỉ sinh hoạt đảng', 'Đình chỉ sinh hoạt'],
  newMember: ['Mới kết nạp', 'Dự bị dưới 6 tháng'],
  pending: ['Chưa đánh giá'],
};
/** Further forms core accepts on purpose (written out here, not read from core). */
const EXTRA_RATING_FORMS: Record<RatingLevel, string[]> = {
  excellent: ['Hoàn thành xuất sắc', 'HTXS', 'Hoàn thành xuất sắc NV'],
  good: ['Hoàn thành tốt', 'HTT', 'Hoàn thành tốt NV'],
  complete: ['HT', 'Hoàn thành NV'],
  notComplete: ['KHT', 'Không hoàn thành NV', 'Không HTNV'],
};
const CANONICAL_RATING = [
  'Hoàn thành xuất sắc nhiệm vụ',
  'Hoàn thành tốt nhiệm vụ',
  'Hoàn thành nhiệm vụ',
  'Không hoàn thành nhiệm vụ',
];
const CANONICAL_REASON = [
  'Miễn công tác và sinh hoạt đảng',
  'Đình chỉ sinh hoạt đảng',
  'Mới kết nạp chưa đủ 06 tháng',
  'Chưa đánh giá',
];

/** Independent of core: letters and digits only, no diacritics, lower case. */
function plainKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const acceptedRatings = new Map<string, RatingLevel>();
for (const level of RATING_LEVELS) {
  for (const form of [...SPEC_RATING_FORMS[level], ...EXTRA_RATING_FORMS[level]])
    acceptedRatings.set(plainKey(form), level);
}

/** Any way people type a label: NFC or NFD, any case per letter, extra/odd spaces, dotted abbreviations. */
function variantOf(form: string): fc.Arbitrary<string> {
  const isAbbreviation = !/\s/.test(form) && form === form.toUpperCase() && form.length > 1;
  const spaces = fc.constantFrom(' ', '  ', '   ', '\t', '\u00a0', ' \u00a0 ');
  return fc
    .record({
      nfd: fc.boolean(),
      cases: fc.array(fc.constantFrom('upper', 'lower', 'keep'), {
        minLength: form.length,
        maxLength: form.length,
      }),
      gap: spaces,
      lead: fc.constantFrom('', ' ', '  '),
      trail: fc.constantFrom('', ' ', '.', ' \u00a0'),
      dots: fc.constantFrom('none', 'dots', 'dot-space', 'space'),
    })
    .map(({ nfd, cases, gap, lead, trail, dots }) => {
      let text = [...form]
        .map((ch, i) =>
          cases[i] === 'upper' ? ch.toUpperCase() : cases[i] === 'lower' ? ch.toLowerCase() : ch,
        )
        .join('');
      if (isAbbreviation && dots !== 'none') {
        const joiner = dots === 'dots' ? '.' : dots === 'dot-space' ? '. ' : ' ';
        text = [...text].join(joiner) + (dots === 'space' ? '' : '.');
      }
      text = lead + text.split(' ').join(gap) + trail;
      return nfd ? text.normalize('NFD') : text.normalize('NFC');
    });
}

const ratingForms = RATING_LEVELS.flatMap((level) =>
  SPEC_RATING_FORMS[level].map((form) => [level, form] as const),
);
const reasonForms = NOT_RATED_REASONS.flatMap((reason) =>
  SPEC_REASON_FORMS[reason].map((form) => [reason, form] as const),
);

describe('rating labels', () => {
  test.each(ratingForms)('%s: “%s” exactly as written', (level, form) => {
    expect(recognizeRating(form)).toBe(level);
    expect(recognizeReason(form)).toBeNull();
  });

  test('any NFC/NFD, case, spacing or dotted variant of a spec form is its level', () => {
    const arbitrary = fc
      .constantFrom(...ratingForms)
      .chain(([level, form]) => variantOf(form).map((text) => [level, text] as const));
    fc.assert(
      fc.property(arbitrary, ([level, text]) => {
        expect(recognizeRating(text)).toBe(level);
      }),
      { numRuns: 2000 },
    );
  });

  test.each([
    ['H.T.X.S.N.V', 'excellent'],
    ['h.t.t.n.v.', 'good'],
    ['HT NV', 'complete'],
    ['K.H.T.N.V', 'notComplete'],
    ['HOÀN THÀNH XUẤT SẮC NHIỆM VỤ', 'excellent'],
    ['hoan thanh tot nhiem vu', 'good'],
    ['Hoàn  thành\u00a0nhiệm vụ', 'complete'],
    ['Không hoàn thành', 'notComplete'],
    ['ĐÌNH CHỈ SINH HOẠT', null],
    ['Hoàn thành xuất sắc nhiệm vụ'.normalize('NFD'), 'excellent'],
  ])('“%s” → %s', (text, expected) => {
    expect(recognizeRating(text)).toBe(expected);
  });

  test('words that are not a label are never taken for one (exact match after folding, no guessing)', () => {
    const syllables = [
      'hoàn',
      'thành',
      'xuất',
      'sắc',
      'tốt',
      'nhiệm',
      'vụ',
      'không',
      'khá',
      'giỏi',
      'trung',
      'bình',
      'yếu',
      'đạt',
      'chưa',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 6 }), (words) => {
        const text = words.join(' ');
        expect(recognizeRating(text)).toBe(acceptedRatings.get(plainKey(text)) ?? null);
      }),
      { numRuns: 3000 },
    );
  });

  test('a dropdown’s label with its abbreviation in brackets, and the further short forms, are their level', () => {
    expect(recognizeRating('Hoàn thành tốt nhiệm vụ (HTTNV)')).toBe('good');
    expect(recognizeRating('HTXSNV (Hoàn thành xuất sắc nhiệm vụ)'.normalize('NFD'))).toBe('excellent');
    expect(recognizeRating('Không hoàn thành (KHTNV).')).toBe('notComplete');
    expect(recognizeRating('Tốt (HTXSNV)')).toBeNull();
    expect(recognizeRating('Hoàn thành tốt nhiệm vụ (xem ghi chú)')).toBeNull();
    // "NV" for "nhiệm vụ", and the hybrid "Không HTNV", as forms write them.
    for (const level of RATING_LEVELS)
      for (const form of EXTRA_RATING_FORMS[level])
        expect([form, recognizeRating(form)]).toEqual([form, level]);
  });

  test('random junk is not recognised, and the suggestion is always a canonical label', () => {
    const junk = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 }));
    fc.assert(
      fc.property(junk, (text) => {
        if (!acceptedRatings.has(plainKey(text))) expect(recognizeRating(text)).toBeNull();
        expect(CANONICAL_RATING).toContain(nearestLabel(text, 'rating'));
        expect(CANONICAL_REASON).toContain(nearestLabel(text, 'reason'));
      }),
      { numRuns: 2000 },
    );
  });

  test.each([
    ['Hoàn thành khá nhiệm vụ', null],
    ['Khá', null],
    ['Trung bình', null],
    ['Tốt lắm', null],
    ['HTNVV', null],
    ['Không', null],
    ['Xuất sắc tiêu biểu', null],
    ['', null],
    ['...', null],
  ])('near miss “%s” is not a label', (text, expected) => {
    expect(recognizeRating(text)).toBe(expected);
  });

  test.each([
    ['Hoan thanh tot nhiem vuu', 'Hoàn thành tốt nhiệm vụ'],
    ['HTXSN', 'Hoàn thành xuất sắc nhiệm vụ'],
    ['Khong hoan thanh nhiem', 'Không hoàn thành nhiệm vụ'],
    ['Hoàn thành nhiệm vu.', 'Hoàn thành nhiệm vụ'],
    ['Xuat sac', 'Hoàn thành xuất sắc nhiệm vụ'],
    ['Tôt', 'Hoàn thành tốt nhiệm vụ'],
  ])('a typo “%s” suggests “%s”', (text, label) => {
    expect(nearestLabel(text, 'rating')).toBe(label);
  });
});

describe('not-rated reasons', () => {
  test.each(reasonForms)('%s: “%s” exactly as written', (reason, form) => {
    expect(recognizeReason(form)).toBe(reason);
    expect(recognizeRating(form)).toBeNull();
  });

  test('any NFC/NFD, case or spacing variant of a spec form is its reason', () => {
    const arbitrary = fc
      .constantFrom(...reasonForms)
      .chain(([reason, form]) => variantOf(form).map((text) => [reason, text] as const));
    fc.assert(
      fc.property(arbitrary, ([reason, text]) => {
        expect(recognizeReason(text)).toBe(reason);
      }),
      { numRuns: 1500 },
    );
  });

  test.each([
    // Ð (U+00D0) is how Đ often arrives in text converted out of the old TCVN3/VNI encodings.
    ['Ðình chỉ sinh hoạt', 'suspended'],
    ['MIỄN CÔNG TÁC VÀ SINH HOẠT ĐẢNG', 'exempt'],
    ['chua danh gia', 'pending'],
    ['Đi học dài hạn', null],
    ['Nghỉ hưu', null],
    ['Mới', null],
  ])('“%s” → %s', (text, expected) => {
    expect(recognizeReason(text)).toBe(expected);
  });

  test.each([
    ['Đình chỉ sinh hoạc', 'Đình chỉ sinh hoạt đảng'],
    ['Mien sinh hoa', 'Miễn công tác và sinh hoạt đảng'],
    ['Chưa đánh gía xong', 'Chưa đánh giá'],
    ['Mới kết nạp đảng', 'Mới kết nạp chưa đủ 06 tháng'],
  ])('a typo “%s” suggests “%s”', (text, label) => {
    expect(nearestLabel(text, 'reason')).toBe(label);
  });
});
