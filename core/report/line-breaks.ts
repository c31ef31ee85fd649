/**
 * A text broken between words into lines of at most `perLine` characters; a word longer than a line is cut.
 * Consecutive spaces count as one.
 */
export function breakLines(text: string, perLine: number): string[] {
  const limit = Math.max(1, Math.floor(perLine));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    if (line && line.length + 1 + rest.length <= limit) {
      line += ` ${rest}`;
      continue;
    }
    if (line) lines.push(line);
    while (rest.length > limit) {
      lines.push(rest.slice(0, limit));
      rest = rest.slice(limit);
    }
    line = rest;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
