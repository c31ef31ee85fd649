/** Firestore refuses ids `.`, `..`, `__…__` and ids with `/` (a path separator); ids are at most 1.500 bytes. */
export function isUsableDocumentId(id: string): boolean {
  return (
    id.length > 0 &&
    id !== '.' &&
    id !== '..' &&
    !/^__.*__$/.test(id) &&
    !id.includes('/') &&
    Buffer.byteLength(id) <= 1500
  );
}
