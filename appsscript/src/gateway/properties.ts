/** The spreadsheet's document properties: settings, marks of the last check, the unsent report. */
export function readDocumentProperties(): Record<string, string> {
  return PropertiesService.getDocumentProperties().getProperties();
}

export function writeDocumentProperties(values: Record<string, string>): void {
  PropertiesService.getDocumentProperties().setProperties(values);
}

export function deleteDocumentProperty(key: string): void {
  PropertiesService.getDocumentProperties().deleteProperty(key);
}
