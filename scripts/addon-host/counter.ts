/** Counts every call the add-on makes into a fake Apps Script service, by "Class.method". */
export class CallCounter {
  private readonly counts = new Map<string, number>();

  add(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  reset(): void {
    this.counts.clear();
  }

  total(filter: (name: string) => boolean = () => true): number {
    let sum = 0;
    for (const [name, n] of this.counts) if (filter(name)) sum += n;
    return sum;
  }

  count(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}

const RAW = Symbol('raw');

/**
 * The object as the add-on sees it: every method call is counted. Methods run on the raw object, and a
 * method returning its own object (chaining) returns the counted view again.
 */
export function tracked<T extends object>(target: T, className: string, counter: CallCounter): T {
  const proxy: T = new Proxy(target, {
    get(object, property, receiver) {
      if (property === RAW) return object;
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== 'function' || typeof property === 'symbol' || property === 'constructor')
        return value;
      return (...args: unknown[]) => {
        counter.add(`${className}.${property}`);
        const result = (value as (...a: unknown[]) => unknown).apply(object, args);
        return result === object ? proxy : result;
      };
    },
  });
  return proxy;
}

/** The raw object behind a counted view (or the object itself). */
export function raw<T extends object>(value: T): T {
  return ((value as Record<symbol, unknown>)[RAW] as T) ?? value;
}
