import type { SheetMarks } from './marks';

/** Marks of the last check, by sheet name, kept in document properties between runs. */
export type MarksBySheet = Record<string, SheetMarks>;

const KEY = 'xeploai.marks';
/** Properties hold at most 9 KB a value: 2.500 characters stay under it even when every one takes 3 bytes. */
const CHUNK = 2500;

/** "row:column" or "row:column=#colour", comma separated, per sheet. */
interface StoredSheet {
  size: [number, number];
  cells: string;
}

export function encodeMarks(
  marks: MarksBySheet,
  previousProperties: Record<string, string>,
): Record<string, string> {
  const stored: Record<string, StoredSheet> = {};
  for (const [sheet, m] of Object.entries(marks)) {
    stored[sheet] = {
      size: [m.rows, m.columns],
      cells: Object.entries(m.cells)
        .map(([key, colour]) => (colour ? `${key}=${colour}` : key))
        .join(','),
    };
  }
  const json = JSON.stringify(stored);
  const chunks: string[] = [];
  for (let at = 0; at < json.length; at += CHUNK) chunks.push(json.slice(at, at + CHUNK));
  const result: Record<string, string> = { [`${KEY}.count`]: String(chunks.length) };
  chunks.forEach((chunk, index) => (result[`${KEY}.${index}`] = chunk));
  // Chunks left over from a longer previous value are emptied in the same write.
  const previousCount = Number(previousProperties[`${KEY}.count`]) || 0;
  for (let index = chunks.length; index < previousCount; index++) result[`${KEY}.${index}`] = '';
  return result;
}

export function decodeMarks(properties: Record<string, string>): MarksBySheet {
  const count = Number(properties[`${KEY}.count`]) || 0;
  let json = '';
  for (let index = 0; index < count; index++) json += properties[`${KEY}.${index}`] ?? '';
  if (!json) return {};
  let stored: Record<string, StoredSheet>;
  try {
    stored = JSON.parse(json);
  } catch {
    return {};
  }
  const marks: MarksBySheet = {};
  for (const [sheet, s] of Object.entries(stored)) {
    const cells: Record<string, string> = {};
    for (const item of s.cells ? s.cells.split(',') : []) {
      const [key, colour = ''] = item.split('=');
      cells[key] = colour;
    }
    marks[sheet] = { rows: s.size[0], columns: s.size[1], cells };
  }
  return marks;
}
