import fc from 'fast-check';
import {
  cleanText,
  cleanTextKeyHash,
  compactKey,
  foldedKeyHash,
  foldText,
  isBlankText,
  lastCleanedKeyHash,
} from '../../core';

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

/** 32-bit FNV-1a over UTF-16 code units, written the plain way. */
const fnv1a = (key: string) => {
  let hash = 0x811c9dc5;
  for (const unit of key.split('').map((c) => c.charCodeAt(0)))
    hash = Number((BigInt(hash ^ unit) * 0x01000193n) & 0xffffffffn);
  return hash | 0;
};

describe('key hashes', () => {
  it('are the FNV-1a hash of the key, whichever path builds it', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(foldedKeyHash(text, false)).toBe(fnv1a(foldReference(text)));
        expect(foldedKeyHash(text, true)).toBe(fnv1a(compactReference(text)));
      }),
      { numRuns: 2000 },
    );
    const long = 'Nguyễn Văn Thành, '.repeat(100);
    expect(foldedKeyHash(long, false)).toBe(fnv1a(foldReference(long)));
  });

  it('taken while cleaning are the clean text and the hash of its key', () => {
    const clean = ['Nguyễn Văn Thành 12', '01.0000123', 'Lê  Thị', ' An', 'Ðặng\u00a0Hải', 'Hoa\u0300'];
    fc.assert(
      fc.property(fc.oneof(texts, fc.constantFrom(...clean)), fc.boolean(), (text, compact) => {
        expect(cleanTextKeyHash(text, compact)).toBe(cleanText(text));
        const key = compact ? compactReference(cleanText(text)) : foldReference(cleanText(text));
        expect(lastCleanedKeyHash()).toBe(fnv1a(key));
      }),
      { numRuns: 2000 },
    );
  });

  it('are equal for spellings of one key', () => {
    const spellings = [
      'Nguyễn Văn An',
      'NGUYEN  VAN AN',
      ' nguyễn văn an'.normalize('NFD'),
      'Nguyen Van\u00a0An',
    ];
    for (const text of spellings) expect(foldedKeyHash(text, false)).toBe(foldedKeyHash(spellings[0], false));
    expect(foldedKeyHash('01.000123', true)).toBe(foldedKeyHash('01 000 123', true));
  });
});

describe('blank texts', () => {
  it('are what trim() leaves empty, for every UTF-16 unit and for texts of spaces and others', () => {
    const differing: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (isBlankText(char) !== (char.trim() === '')) differing.push(code);
    }
    expect(differing).toEqual([]);
    const spaces = fc.constantFrom(
      ' ',
      '\t',
      '\n',
      '\r',
      '\u000b',
      '\u00a0',
      '\u1680',
      '\u2003',
      '\u3000',
      '\ufeff',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(spaces, spaces, pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(isBlankText(text)).toBe(text.trim() === '');
      }),
      { numRuns: 3000 },
    );
  });
});
