/**
 * What a call costs in real Apps Script. A round trip reaches the spreadsheet (a range read or write, a
 * sheet inserted, a flush); a builder call assembles a value in memory (RichTextValue, DataValidation,
 * chart); metadata calls ask for names, sizes and handles; everything else is another service.
 */
export type CallKind = 'roundTrip' | 'builder' | 'metadata' | 'service';

const SPREADSHEET_CLASSES = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'Protection',
]);
const BUILDER_CLASSES = new Set([
  'RichTextValueBuilder',
  'RichTextValue',
  'DataValidationBuilder',
  'DataValidation',
  'EmbeddedChartBuilder',
  'EmbeddedChart',
  'TextStyleBuilder',
  'TextStyle',
]);
const BUILDER_METHODS = new Set(['newRichTextValue', 'newDataValidation', 'newChart', 'newTextStyle']);
/**
 * Methods of the spreadsheet classes that read cells or change anything in the spreadsheet: values,
 * formats, fonts, borders, merges, sizes, rules, protections, charts, sheets and which one is active.
 */
const ROUND_TRIP =
  /^(get(Values|Value|DisplayValues?|Formulas?|Backgrounds?|Notes?|RichTextValues?|NumberFormats?|FontWeights?|DataValidations?)|set\w+|merge\w*|breakApart|clear\w*|insert\w+|update\w+|delete\w+|remove\w+|move\w+|hide\w*|show\w*|activate|protect|flush|sort|copyTo|autoResize\w*)$/;

export function callKind(name: string): CallKind {
  const [className, method] = name.split('.');
  if (BUILDER_CLASSES.has(className) || BUILDER_METHODS.has(method)) return 'builder';
  if (!SPREADSHEET_CLASSES.has(className)) return 'service';
  return ROUND_TRIP.test(method) ? 'roundTrip' : 'metadata';
}

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

  /** Calls of one kind: `byKind().roundTrip` is what a benchmark of spreadsheet latency counts. */
  byKind(): Record<CallKind, number> {
    const sums: Record<CallKind, number> = { roundTrip: 0, builder: 0, metadata: 0, service: 0 };
    for (const [name, n] of this.counts) sums[callKind(name)] += n;
    return sums;
  }

  roundTrips(): number {
    return this.byKind().roundTrip;
  }

  snapshot(kind?: CallKind): Record<string, number> {
    return Object.fromEntries(
      [...this.counts.entries()]
        .filter(([name]) => kind === undefined || callKind(name) === kind)
        .sort(([a], [b]) => a.localeCompare(b)),
    );
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
