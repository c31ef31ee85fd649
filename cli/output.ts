import type { InputFailure } from './inputs';

export interface CommandOutput {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
  /**
   * A large document to print as JSON after `stdout`, written piece by piece (jsonPieces): a consolidation
   * of 850 units is ≈ 1,1 million characters, which as one string, then joined to its newline, then encoded
   * for the pipe was ≈ 7 MB at the end of the run.
   */
  document?: unknown;
}

export function exitCodeFor(errorCount: number): 0 | 1 {
  return errorCount > 0 ? 1 : 0;
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** A file that cannot be read: exit 2, one clear line (and with --json, one JSON document naming it). */
export function unreadable(failures: InputFailure[], asJson: boolean): CommandOutput {
  const lines = failures.map((f) => `Lỗi: ${f.message}`).join('\n');
  const stdout = asJson
    ? json({
        file: failures[0].file,
        error: { code: failures[0].code, message: failures[0].message },
        failures,
      })
    : '';
  return { exitCode: 2, stdout, stderr: lines };
}

const isPlain = (value: unknown): value is Record<string, unknown> | unknown[] =>
  Array.isArray(value) ||
  (typeof value === 'object' &&
    value !== null &&
    (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function');

/**
 * json(value) in pieces, the same text once joined: lists and plain objects are walked down to `depth`
 * levels, what is below is given to JSON.stringify, indented to its place.
 */
export function* jsonPieces(value: unknown, depth = 3, indent = ''): Generator<string> {
  if (depth === 0 || !isPlain(value)) {
    yield leafJson(value, indent) ?? 'null';
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i ? ',' : ''}\n${inner}`;
      yield* jsonPieces(value[i], depth - 1, inner);
    }
    return yield `\n${indent}]`;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const item = value[key];
    const head = `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    if (isPlain(item) && depth > 1) {
      yield head;
      yield* jsonPieces(item, depth - 1, inner);
    } else {
      // undefined, a function or a symbol: left out, as JSON.stringify leaves it out of an object.
      const text = leafJson(item, inner);
      if (text === undefined) continue;
      yield head + text;
    }
    first = false;
  }
  yield first ? '{}' : `\n${indent}}`;
}

function leafJson(value: unknown, indent: string): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  return text === undefined || !indent ? text : text.replace(/\n/g, `\n${indent}`);
}
