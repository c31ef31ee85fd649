import type { SheetArea } from '../../../core';

/**
 * Merges in few calls: rows with the same merged spans, and rows without merges between them, form a
 * band; each span is merged across the whole band at once (`mergeAcross`: one merge per row), then the
 * rows of every band that had no merges are broken apart again in one call. The bands are merged before
 * any value is written (merging keeps only a row's first value). Merges taller than one row stay single.
 */
export interface MergePlan {
  /** One `mergeAcross` each. */
  across: SheetArea[];
  /** Single `merge` each: areas more than one row high. */
  whole: SheetArea[];
  /** Broken apart after the merges, all in one call; empty when there is nothing to undo. */
  apart: SheetArea[];
}

interface Band {
  first: number;
  last: number;
  spans: SheetArea[];
  /** Rows of the band that have no merges of their own. */
  plain: number[];
}

const spanKey = (spans: SheetArea[]) =>
  spans
    .map((s) => `${s.column}:${s.columns}`)
    .sort()
    .join(' ');

export function planMerges(merges: SheetArea[]): MergePlan {
  const whole = merges.filter((m) => m.rows !== 1);
  const byRow = new Map<number, SheetArea[]>();
  for (const m of merges) if (m.rows === 1) byRow.set(m.row, [...(byRow.get(m.row) ?? []), m]);
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const bands: Band[] = [];
  for (const row of rows) {
    const spans = byRow.get(row)!;
    const band = bands.at(-1);
    if (band && spanKey(band.spans) === spanKey(spans)) {
      for (let gap = band.last + 1; gap < row; gap++) band.plain.push(gap);
      band.last = row;
    } else bands.push({ first: row, last: row, spans, plain: [] });
  }
  const across = bands.flatMap((b) =>
    b.spans.map((s) => ({ row: b.first, column: s.column, rows: b.last - b.first + 1, columns: s.columns })),
  );
  const apart: SheetArea[] = [];
  for (const band of bands) {
    const left = Math.min(...band.spans.map((s) => s.column));
    const right = Math.max(...band.spans.map((s) => s.column + s.columns));
    for (const row of band.plain) {
      const previous = apart.at(-1);
      if (
        previous &&
        previous.column === left &&
        previous.columns === right - left &&
        previous.row + previous.rows === row
      )
        previous.rows++;
      else apart.push({ row, column: left, rows: 1, columns: right - left });
    }
  }
  return { across, whole, apart };
}
