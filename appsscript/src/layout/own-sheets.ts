/**
 * The output sheets the add-on created (`Lỗi`, `Tổng hợp`…), by their standard name → sheet id. Only these
 * are ever cleared and rewritten: a user's own sheet that happens to bear the name is left alone.
 */
export type OwnSheets = Record<string, number>;

export const OWN_SHEETS_KEY = 'xeploai.ownSheets';

export function ownSheetsFrom(properties: Record<string, string>): OwnSheets {
  try {
    const parsed = JSON.parse(properties[OWN_SHEETS_KEY] ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as OwnSheets) : {};
  } catch {
    return {};
  }
}

/** The name for a new output sheet when the standard one is taken by a sheet of the user's. */
export function alternativeName(wanted: string, attempt: number): string {
  return attempt === 0 ? wanted : attempt === 1 ? `${wanted} (xeploai)` : `${wanted} (xeploai ${attempt})`;
}
