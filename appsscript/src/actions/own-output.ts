import { writeBlock } from '../gateway/block-writer';
import { writeDocumentProperties } from '../gateway/properties';
import { OWN_SHEETS_KEY, ownSheetsFrom } from '../layout/own-sheets';
import type { SheetBlock } from '../layout/sheet-block';

/** Writes one of the add-on's output sheets and remembers its id (a property write only when it is new). */
export function writeOwnSheet(block: SheetBlock, show: boolean, properties: Record<string, string>): void {
  const changed = placeOwnSheet(block, show, properties);
  if (Object.keys(changed).length) writeDocumentProperties(changed);
}

/**
 * Writes an output sheet and returns the document properties to store for it (none when its id is
 * already known), for the caller to save with its own; `properties` is updated in place.
 */
export function placeOwnSheet(
  block: SheetBlock,
  show: boolean,
  properties: Record<string, string>,
): Record<string, string> {
  const own = ownSheetsFrom(properties);
  const id = writeBlock(block, show, own[block.sheet]);
  if (own[block.sheet] === id) return {};
  own[block.sheet] = id;
  properties[OWN_SHEETS_KEY] = JSON.stringify(own);
  return { [OWN_SHEETS_KEY]: properties[OWN_SHEETS_KEY] };
}

/** Ids of the output sheets, which are never read as input. */
export function ownSheetIds(properties: Record<string, string>): number[] {
  return Object.values(ownSheetsFrom(properties));
}
