import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CallCounter, tracked } from './counter';

export class FakeHtmlOutput {
  title = '';
  width: number | null = null;
  height: number | null = null;
  constructor(public content: string) {}
  getContent(): string {
    return this.content;
  }
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  append(html: string): this {
    this.content += html;
    return this;
  }
  setXFrameOptionsMode(_mode: unknown): this {
    return this;
  }
}

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/**
 * HtmlService templates: printing scriptlets `<?= expr ?>` (escaped) and `<?!= expr ?>` (raw) are
 * evaluated with the template's properties in scope; code scriptlets `<? … ?>` are not supported.
 */
export class FakeHtmlTemplate {
  [key: string]: unknown;
  constructor(
    private readonly source: string,
    private readonly counter: CallCounter,
  ) {}
  evaluate(): FakeHtmlOutput {
    const scope = Object.fromEntries(
      Object.entries(this).filter(([key]) => key !== 'source' && key !== 'counter'),
    );
    const html = this.source.replace(
      /<\?(!?=)?([\s\S]*?)\?>/g,
      (_all, kind: string | undefined, expression: string) => {
        if (!kind) throw new Error('the fake HtmlService does not run code scriptlets');
        const value = new Function(...Object.keys(scope), `return (${expression});`)(...Object.values(scope));
        return kind === '!=' ? String(value) : escapeHtml(String(value));
      },
    );
    return tracked(new FakeHtmlOutput(html), 'HtmlOutput', this.counter);
  }
}

export class FakeHtmlService {
  constructor(
    private readonly directory: string,
    private readonly counter: CallCounter,
  ) {}
  private read(file: string): string {
    return readFileSync(join(this.directory, `${file}.html`), 'utf8');
  }
  createHtmlOutputFromFile(file: string): FakeHtmlOutput {
    return tracked(new FakeHtmlOutput(this.read(file)), 'HtmlOutput', this.counter);
  }
  createTemplateFromFile(file: string): FakeHtmlTemplate {
    return tracked(new FakeHtmlTemplate(this.read(file), this.counter), 'HtmlTemplate', this.counter);
  }
  createHtmlOutput(html = ''): FakeHtmlOutput {
    return tracked(new FakeHtmlOutput(html), 'HtmlOutput', this.counter);
  }
}
