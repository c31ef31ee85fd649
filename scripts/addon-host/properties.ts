/** PropertiesService store with Apps Script's limits: 9 KB a value, 500 KB a store. */
export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

export class FakeProperties {
  readonly values = new Map<string, string>();

  private check(next: Map<string, string>): void {
    let total = 0;
    for (const [key, value] of next) {
      const size = Buffer.byteLength(value, 'utf8');
      if (size > MAX_VALUE_BYTES) throw new Error(`Exception: Argument too large: value (${key})`);
      total += size + Buffer.byteLength(key, 'utf8');
    }
    if (total > MAX_STORE_BYTES) throw new Error('Exception: You have exceeded the property storage quota.');
  }

  getProperty(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.values);
  }
  getKeys(): string[] {
    return [...this.values.keys()];
  }
  setProperty(key: string, value: string): this {
    return this.setProperties({ [key]: value });
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.values);
    for (const [key, value] of Object.entries(properties)) next.set(key, String(value));
    this.check(next);
    this.values.clear();
    for (const [key, value] of next) this.values.set(key, value);
    return this;
  }
  deleteProperty(key: string): this {
    this.values.delete(key);
    return this;
  }
  deleteAllProperties(): this {
    this.values.clear();
    return this;
  }
}
