// Text keys and clean text. Each function has a general path (Unicode normalisation and regular
// expressions) and a fast path for the characters Vietnamese sheets are made of, which gives the same
// result character by character without allocating intermediate strings (checked in test/core/text).

const SPACE = /[\s\u00a0]+/g;

/** Case-, diacritic- and spacing-insensitive form of a text, the same for NFC and NFD input. */
export function foldText(text: string): string {
  const length = foldCodes(text, false);
  return length < 0 ? foldTextGeneral(text) : bufferText(length);
}

/**
 * A 32-bit hash of `compactKey(text)` (`compact`) or `foldText(text)`, computed without building the key
 * when the text takes the fast path: equal keys give equal hashes.
 */
export function foldedKeyHash(text: string, compact: boolean): number {
  if (fastKeyHash(text, compact, false)) return foldedHash;
  return stringHash(compact ? compactKey(text) : foldText(text));
}

// 32-bit FNV-1a over the key's UTF-16 code units.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function stringHash(key: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** The hash of the key the last fastKeyHash call folded, computed as it folded it. */
let foldedHash = FNV_OFFSET;

/**
 * The fold of `text` in one pass over the fast-path table (letters and digits only when `compact`),
 * written into `buffer`: its length, or -1 when a character needs the general path.
 */
function foldCodes(text: string, compact: boolean): number {
  // Long texts (a whole note pasted in a cell) take the general path: fromCharCode takes few arguments.
  if (text.length > MAX_FAST_LENGTH) return -1;
  let length = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const folded = foldedCode(text.charCodeAt(i));
    if (folded === GENERAL) return -1;
    if (folded === DROP) continue;
    if (folded === SPACE_CODE) {
      space = length > 0;
      continue;
    }
    if (compact) {
      if ((folded >= 97 && folded <= 122) || (folded >= 48 && folded <= 57)) buffer[length++] = folded;
      continue;
    }
    if (space) {
      buffer[length++] = SPACE_CODE;
      space = false;
    }
    buffer[length++] = folded;
  }
  return length;
}

function bufferText(length: number): string {
  return String.fromCharCode.apply(null, buffer.subarray(0, length) as unknown as number[]);
}

const MAX_FAST_LENGTH = 1024;
const buffer = new Uint16Array(MAX_FAST_LENGTH);

function foldTextGeneral(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      // Ð/ð (U+00D0/U+00F0) stand in for Đ/đ in text converted from old Vietnamese encodings.
      .replace(/[đĐÐð]/g, 'd')
      .toLowerCase()
      .replace(SPACE, ' ')
      .trim()
  );
}

/** Folded text with every non-letter, non-digit removed: "H.T.X.S.N.V" and "htxs nv" both give "htxsnv". */
export function compactKey(text: string): string {
  const length = foldCodes(text, true);
  return length < 0 ? foldTextGeneral(text).replace(/[^a-z0-9]/g, '') : bufferText(length);
}

/**
 * True when the text is empty or white space only — what `text.trim() === ''` says, settled by its first
 * characters without calling trim (a cell check asks it several times a row).
 */
export function isBlankText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0xfeff) continue;
    if (code < 0x1680 || !/\s/.test(text[i])) return false;
  }
  return true;
}

/** Text as it should be shown and stored: NFC, single spaces, trimmed. */
export function cleanText(text: string): string {
  return isClean(text) ? text : text.normalize('NFC').replace(SPACE, ' ').trim();
}

/**
 * True when the text is already NFC with single inner spaces: every character is below U+0300 or a
 * precomposed Vietnamese letter (U+1E00–U+1EFF), none of which NFC changes.
 */
function isClean(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) if (!cleanAt(text, i, text.charCodeAt(i), last)) return false;
  return true;
}

/** Whether the character `code` at `i` (of a text whose last index is `last`) keeps the text clean. */
function cleanAt(text: string, i: number, code: number, last: number): boolean {
  if (code === 32) return !(i === 0 || i === last || text.charCodeAt(i + 1) === 32);
  if (code < 33 || (code >= 0x7f && code <= 0xa0)) return false;
  return code < 0x300 || (code >= 0x1e00 && code <= 0x1eff);
}

