// A streaming reader of the XML in an .xlsx package, over the part's bytes as they come out of the zip.
// Only the text a handler asks for is decoded, each value into a string of its own: a value never keeps
// the whole part alive (a substring of a large string can hold on to all of it), so what outlives a file
// is only what the caller keeps. It reads well-formed XML as the parts are written (elements, attributes,
// the five named entities and numeric references, CDATA, comments, declarations); it checks nothing.

export interface XmlAttributes {
  readonly bytes: Buffer;
  /** The value of the attribute named exactly `name`, entities decoded. */
  get(name: string): string | undefined;
  /** The value of the first attribute whose local name (after any prefix) is `local`. */
  getLocal(local: string): string | undefined;
  token(name: string): string | undefined;
  range(name: string): [number, number] | null;
  integer(name: string): number | undefined;
}

export interface XmlHandlers {
  /** `name` without its namespace prefix ("x:row" → "row"); `attributes` is valid during the call only. */
  open?(name: string, attributes: XmlAttributes): void;
  close?(name: string): void;
  /**
   * Text at bytes[start, end) (CDATA when `cdata`), possibly in several pieces, not yet decoded: a handler
   * that keeps it calls xmlText, one that does not want it pays nothing.
   */
  text?(start: number, end: number, cdata: boolean): void;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const AMP = 0x26;
const SEMI = 0x3b;
const EQ = 0x3d;
const QUOTE = 0x22;
const APOS = 0x27;
const COLON = 0x3a;
const BANG = 0x21;
const QUESTION = 0x3f;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const endsName = (c: number) => isSpace(c) || c === SLASH || c === GT;

/** Numeric references to C1 controls are read as Windows-1252 (WHATWG's table, as htmlparser2 reads them). */
const C1_REPLACEMENTS: Record<number, number> = {
  0: 0xfffd,
  128: 8364,
  130: 8218,
  131: 402,
  132: 8222,
  133: 8230,
  134: 8224,
  135: 8225,
  136: 710,
  137: 8240,
  138: 352,
  139: 8249,
  140: 338,
  142: 381,
  145: 8216,
  146: 8217,
  147: 8220,
  148: 8221,
  149: 8226,
  150: 8211,
  151: 8212,
  152: 732,
  153: 8482,
  154: 353,
  155: 8250,
  156: 339,
  158: 382,
  159: 376,
};

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function codePointText(code: number): string {
  if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return '\ufffd';
  return String.fromCodePoint(C1_REPLACEMENTS[code] ?? code);
}

/** Where `byte` first is in bytes[start, end), or -1 (Buffer.indexOf would look on to the part's end). */
export function byteIn(bytes: Buffer, byte: number, start: number, end: number): number {
  for (let i = start; i < end; i++) if (bytes[i] === byte) return i;
  return -1;
}

/** The text of bytes[start, end) with `&…;` references decoded (an unknown or unfinished one stays as typed). */
function decodeText(bytes: Buffer, start: number, end: number): string {
  let amp = byteIn(bytes, AMP, start, end);
  if (amp < 0) return bytes.toString('utf8', start, end);
  let out = '';
  let from = start;
  while (amp >= 0) {
    const semi = byteIn(bytes, SEMI, amp + 1, Math.min(end, amp + 33));
    const reference = semi > amp ? bytes.toString('latin1', amp + 1, semi) : '';
    let decoded: string | undefined;
    if (reference.startsWith('#')) {
      const hex = reference[1] === 'x' || reference[1] === 'X';
      const digits = reference.slice(hex ? 2 : 1);
      if (digits.length > 0 && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits))
        decoded = codePointText(parseInt(digits, hex ? 16 : 10));
    } else if (reference) decoded = NAMED[reference];
    if (decoded === undefined) {
      amp = byteIn(bytes, AMP, amp + 1, end);
      continue;
    }
    out += bytes.toString('utf8', from, amp) + decoded;
    from = semi + 1;
    amp = byteIn(bytes, AMP, from, end);
  }
  return out + bytes.toString('utf8', from, end);
}

