/** A text style as SpreadsheetApp.newTextStyle() builds it; null where the builder left a property unset. */
export class FakeTextStyle {
  constructor(
    readonly family: string | null,
    readonly size: number | null,
    readonly bold: boolean | null,
    readonly italic: boolean | null,
    readonly underline: boolean | null,
  ) {}
  getFontFamily(): string | null {
    return this.family;
  }
  getFontSize(): number | null {
    return this.size;
  }
  isBold(): boolean | null {
    return this.bold;
  }
  isItalic(): boolean | null {
    return this.italic;
  }
  isUnderline(): boolean | null {
    return this.underline;
  }
}

const invalid = (what: string) => new Error(`Exception: Invalid argument: ${what}`);

/**
 * SpreadsheetApp.newTextStyle(). Colour and strikethrough are not modelled: the fake refuses them. Google's
 * reference does not say whether a property left unset keeps the cell's or resets it: the fake keeps it,
 * so a caller must set every property it cares about.
 */
export class FakeTextStyleBuilder {
  private family: string | null = null;
  private size: number | null = null;
  private bold: boolean | null = null;
  private italic: boolean | null = null;
  private underline: boolean | null = null;
  setFontFamily(family: string): this {
    if (typeof family !== 'string' || !family) throw invalid('fontFamily');
    this.family = family;
    return this;
  }
  setFontSize(size: number): this {
    if (!Number.isInteger(size) || size < 1) throw invalid('fontSize');
    this.size = size;
    return this;
  }
  setBold(bold: boolean): this {
    this.bold = this.flag(bold, 'bold');
    return this;
  }
  setItalic(italic: boolean): this {
    this.italic = this.flag(italic, 'italic');
    return this;
  }
  setUnderline(underline: boolean): this {
    this.underline = this.flag(underline, 'underline');
    return this;
  }
  setForegroundColor(): this {
    throw new Error('Exception: the fake does not model text colours');
  }
  setStrikethrough(): this {
    throw new Error('Exception: the fake does not model strikethrough');
  }
  build(): FakeTextStyle {
    return new FakeTextStyle(this.family, this.size, this.bold, this.italic, this.underline);
  }
  private flag(value: boolean, what: string): boolean {
    if (typeof value !== 'boolean') throw invalid(what);
    return value;
  }
}
