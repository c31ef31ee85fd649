import { CallCounter, raw, tracked } from './counter';
import type { FakeHtmlOutput } from './html';

export interface MenuEntry {
  caption: string;
  functionName?: string;
  separator?: boolean;
  submenu?: MenuEntry[];
}

export class FakeMenu {
  readonly entries: MenuEntry[] = [];
  constructor(
    readonly caption: string,
    private readonly ui: FakeUi,
    readonly addon: boolean,
  ) {}
  addItem(caption: string, functionName: string): this {
    this.entries.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.entries.push({ caption: '', separator: true });
    return this;
  }
  addSubMenu(menu: FakeMenu): this {
    const sub = raw(menu);
    this.entries.push({ caption: sub.caption, submenu: sub.entries });
    return this;
  }
  addToUi(): void {
    this.ui.menus.push({ caption: this.caption, addon: this.addon, entries: this.entries });
  }
}

/** An alert as shown: the script is suspended until the user closes it, holding what it held. */
export interface ShownAlert {
  title: string;
  message: string;
  /** The locks (document, script, user) the execution held while the dialog was open. */
  locksHeld: string[];
}

export interface ShownPage {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width: number | null;
  height: number | null;
}

/** SpreadsheetApp.getUi(): menus, alerts and HtmlService pages are recorded. */
export class FakeUi {
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
  readonly menus: { caption: string; addon: boolean; entries: MenuEntry[] }[] = [];
  readonly alerts: ShownAlert[] = [];
  readonly pages: ShownPage[] = [];
  /**
   * Runs while an alert is open, as the user looks at it: a test may start another execution here (a
   * second editor) to see what the first one holds meanwhile.
   */
  whileAlertOpen: ((alert: ShownAlert) => void) | null = null;

  constructor(
    private readonly counter: CallCounter,
    private readonly locksHeld: () => string[] = () => [],
    private readonly usable: () => void = () => undefined,
  ) {}

  createAddonMenu(): FakeMenu {
    return tracked(new FakeMenu('xeploai', this, true), 'Menu', this.counter);
  }
  createMenu(caption: string): FakeMenu {
    return tracked(new FakeMenu(caption, this, false), 'Menu', this.counter);
  }
  alert(...args: unknown[]): string {
    const strings = args.filter((a): a is string => typeof a === 'string' && !(a in this.ButtonSet));
    const [title, message] = strings.length >= 2 ? strings : ['', strings[0] ?? ''];
    this.usable();
    const shown = { title, message, locksHeld: this.locksHeld() };
    this.alerts.push(shown);
    this.whileAlertOpen?.(shown);
    return this.Button.OK;
  }
  private show(kind: ShownPage['kind'], output: FakeHtmlOutput, title?: string): void {
    this.usable();
    const page = raw(output);
    this.pages.push({
      kind,
      title: title ?? page.title,
      html: page.content,
      width: page.width,
      height: page.height,
    });
  }
  showSidebar(output: FakeHtmlOutput): void {
    this.show('sidebar', output);
  }
  showModalDialog(output: FakeHtmlOutput, title: string): void {
    this.show('modal', output, title);
  }
  showModelessDialog(output: FakeHtmlOutput, title: string): void {
    this.show('modeless', output, title);
  }
}
