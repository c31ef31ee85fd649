import { isError, type Issue } from '../../../core';
import { issueCell } from './issue-place';

/** Highlights the check puts on bad cells; a cell still showing one of them after the check is ours. */
export const MARK_COLOURS = { error: '#f4c7c3', warning: '#fce8b2' } as const;
/** First line of the add-on's part of a cell note; the user's own note, if any, stays above it. */
export const MARK_NOTE_HEADING = '⚠ Kiểm tra dữ liệu (xeploai):';
const NOTE_GAP = '\n\n';
const DEFAULT_BACKGROUND = '#ffffff';
/** More marks than this are listed in `Lỗi` only (document properties are limited to 500 KB). */
export const MAX_MARKS_PER_SHEET = 10000;

export interface MarkTarget {
  row: number;
  column: number;
  level: 'error' | 'warning';
  messages: string[];
}

/** What a sheet's marks of the last check were: where, and each marked cell's own colour when it had one. */
export interface SheetMarks {
  rows: number;
  columns: number;
  /** "row:column" → the user's background before the mark, or '' for none. */
  cells: Record<string, string>;
}

/** One mark a cell, on the issues of one sheet that point at a cell; errors win over warnings. */
export function markTargets(issues: Issue[], sheet: string): MarkTarget[] {
  const byCell = new Map<string, MarkTarget>();
  for (const found of issues) {
    if (found.sheet !== sheet) continue;
    const cell = issueCell(found);
    if (!cell) continue;
    const key = `${cell.row}:${cell.column}`;
    const level = isError(found) ? 'error' : 'warning';
    const target = byCell.get(key);
    if (target) {
      target.messages.push(found.message);
      if (level === 'error') target.level = 'error';
    } else if (byCell.size < MAX_MARKS_PER_SHEET) {
      byCell.set(key, { ...cell, level, messages: [found.message] });
    }
  }
  return [...byCell.values()];
}

export interface MarkPlan {
  /** The block to write (1-based top-left), or null when nothing changes. */
  write: { row: number; column: number; backgrounds: (string | null)[][]; notes: string[][] } | null;
  marks: SheetMarks | null;
}

/**
 * Takes off the previous marks (restoring the user's colour and note) and puts on the new ones, on the
 * backgrounds and notes read from the sheet. Only marked cells change; the write covers the smallest
 * block holding every change, and the other cells in it are written back as they were read.
 */
export function planMarks(
  current: { backgrounds: string[][]; notes: string[][] },
  previous: SheetMarks | null,
  targets: MarkTarget[],
): MarkPlan {
  const backgrounds: (string | null)[][] = current.backgrounds.map((row) => [...row]);
  const notes = current.notes.map((row) => [...row]);
  const ours = new Set<string>(Object.values(MARK_COLOURS));

  for (let r = 0; r < notes.length; r++) {
    for (let c = 0; c < notes[r].length; c++) {
      const key = `${r + 1}:${c + 1}`;
      const noted = notes[r][c].includes(MARK_NOTE_HEADING);
      const listed = previous !== null && key in previous.cells;
      if (!noted && !listed) continue;
      if (noted) notes[r][c] = userPartOfNote(notes[r][c]);
      if (ours.has(String(backgrounds[r][c]).toLowerCase())) backgrounds[r][c] = previous?.cells[key] || null;
    }
  }

  const marks: SheetMarks = { rows: notes.length, columns: notes[0]?.length ?? 0, cells: {} };
  for (const target of targets) {
    const r = target.row - 1;
    const c = target.column - 1;
    if (r >= notes.length || c >= (notes[r]?.length ?? 0)) continue;
    const own = backgrounds[r][c];
    marks.cells[`${target.row}:${target.column}`] =
      own && own.toLowerCase() !== DEFAULT_BACKGROUND ? own : '';
    backgrounds[r][c] = MARK_COLOURS[target.level];
    notes[r][c] =
      (notes[r][c] ? notes[r][c] + NOTE_GAP : '') + [MARK_NOTE_HEADING, ...target.messages].join('\n');
  }

  return { write: changedBlock(current, backgrounds, notes), marks: targets.length ? marks : null };
}

/** The user's note without the add-on's part. */
export function userPartOfNote(note: string): string {
  const at = note.indexOf(MARK_NOTE_HEADING);
  if (at === -1) return note;
  const before = note.slice(0, at);
  return before.endsWith(NOTE_GAP) ? before.slice(0, -NOTE_GAP.length) : before.replace(/\s+$/, '');
}

function changedBlock(
  current: { backgrounds: string[][]; notes: string[][] },
  backgrounds: (string | null)[][],
  notes: string[][],
): MarkPlan['write'] {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (let r = 0; r < notes.length; r++) {
    for (let c = 0; c < notes[r].length; c++) {
      const before = current.backgrounds[r][c];
      const after = backgrounds[r][c];
      const colourChanged = after === null ? before.toLowerCase() !== DEFAULT_BACKGROUND : after !== before;
      if (!colourChanged && notes[r][c] === current.notes[r][c]) continue;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
  }
  if (bottom === -1) return null;
  const slice = <T>(grid: T[][]) => grid.slice(top, bottom + 1).map((row) => row.slice(left, right + 1));
  // Untouched cells without a fill are written back as "no fill", not as an explicit white.
  const written = slice(backgrounds).map((row) =>
    row.map((b) => (b !== null && b.toLowerCase() === DEFAULT_BACKGROUND ? null : b)),
  );
  return { row: top + 1, column: left + 1, backgrounds: written, notes: slice(notes) };
}