/** Short names fit a number exactly (six bytes and the length): each is decoded once per part, then looked up. */
class NameCache {
  private readonly names = new Map<number, string>();

  get(bytes: Buffer, start: number, end: number): string {
    if (end - start > 6) return bytes.toString('utf8', start, end);
    // The length first: "a" and "a\0" differ. Up to three bytes the key is a small integer, quick to hash.
    let key = end - start;
    for (let i = start; i < end; i++) key = key * 256 + bytes[i];
    let name = this.names.get(key);
    if (name === undefined) {
      name = bytes.toString('utf8', start, end);
      this.names.set(key, name);
    }
    return name;
  }
}

/** A whole number written in ASCII digits (at most 15, an optional minus): its value; NaN otherwise. */
export function asciiInteger(bytes: Buffer, start: number, end: number): number {
  const negative = bytes[start] === 0x2d;
  const from = negative ? start + 1 : start;
  if (from >= end || end - from > 15) return NaN;
  let n = 0;
  for (let i = from; i < end; i++) {
    const digit = bytes[i] - 0x30;
    if (digit < 0 || digit > 9) return NaN;
    n = n * 10 + digit;
  }
  return negative ? -n : n;
}

/** The attributes of the tag being read: byte ranges, decoded only when asked for. */
class TagAttributes implements XmlAttributes {
  count = 0;
  /** Per attribute: name start, name end, value start, value end. */
  private ranges = new Int32Array(64);
  private readonly tokens = new NameCache();

  constructor(readonly bytes: Buffer) {}

  add(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    if ((this.count + 1) * 4 > this.ranges.length) {
      const grown = new Int32Array(this.ranges.length * 2);
      grown.set(this.ranges);
      this.ranges = grown;
    }
    const at = this.count++ * 4;
    this.ranges[at] = nameStart;
    this.ranges[at + 1] = nameEnd;
    this.ranges[at + 2] = valueStart;
    this.ranges[at + 3] = valueEnd;
  }

  get(name: string): string | undefined {
    const k = this.index(name, false);
    return k < 0 ? undefined : decodeText(this.bytes, this.ranges[k * 4 + 2], this.ranges[k * 4 + 3]);
  }

  getLocal(local: string): string | undefined {
    const k = this.index(local, true);
    return k < 0 ? undefined : decodeText(this.bytes, this.ranges[k * 4 + 2], this.ranges[k * 4 + 3]);
  }

  /** Like get, for short values that repeat (a cell's type): the same string each time. */
  token(name: string): string | undefined {
    const k = this.index(name, false);
    if (k < 0) return undefined;
    const start = this.ranges[k * 4 + 2];
    const end = this.ranges[k * 4 + 3];
    return byteIn(this.bytes, AMP, start, end) >= 0
      ? decodeText(this.bytes, start, end)
      : this.tokens.get(this.bytes, start, end);
  }

  /** Where the value of attribute `name` is in the part's bytes: [start, end), or null when there is none. */
  range(name: string): [number, number] | null {
    const k = this.index(name, false);
    return k < 0 ? null : [this.ranges[k * 4 + 2], this.ranges[k * 4 + 3]];
  }

  /** The value of `name` as asciiInteger reads it; undefined when absent or empty. */
  integer(name: string): number | undefined {
    const k = this.index(name, false);
    if (k < 0) return undefined;
    const start = this.ranges[k * 4 + 2];
    const end = this.ranges[k * 4 + 3];
    if (start === end) return undefined;
    const n = asciiInteger(this.bytes, start, end);
    return Number.isNaN(n) ? Number(decodeText(this.bytes, start, end)) : n;
  }

  private index(name: string, anyPrefix: boolean): number {
    const { bytes, ranges } = this;
    for (let k = 0; k < this.count; k++) {
      const start = ranges[k * 4];
      const from = ranges[k * 4 + 1] - name.length;
      if (from < start) continue;
      if (from > start && !(anyPrefix && bytes[from - 1] === COLON)) continue;
      let same = true;
      for (let i = 0; i < name.length; i++) {
        if (bytes[from + i] !== name.charCodeAt(i)) {
          same = false;
          break;
        }
      }
      if (same) return k;
    }
    return -1;
  }
}

