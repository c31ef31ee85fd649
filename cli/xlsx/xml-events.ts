// A streaming reader of the XML in an .xlsx package, over the part's bytes as they come out of the zip.
// Only the text a handler asks for is decoded, each value into a string of its own: a value never keeps
// the whole part alive (a substring of a large string can hold on to all of it), so what outlives a file
// is only what the caller keeps. It reads well-formed XML as the parts are written (elements, attributes,
// the five named entities and numeric references, CDATA, comments, declarations); it checks nothing.

export interface XmlAttributes {
  /** The value of the attribute named exactly `name`, entities decoded. */
  get(name: string): string | undefined;
  /** The value of the first attribute whose local name (after any prefix) is `local`. */
  getLocal(local: string): string | undefined;
}

export interface XmlHandlers {
  /** `name` without its namespace prefix ("x:row" → "row"); `attributes` is valid during the call only. */
  open?(name: string, attributes: XmlAttributes): void;
  close?(name: string): void;
  /** Text and CDATA, possibly in several pieces; given only while `wantsText` (if present) says so. */
  text?(text: string): void;
  wantsText?(): boolean;
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

/** The text of bytes[start, end) with `&…;` references decoded (an unknown or unfinished one stays as typed). */
function decodeText(bytes: Buffer, start: number, end: number): string {
  let amp = bytes.indexOf(AMP, start);
  if (amp < 0 || amp >= end) return bytes.toString('utf8', start, end);
  let out = '';
  let from = start;
  while (amp >= 0 && amp < end) {
    const semi = bytes.indexOf(SEMI, amp + 1);
    const reference =
      semi > amp && semi < end && semi - amp <= 32 ? bytes.toString('latin1', amp + 1, semi) : '';
    let decoded: string | undefined;
    if (reference.startsWith('#')) {
      const hex = reference[1] === 'x' || reference[1] === 'X';
      const digits = reference.slice(hex ? 2 : 1);
      if (digits.length > 0 && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits))
        decoded = codePointText(parseInt(digits, hex ? 16 : 10));
    } else if (reference) decoded = NAMED[reference];
    if (decoded === undefined) {
      amp = bytes.indexOf(AMP, amp + 1);
      continue;
    }
    out += bytes.toString('utf8', from, amp) + decoded;
    from = semi + 1;
    amp = bytes.indexOf(AMP, from);
  }
  return out + bytes.toString('utf8', from, end);
}

/** Element names repeat thousands of times: each is decoded once and kept by its length and first byte. */
class NameCache {
  private readonly names: (string | undefined)[] = [];

  get(bytes: Buffer, start: number, end: number): string {
    const length = end - start;
    if (length > 40) return bytes.toString('utf8', start, end);
    const slot = length * 256 + bytes[start];
    const known = this.names[slot];
    if (known !== undefined && known.length === length) {
      let same = true;
      for (let i = 0; i < length; i++) {
        if (known.charCodeAt(i) !== bytes[start + i]) {
          same = false;
          break;
        }
      }
      if (same) return known;
    }
    const name = bytes.toString('utf8', start, end);
    this.names[slot] = name;
    return name;
  }
}

/** The attributes of the tag being read: byte ranges, decoded only when asked for. */
class TagAttributes implements XmlAttributes {
  bytes: Buffer = Buffer.alloc(0);
  count = 0;
  /** Per attribute: name start, name end, value start, value end. */
  ranges = new Int32Array(64);

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
    return this.find(name, false);
  }

  getLocal(local: string): string | undefined {
    return this.find(local, true);
  }

  private find(name: string, anyPrefix: boolean): string | undefined {
    const { bytes, ranges } = this;
    for (let k = 0; k < this.count; k++) {
      const start = ranges[k * 4];
      const end = ranges[k * 4 + 1];
      const from = end - name.length;
      if (from < start) continue;
      if (from > start && !(anyPrefix && bytes[from - 1] === COLON)) continue;
      let same = true;
      for (let i = 0; i < name.length; i++) {
        if (bytes[from + i] !== name.charCodeAt(i)) {
          same = false;
          break;
        }
      }
      if (same) return decodeText(bytes, ranges[k * 4 + 2], ranges[k * 4 + 3]);
    }
    return undefined;
  }
}

function localStart(bytes: Buffer, start: number, end: number): number {
  for (let i = start; i < end; i++) if (bytes[i] === COLON) return i + 1;
  return start;
}

function startsWith(bytes: Buffer, at: number, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i++) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** Reads one part, calling the handlers in document order. */
export function parseXml(bytes: Buffer, handlers: XmlHandlers): void {
  const { open, close, text, wantsText } = handlers;
  const names = new NameCache();
  const attributes = new TagAttributes();
  attributes.bytes = bytes;
  const n = bytes.length;
  const emitText = (start: number, end: number) => {
    if (text && end > start && (!wantsText || wantsText())) text(decodeText(bytes, start, end));
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
      while (end < n && !endsName(bytes[end])) end++;
      if (close) close(names.get(bytes, localStart(bytes, lt + 2, end), end));
      const gt = bytes.indexOf(GT, end);
      i = gt < 0 ? n : gt + 1;
    } else if (next === QUESTION) {
      i = after('?>', lt + 2);
    } else if (next === BANG) {
      if (startsWith(bytes, lt + 2, '--')) i = after('-->', lt + 4);
      else if (startsWith(bytes, lt + 2, '[CDATA[')) {
        const end = bytes.indexOf(']]>', lt + 9, 'latin1');
        const stop = end < 0 ? n : end;
        if (text && stop > lt + 9 && (!wantsText || wantsText())) text(bytes.toString('utf8', lt + 9, stop));
        i = end < 0 ? n : end + 3;
      } else {
        // A declaration such as <!DOCTYPE …>, with its internal subset in brackets if any.
        const gt = bytes.indexOf(GT, lt + 2);
        const bracket = bytes.indexOf(0x5b, lt + 2);
        i = bracket >= 0 && gt >= 0 && bracket < gt ? after(']>', bracket) : gt < 0 ? n : gt + 1;
      }
    } else {
      let at = lt + 1;
      while (at < n && !endsName(bytes[at])) at++;
      const name = names.get(bytes, localStart(bytes, lt + 1, at), at);
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
