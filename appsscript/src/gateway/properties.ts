let store: GoogleAppsScript.Properties.Properties | null = null;

/** One handle for the whole execution (every menu click or page call runs the script afresh). */
function documentProperties(): GoogleAppsScript.Properties.Properties {
  store ??= PropertiesService.getDocumentProperties();
  return store;
}

/** The spreadsheet's document properties: settings, marks of the last check, the unsent report. */
export function readDocumentProperties(): Record<string, string> {
  return documentProperties().getProperties();
}

export function writeDocumentProperties(values: Record<string, string>): void {
  documentProperties().setProperties(values);
}

export function deleteDocumentProperty(key: string): void {
  documentProperties().deleteProperty(key);
}