/** The key hash of the text the last cleanTextKeyHash call returned. */
let cleanedKeyHash = FNV_OFFSET;

/**
 * cleanText(text), leaving foldedKeyHash(result, compact) for `lastCleanedKeyHash`: a text already clean
 * (nearly every cell) is read once for both, where cleaning and then hashing read it twice.
 */
export function cleanTextKeyHash(text: string, compact: boolean): string {
  if (fastKeyHash(text, compact, true)) {
    cleanedKeyHash = foldedHash;
    return text;
  }
  const cleaned = cleanText(text);
  cleanedKeyHash = foldedKeyHash(cleaned, compact);
  return cleaned;
}

export function lastCleanedKeyHash(): number {
  return cleanedKeyHash;
}

/**
 * The key hash foldedKeyHash gives, computed in one pass over the fast-path tables (letters and digits only
 * when `compact`) without building the key; with `clean`, only for a text isClean accepts (false for the
 * others), so that a cell is cleaned and hashed in one read. Sets foldedHash; false when a character needs
 * the general path.
 */
function fastKeyHash(text: string, compact: boolean, clean: boolean): boolean {
  if (text.length > MAX_FAST_LENGTH) return false;
  const last = text.length - 1;
  let hash = FNV_OFFSET;
  let started = false;
  let space = false;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (clean && !cleanAt(text, i, code, last)) return false;
    if (compact) {
      const folded = code < LOW_END ? COMPACT[code] : compactCode(code);
      if (folded >= 0) hash = Math.imul(hash ^ folded, FNV_PRIME);
      else if (folded === GENERAL) return false;
      continue;
    }
    const folded = code < LOW_END ? FOLDED[code] : foldedCode(code);
    if (folded >= 0 && folded !== SPACE_CODE) {
      if (space) {
        hash = Math.imul(hash ^ SPACE_CODE, FNV_PRIME);
        space = false;
      }
      hash = Math.imul(hash ^ folded, FNV_PRIME);
      started = true;
    } else if (folded === SPACE_CODE) space = started;
    else if (folded === GENERAL) return false;
  }
  foldedHash = hash;
  return true;
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

// The fold of each character of Basic Latin to Latin Extended-B and of Latin Extended Additional,
// computed once with the general path: one character code, or SPACE_CODE for spaces, DROP for
// characters that fold to nothing, GENERAL for those that fold to several characters.
const LOW_END = 0x250;
const HIGH_START = 0x1e00;
const HIGH_END = 0x1f00;
const SPACE_CODE = 32;
const DROP = -1;
const GENERAL = -2;
const FOLDED = new Int32Array(LOW_END + HIGH_END - HIGH_START);
for (let code = 0; code < LOW_END; code++) FOLDED[code] = foldOne(code);
for (let code = HIGH_START; code < HIGH_END; code++) FOLDED[code - HIGH_START + LOW_END] = foldOne(code);

function foldOne(code: number): number {
  const char = String.fromCharCode(code);
  if (/[\s\u00a0]/.test(char)) return SPACE_CODE;
  const folded = foldTextGeneral(char);
  if (folded === '') return DROP;
  return folded.length === 1 ? folded.charCodeAt(0) : GENERAL;
}

/** FOLDED with everything but letters and digits dropped (GENERAL kept). */
const COMPACT = FOLDED.map((folded) =>
  folded === GENERAL || (folded >= 97 && folded <= 122) || (folded >= 48 && folded <= 57) ? folded : DROP,
);

function compactCode(code: number): number {
  if (code >= 0x300 && code < 0x370) return DROP;
  if (code >= HIGH_START && code < HIGH_END) return COMPACT[code - HIGH_START + LOW_END];
  return GENERAL;
}

function foldedCode(code: number): number {
  if (code < LOW_END) return FOLDED[code];
  if (code >= 0x300 && code < 0x370) return DROP;
  if (code >= HIGH_START && code < HIGH_END) return FOLDED[code - HIGH_START + LOW_END];
  return GENERAL;
}
