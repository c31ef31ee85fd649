/** A cell's text with one link over the whole text (the only kind of link the add-on writes). */
export class FakeRichTextValue {
  constructor(
    readonly text: string,
    readonly link: string | null,
  ) {}
  getText(): string {
    return this.text;
  }
  getLinkUrl(): string | null {
    return this.link;
  }
}

/**
 * SpreadsheetApp.newRichTextValue(). Whether setText drops an earlier link is not documented: the fake
 * keeps it, so a reused builder must set (or clear, with null) the link of every value it builds.
 */
export class FakeRichTextValueBuilder {
  private text = '';
  private link: string | null = null;
  constructor(private readonly built: (value: FakeRichTextValue) => FakeRichTextValue) {}
  setText(text: string): this {
    if (typeof text !== 'string') throw new Error('Exception: Invalid argument: text');
    this.text = text;
    return this;
  }
  setLinkUrl(...args: unknown[]): this {
    if (args.length !== 1) throw new Error('Exception: the fake supports links over the whole text only');
    const [url] = args;
    if (url !== null && typeof url !== 'string') throw new Error('Exception: Invalid argument: linkUrl');
    this.link = url || null;
    return this;
  }
  build(): FakeRichTextValue {
    return this.built(new FakeRichTextValue(this.text, this.link));
  }
}