function startsWith(bytes: Buffer, at: number, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i++) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** Text the handlers were given as a range: entities decoded, CDATA as it is. */
export function xmlText(bytes: Buffer, start: number, end: number, cdata: boolean): string {
  return cdata ? bytes.toString('utf8', start, end) : decodeText(bytes, start, end);
}

/** Reads one part, calling the handlers in document order. */
export function parseXml(bytes: Buffer, handlers: XmlHandlers): void {
  const { open, close, text } = handlers;
  const names = new NameCache();
  const attributes = new TagAttributes(bytes);
  const n = bytes.length;
  const emitText = (start: number, end: number) => {
    if (text && end > start) text(start, end, false);
  };
  const after = (needle: string, from: number) => {
    const at = bytes.indexOf(needle, from, 'latin1');
    return at < 0 ? n : at + needle.length;
  };
  let i = 0;
  while (i < n) {
    const lt = bytes.indexOf(LT, i);
    if (lt < 0) {
      emitText(i, n);
      break;
    }
    emitText(i, lt);
    const next = bytes[lt + 1];
    if (next === SLASH) {
      let end = lt + 2;
      let local = end;
      for (; end < n && !endsName(bytes[end]); end++)
        if (bytes[end] === COLON && local === lt + 2) local = end + 1;
      if (close) close(names.get(bytes, local, end));
      const gt = bytes.indexOf(GT, end);
      i = gt < 0 ? n : gt + 1;
    } else if (next === QUESTION) {
      i = after('?>', lt + 2);
    } else if (next === BANG) {
      if (startsWith(bytes, lt + 2, '--')) i = after('-->', lt + 4);
      else if (startsWith(bytes, lt + 2, '[CDATA[')) {
        const end = bytes.indexOf(']]>', lt + 9, 'latin1');
        const stop = end < 0 ? n : end;
        if (text && stop > lt + 9) text(lt + 9, stop, true);
        i = end < 0 ? n : end + 3;
      } else {
        // A declaration such as <!DOCTYPE …>, with its internal subset in brackets if any.
        const gt = bytes.indexOf(GT, lt + 2);
        const bracket = bytes.indexOf(0x5b, lt + 2);
        i = bracket >= 0 && gt >= 0 && bracket < gt ? after(']>', bracket) : gt < 0 ? n : gt + 1;
      }
    } else {
      let at = lt + 1;
      let local = at;
      for (; at < n && !endsName(bytes[at]); at++)
        if (bytes[at] === COLON && local === lt + 1) local = at + 1;
      const name = names.get(bytes, local, at);
      attributes.count = 0;
      let selfClosing = false;
      while (at < n) {
        const c = bytes[at];
        if (c === GT) {
          at++;
          break;
        }
        if (c === SLASH) {
          selfClosing = bytes[at + 1] === GT;
          at++;
          continue;
        }
        if (isSpace(c)) {
          at++;
          continue;
        }
        const nameStart = at;
        while (at < n && !endsName(bytes[at]) && bytes[at] !== EQ) at++;
        const nameEnd = at;
        while (at < n && isSpace(bytes[at])) at++;
        if (bytes[at] !== EQ) {
          attributes.add(nameStart, nameEnd, nameEnd, nameEnd);
          continue;
        }
        at++;
        while (at < n && isSpace(bytes[at])) at++;
        const quote = bytes[at];
        if (quote === QUOTE || quote === APOS) {
          const closing = bytes.indexOf(quote, at + 1);
          const end = closing < 0 ? n : closing;
          attributes.add(nameStart, nameEnd, at + 1, end);
          at = end + 1;
        } else {
          const start = at;
          while (at < n && !isSpace(bytes[at]) && bytes[at] !== GT) at++;
          attributes.add(nameStart, nameEnd, start, at);
        }
      }
      if (open) open(name, attributes);
      if (selfClosing && close) close(name);
      i = at;
    }
  }
}
