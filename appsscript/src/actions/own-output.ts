import type { ReportSheet } from '../../../core';
import { ownSheetExists, writeBlock } from '../gateway/block-writer';
import { writeReportSheet } from '../gateway/report-writer';
import { writeDocumentProperties } from '../gateway/properties';
import { OWN_SHEETS_KEY, ownSheetsFrom } from '../layout/own-sheets';
import type { SheetBlock } from '../layout/sheet-block';

/**
 * Writes an output sheet and returns the document properties to store for it (none when its id is
 * already known), for the caller to save with its own; `properties` is updated in place.
 */
export function placeOwnSheet(
  block: SheetBlock,
  show: boolean,
  properties: Record<string, string>,
): Record<string, string> {
  return remember(block.sheet, properties, (ownId) => writeBlock(block, show, ownId));
}

/**
 * Writes the report's laid-out sheets in their order before every other sheet, the report active, and
 * remembers their ids. They are written last one first: a new sheet is inserted at its place and becomes
 * active, so the report, written last, ends up active without another call; a sheet is placed counting only
 * the sheets before it that are there already (those still to be created will be inserted before it).
 * `fixedShape`: the sheets' length does not follow the data (the unit's report), so they are never cut.
 */
export function writeOwnReport(
  sheets: ReportSheet[],
  properties: Record<string, string>,
  fixedShape = false,
): void {
  const changed: Record<string, string> = {};
  const own = ownSheetsFrom(properties);
  const exists = sheets.map((laid) => ownSheetExists(own[laid.name]));
  for (let k = sheets.length - 1; k >= 0; k--) {
    const laid = sheets[k];
    const at = 1 + exists.slice(0, k).filter(Boolean).length;
    const place = { at, active: k === 0 ? 'yes' : 'any', cut: !fixedShape } as const;
    Object.assign(
      changed,
      remember(laid.name, properties, (ownId) => writeReportSheet(laid, ownId, place)),
    );
  }
  if (Object.keys(changed).length) writeDocumentProperties(changed);
}

function remember(
  name: string,
  properties: Record<string, string>,
  write: (ownId: number | undefined) => number,
): Record<string, string> {
  const own = ownSheetsFrom(properties);
  const id = write(own[name]);
  if (own[name] === id) return {};
  own[name] = id;
  properties[OWN_SHEETS_KEY] = JSON.stringify(own);
  return { [OWN_SHEETS_KEY]: properties[OWN_SHEETS_KEY] };
}

/** Ids of the output sheets, which are never read as input. */
export function ownSheetIds(properties: Record<string, string>): number[] {
  return Object.values(ownSheetsFrom(properties));
}
