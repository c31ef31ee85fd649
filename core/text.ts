/** Case-, diacritic- and spacing-insensitive form of a text, the same for NFC and NFD input. */
export function foldText(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      // Ð/ð (U+00D0/U+00F0) stand in for Đ/đ in text converted from old Vietnamese encodings.
      .replace(/[đĐÐð]/g, 'd')
      .toLowerCase()
      .replace(/[\s\u00a0]+/g, ' ')
      .trim()
  );
}

/** Folded text with every non-letter, non-digit removed: "H.T.X.S.N.V" and "htxs nv" both give "htxsnv". */
export function compactKey(text: string): string {
  return foldText(text).replace(/[^a-z0-9]/g, '');
}

/** Text as it should be shown and stored: NFC, single spaces, trimmed. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
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
