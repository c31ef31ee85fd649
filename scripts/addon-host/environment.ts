import type { WorkbookData } from '../../core';
import { CallCounter, tracked } from './counter';
import { DIST_DIR } from './dist-dir';
import { FakeHtmlService } from './html';
import { FakeLock, FakeLockState } from './lock';
import { FakeProperties } from './properties';
import { realHttp } from './real-http';
import { FakeRichTextValueBuilder } from './rich-text';
import { FakeDataValidationBuilder, FakeSpreadsheet, type SheetEnv } from './spreadsheet';
import { FakeUi } from './ui';
import { FakeUrlFetchApp, type FetchHandler } from './url-fetch';
import { FakeUtilities } from './utilities';

export interface FakeOptions {
  workbook?: WorkbookData;
  locale?: string;
  /** 'real': real HTTP (synchronous, as UrlFetchApp); a handler answers in memory; none: every fetch fails. */
  fetch?: FetchHandler | 'real';
  identityToken?: () => string | null;
  userEmail?: string;
}

const noServer: FetchHandler = (request) => {
  throw new Error(`no fetch handler for ${request.method} ${request.url}`);
};

/** Every Apps Script service the add-on uses, in memory, counting the calls the add-on makes. */
export class FakeAppsScript {
  readonly counter = new CallCounter();
  readonly env: SheetEnv;
  readonly spreadsheet: FakeSpreadsheet;
  readonly ui: FakeUi;
  readonly documentProperties = new FakeProperties();
  readonly userProperties = new FakeProperties();
  readonly scriptProperties = new FakeProperties();
  readonly lock = new FakeLockState();
  readonly urlFetch: FakeUrlFetchApp;
  readonly utilities = new FakeUtilities();
  readonly consoleErrors: string[] = [];
  identityToken: () => string | null;
  userEmail: string;

  constructor(options: FakeOptions = {}) {
    this.env = {
      counter: this.counter,
      locale: options.locale ?? 'vi_VN',
      timeZone: 'Asia/Ho_Chi_Minh',
      toasts: [],
    };
    this.spreadsheet = new FakeSpreadsheet(this.env);
    for (const sheet of options.workbook?.sheets ?? [{ name: 'Trang tính1', rows: [] }]) {
      this.spreadsheet.addSheetWithValues(sheet.name, sheet.rows);
    }
    this.ui = new FakeUi(this.counter);
    const handler = options.fetch === 'real' ? realHttp : (options.fetch ?? noServer);
    this.urlFetch = new FakeUrlFetchApp(handler, () => this.lock.held);
    this.identityToken = options.identityToken ?? (() => 'fake-id-token');
    this.userEmail = options.userEmail ?? 'van.thu@example.org';
  }

  get toasts() {
    return this.env.toasts;
  }

  /** The global objects of an Apps Script project, as the bundle sees them. */
  globals(): Record<string, unknown> {
    const counter = this.counter;
    const t = <T extends object>(target: T, name: string) => tracked(target, name, counter);
    const spreadsheetApp = {
      getActiveSpreadsheet: () => this.spreadsheet.view(),
      getActive: () => this.spreadsheet.view(),
      getUi: () => t(this.ui, 'Ui'),
      newDataValidation: () => t(new FakeDataValidationBuilder(counter), 'DataValidationBuilder'),
      newRichTextValue: () =>
        t(new FakeRichTextValueBuilder((value) => t(value, 'RichTextValue')), 'RichTextValueBuilder'),
      flush: () => undefined,
      ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
    };
    const lock = this.lock;
    return {
      SpreadsheetApp: t(spreadsheetApp, 'SpreadsheetApp'),
      HtmlService: t(new FakeHtmlService(DIST_DIR, counter), 'HtmlService'),
      PropertiesService: t(
        {
          getDocumentProperties: () => t(this.documentProperties, 'Properties'),
          getUserProperties: () => t(this.userProperties, 'Properties'),
          getScriptProperties: () => t(this.scriptProperties, 'Properties'),
        },
        'PropertiesService',
      ),
      LockService: t(
        {
          getDocumentLock: () => t(new FakeLock(lock), 'Lock'),
          getScriptLock: () => t(new FakeLock(lock), 'Lock'),
          getUserLock: () => t(new FakeLock(lock), 'Lock'),
        },
        'LockService',
      ),
      UrlFetchApp: t(this.urlFetch, 'UrlFetchApp'),
      ScriptApp: t(
        {
          getIdentityToken: () => this.identityToken(),
          AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' },
        },
        'ScriptApp',
      ),
      Utilities: t(this.utilities, 'Utilities'),
      Session: t(
        {
          getActiveUser: () => ({ getEmail: () => this.userEmail }),
          getEffectiveUser: () => ({ getEmail: () => this.userEmail }),
          getScriptTimeZone: () => this.env.timeZone,
          getActiveUserLocale: () => 'vi',
        },
        'Session',
      ),
      Charts: { ChartType: { PIE: 'PIE', COLUMN: 'COLUMN', BAR: 'BAR', LINE: 'LINE' } },
      Logger: { log: () => undefined },
      console: {
        log: () => undefined,
        info: () => undefined,
        warn: () => undefined,
        error: (...args: unknown[]) => this.consoleErrors.push(args.map(String).join(' ')),
      },
    };
  }
}
