export type Align = 'left' | 'right';

/** Width as a terminal shows it: combining marks take no column. */
function displayWidth(text: string): number {
  return [...text.normalize('NFC')].filter((ch) => !/\p{M}/u.test(ch)).length;
}

function pad(text: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** A plain-text table with a header rule; the first column left-aligned, the others as `aligns` says. */
export function renderTable(headers: string[], rows: string[][], aligns: Align[] = []): string {
  const widths = headers.map((header, col) =>
    Math.max(displayWidth(header), ...rows.map((row) => displayWidth(row[col] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, col) => pad(cell ?? '', widths[col], aligns[col] ?? (col === 0 ? 'left' : 'right')))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
