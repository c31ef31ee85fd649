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

/** One cell whose colour or note the check changes (1-based); `background` null is "no fill". */
export interface MarkChange {
  row: number;
  column: number;
  background: string | null;
  note: string;
  colourChanged: boolean;
  noteChanged: boolean;
}

export interface MarkPlan {
  /** Only the cells that change: nothing else is written. */
  changes: MarkChange[];
  marks: SheetMarks | null;
}

/**
 * Takes off the previous marks (restoring the user's colour and note) and puts on the new ones, on the
 * backgrounds and notes read from the sheet. `editable` says whether the user may change a cell (a
 * protected range is left alone, its issues are still listed in `Lỗi`).
 */
export function planMarks(
  current: { backgrounds: string[][]; notes: string[][] },
  previous: SheetMarks | null,
  targets: MarkTarget[],
  editable: (row: number, column: number) => boolean = () => true,
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
      if (!editable(r + 1, c + 1)) continue;
      if (noted) notes[r][c] = userPartOfNote(notes[r][c]);
      if (ours.has(String(backgrounds[r][c]).toLowerCase())) backgrounds[r][c] = previous?.cells[key] || null;
    }
  }

  const marks: SheetMarks = { rows: notes.length, columns: notes[0]?.length ?? 0, cells: {} };
  for (const target of targets) {
    const r = target.row - 1;
    const c = target.column - 1;
    if (r >= notes.length || c >= (notes[r]?.length ?? 0)) continue;
    if (!editable(target.row, target.column)) continue;
    const own = backgrounds[r][c];
    marks.cells[`${target.row}:${target.column}`] =
      own && own.toLowerCase() !== DEFAULT_BACKGROUND ? own : '';
    backgrounds[r][c] = MARK_COLOURS[target.level];
    notes[r][c] =
      (notes[r][c] ? notes[r][c] + NOTE_GAP : '') + [MARK_NOTE_HEADING, ...target.messages].join('\n');
  }

  return {
    changes: changedCells(current, backgrounds, notes),
    marks: Object.keys(marks.cells).length ? marks : null,
  };
}

/** The user's note without the add-on's part. */
export function userPartOfNote(note: string): string {
  const at = note.indexOf(MARK_NOTE_HEADING);
  if (at === -1) return note;
  const before = note.slice(0, at);
  return before.endsWith(NOTE_GAP) ? before.slice(0, -NOTE_GAP.length) : before.replace(/\s+$/, '');
}

function changedCells(
  current: { backgrounds: string[][]; notes: string[][] },
  backgrounds: (string | null)[][],
  notes: string[][],
): MarkChange[] {
  const changes: MarkChange[] = [];
  for (let r = 0; r < notes.length; r++) {
    for (let c = 0; c < notes[r].length; c++) {
      const before = current.backgrounds[r][c];
      const after = backgrounds[r][c];
      const colourChanged = after === null ? before.toLowerCase() !== DEFAULT_BACKGROUND : after !== before;
      const noteChanged = notes[r][c] !== current.notes[r][c];
      if (!colourChanged && !noteChanged) continue;
      // A colour given back as white is written as "no fill", not as an explicit white.
      const background = after !== null && after.toLowerCase() === DEFAULT_BACKGROUND ? null : after;
      changes.push({ row: r + 1, column: c + 1, background, note: notes[r][c], colourChanged, noteChanged });
    }
  }
  return changes;
}

/**
 * How the changes are written, touching no other cell: one RangeList per colour; notes by one setNotes per
 * run of changed cells down a column, and lone cells sharing a note by one RangeList.
 */
export interface MarkWrites {
  colours: { background: string | null; cells: { row: number; column: number }[] }[];
  noteRuns: { row: number; column: number; notes: string[] }[];
  sharedNotes: { note: string; cells: { row: number; column: number }[] }[];
}

export function groupMarkWrites(changes: MarkChange[]): MarkWrites {
  const colours = new Map<string | null, { row: number; column: number }[]>();
  for (const change of changes.filter((c) => c.colourChanged)) {
    const cells = colours.get(change.background) ?? [];
    cells.push({ row: change.row, column: change.column });
    colours.set(change.background, cells);
  }
  const noted = changes.filter((c) => c.noteChanged).sort((a, b) => a.column - b.column || a.row - b.row);
  const noteRuns: MarkWrites['noteRuns'] = [];
  for (const change of noted) {
    const last = noteRuns.at(-1);
    if (last && last.column === change.column && last.row + last.notes.length === change.row)
      last.notes.push(change.note);
    else noteRuns.push({ row: change.row, column: change.column, notes: [change.note] });
  }
  const shared = new Map<string, { row: number; column: number }[]>();
  for (const run of noteRuns.filter((r) => r.notes.length === 1)) {
    const cells = shared.get(run.notes[0]) ?? [];
    cells.push({ row: run.row, column: run.column });
    shared.set(run.notes[0], cells);
  }
  return {
    colours: [...colours].map(([background, cells]) => ({ background, cells })),
    noteRuns: noteRuns.filter((r) => r.notes.length > 1),
    sharedNotes: [...shared].map(([note, cells]) => ({ note, cells })),
  };
}
