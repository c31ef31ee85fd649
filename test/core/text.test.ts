import fc from 'fast-check';
import { cleanText, compactKey, foldText } from '../../core';

// The definitions the fast paths must agree with, written the plain way.
const foldReference = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐÐð]/g, 'd')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
const compactReference = (text: string) => foldReference(text).replace(/[^a-z0-9]/g, '');
const cleanReference = (text: string) =>
  text
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

const VIETNAMESE =
  'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵÐð';
const AWKWARD = [
  '',
  ' ',
  '  ',
  '\t',
  '\n',
  '\u00a0',
  '\u2003',
  '\u0301',
  '\u0323',
  '.',
  '-',
  '0',
  '9',
  'İ',
  'ß',
  'Σ',
  '中',
  '🙂',
  'Å',
  '\u212b',
  'ǅ',
];
const pieces = fc.oneof(
  fc.constantFrom(...VIETNAMESE.split('')),
  fc.constantFrom(...AWKWARD),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
);
const texts = fc
  .tuple(fc.array(pieces, { maxLength: 30 }), fc.constantFrom<'NFC' | 'NFD' | 'as is'>('NFC', 'NFD', 'as is'))
  .map(([parts, form]) => (form === 'as is' ? parts.join('') : parts.join('').normalize(form)));

describe('text keys', () => {
  it('fold, compact and clean as the plain definitions do, for any text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(foldText(text)).toBe(foldReference(text));
        expect(compactKey(text)).toBe(compactReference(text));
        expect(cleanText(text)).toBe(cleanReference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('treat every character of the fast ranges as NFC already', () => {
    for (const [from, to] of [
      [0x20, 0x300],
      [0x1e00, 0x1f00],
    ]) {
      for (let code = from; code < to; code++) {
        const text = `a${String.fromCharCode(code)}b`;
        expect([code, cleanText(text)]).toEqual([code, cleanReference(text)]);
        expect([code, foldText(text)]).toEqual([code, foldReference(text)]);
      }
    }
  });

  it('examples', () => {
    expect(foldText('  Hoàn  thành TỐT\u00a0nhiệm vụ ')).toBe('hoan thanh tot nhiem vu');
    expect(foldText('Đảng viên'.normalize('NFD'))).toBe('dang vien');
    expect(compactKey('H.T.X.S.N.V')).toBe('htxsnv');
    expect(cleanText(' Nguyễn  Văn\tAn ')).toBe('Nguyễn Văn An');
    expect(cleanText('Nguyễn Văn An'.normalize('NFD'))).toBe('Nguyễn Văn An');
  });
});

describe('long texts', () => {
  it('fold the same past the fast path’s length', () => {
    const long = 'Nguyễn Văn Thành, '.repeat(500);
    expect(foldText(long)).toBe(foldReference(long));
    expect(compactKey(long)).toBe(compactReference(long));
  });
});
