import type { WorkbookData } from '../../core';
import { FakeTextStyleBuilder } from './text-style';
import { CallCounter, tracked } from './counter';
import { DIST_DIR } from './dist-dir';
import { FakeHtmlService } from './html';
import { FakeLock, FakeLockState } from './lock';
import { builtManifest, SCOPES, type Manifest } from './manifest';
import { FakeProperties } from './properties';
import { realHttp } from './real-http';
import { FakeRichTextValueBuilder } from './rich-text';
import { FakeDataValidationBuilder, FakeSpreadsheet, type SheetEnv } from './spreadsheet';
import { FakeUi } from './ui';
import { FakeUrlFetchApp, type FetchHandler } from './url-fetch';
import { FakeUtilities } from './utilities';

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

export interface FakeOptions {
  workbook?: WorkbookData;
  locale?: string;
  /** The spreadsheet's time zone (default the manifest's, Asia/Ho_Chi_Minh). */
  timeZone?: string;
  /** 'real': real HTTP (synchronous, as UrlFetchApp); a handler answers in memory; none: every fetch fails. */
  fetch?: FetchHandler | 'real';
  identityToken?: () => string | null;
  userEmail?: string;
  /** The manifest (default: appsscript/dist/appsscript.json as built); parts given replace the built ones. */
  manifest?: Partial<Manifest>;
  /** Scopes the user granted (default: all the manifest asks for). */
  grantedScopes?: string[];
}

const noServer: FetchHandler = (request) => {
  throw new Error(`no fetch handler for ${request.method} ${request.url}`);
};

/**
 * Every Apps Script service the add-on uses, in memory, counting the calls the add-on makes, as strict as
 * Google's reference where the add-on could trip: the URL allowlist, scopes declared and granted, auth
 * modes, protected ranges, three separate locks, alerts that block, the spreadsheet's time zone.
 *
 * What it cannot model: the real service's latency and quotas (a round trip is counted, not timed), write
 * batching until a read, triggers and their authorization prompts (an authorization URL is only
 * recorded), sharing (one user at a time; another editor is a lock held elsewhere), formulas other than
 * HYPERLINK and which separator each locale really takes (see formula.ts), validation of the manifest itself (the local build's http:// allowlist entry is accepted
 * here, the real service would refuse it), and charts beyond their records.
 */
export class FakeAppsScript {
  readonly counter = new CallCounter();
  readonly env: SheetEnv;
  readonly manifest: Manifest;
  readonly spreadsheet: FakeSpreadsheet;
  readonly ui: FakeUi;
  readonly documentProperties = new FakeProperties();
  readonly userProperties = new FakeProperties();
  readonly scriptProperties = new FakeProperties();
  /** The document lock (the three locks are separate). */
  readonly lock = new FakeLockState('document');
  readonly scriptLock = new FakeLockState('script');
  readonly userLock = new FakeLockState('user');
  readonly urlFetch: FakeUrlFetchApp;
  readonly utilities = new FakeUtilities();
  readonly consoleErrors: string[] = [];
  /** Scopes the user granted; the rest are asked for with an authorization prompt. */
  grantedScopes: Set<string>;
  /** Scopes the add-on asked the user for (ScriptApp.requireScopes, an authorization URL shown). */
  readonly authorizationRequests: string[][] = [];
  /** The mode of the execution running now: a menu item runs in FULL, onOpen may run in NONE. */
  authMode: AuthMode = 'FULL';
  /** The global object of the last execution (each runs in a fresh one). */
  lastContext: object | null = null;
  identityToken: () => string | null;

  constructor(options: FakeOptions = {}) {
    this.manifest = { ...builtManifest(), ...options.manifest };
    this.grantedScopes = new Set(options.grantedScopes ?? this.manifest.oauthScopes);
    this.env = {
      counter: this.counter,
      locale: options.locale ?? 'vi_VN',
      timeZone: options.timeZone ?? this.manifest.timeZone,
      toasts: [],
      userEmail: options.userEmail ?? 'van.thu@example.org',
    };
    this.spreadsheet = new FakeSpreadsheet(this.env);
    for (const sheet of options.workbook?.sheets ?? [{ name: 'Trang tính1', rows: [] }]) {
      this.spreadsheet.addSheetWithValues(sheet.name, sheet.rows);
    }
    this.ui = new FakeUi(
      this.counter,
      () =>
        this.locks()
          .filter((l) => l.held)
          .map((l) => l.kind),
      () => {
        this.requireDialogs();
        this.requireScope('Ui', SCOPES.containerUi);
      },
    );
    const handler = options.fetch === 'real' ? realHttp : (options.fetch ?? noServer);
    this.urlFetch = new FakeUrlFetchApp(
      handler,
      () => this.lock.held,
      () => this.manifest.urlFetchWhitelist,
      (method, scope) => this.requireScope(method, scope),
    );
    this.identityToken = options.identityToken ?? (() => 'fake-id-token');
  }

  get toasts() {
    return this.env.toasts;
  }

  get userEmail(): string {
    return this.env.userEmail;
  }

  locks(): FakeLockState[] {
    return [this.lock, this.scriptLock, this.userLock];
  }

  /** What an execution leaves behind when it ends: its locks are released, the mode is reset. */
  endExecution(): void {
    for (const lock of this.locks()) lock.endExecution();
    this.authMode = 'FULL';
  }

  /**
   * Throws as Apps Script does when the manifest does not declare a scope, the user has not granted it,
   * or the execution runs in AuthMode.NONE (which reaches no user data at all).
   */
  requireScope(method: string, scope: string): void {
    const denied =
      !this.manifest.oauthScopes.includes(scope) ||
      !this.grantedScopes.has(scope) ||
      (this.authMode === 'NONE' && scope !== SCOPES.containerUi);
    if (denied)
      throw new Error(
        `Exception: You do not have permission to call ${method}. Required permissions: ${scope}`,
      );
  }

  /** The Ui in AuthMode.NONE offers menus only. */
  private requireDialogs(): void {
    if (this.authMode === 'NONE')
      throw new Error('Exception: You do not have permission to show a dialog in AuthMode.NONE.');
  }

  private authorizationInfo(scopes: string[] | undefined) {
    const wanted = scopes ?? this.manifest.oauthScopes;
    const missing = wanted.filter((s) => !this.grantedScopes.has(s));
    const url = missing.length ? `https://script.google.com/macros/d/fake-script-id/authorize` : null;
    return {
      getAuthorizationStatus: () => (missing.length ? 'REQUIRED' : 'NOT_REQUIRED'),
      getAuthorizationUrl: () => url,
      getAuthorizedScopes: () => wanted.filter((s) => this.grantedScopes.has(s)),
    };
  }

  /** The global objects of an Apps Script project, as the bundle sees them. */
  globals(): Record<string, unknown> {
    const counter = this.counter;
    const t = <T extends object>(target: T, name: string) => tracked(target, name, counter);
    const spreadsheet = () => {
      this.requireScope('SpreadsheetApp.getActiveSpreadsheet', SCOPES.currentSpreadsheet);
      return this.spreadsheet.view();
    };
    const spreadsheetApp = {
      getActiveSpreadsheet: spreadsheet,
      getActive: spreadsheet,
      getUi: () => {
        this.requireScope('SpreadsheetApp.getUi', SCOPES.containerUi);
        return t(this.ui, 'Ui');
      },
      newDataValidation: () => t(new FakeDataValidationBuilder(counter), 'DataValidationBuilder'),
      newTextStyle: () => t(new FakeTextStyleBuilder(), 'TextStyleBuilder'),
      newRichTextValue: () =>
        t(new FakeRichTextValueBuilder((value) => t(value, 'RichTextValue')), 'RichTextValueBuilder'),
      flush: () => undefined,
      ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
      WrapStrategy: { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' },
    };
    const properties = (store: FakeProperties) => () => {
      if (this.authMode === 'NONE')
        throw new Error('Exception: You do not have permission to call PropertiesService in AuthMode.NONE.');
      return t(store, 'Properties');
    };
    const lock = (state: FakeLockState) => () => t(new FakeLock(state), 'Lock');
    return {
      SpreadsheetApp: t(spreadsheetApp, 'SpreadsheetApp'),
      HtmlService: t(new FakeHtmlService(DIST_DIR, counter), 'HtmlService'),
      PropertiesService: t(
        {
          getDocumentProperties: properties(this.documentProperties),
          getUserProperties: properties(this.userProperties),
          getScriptProperties: properties(this.scriptProperties),
        },
        'PropertiesService',
      ),
      LockService: t(
        {
          getDocumentLock: lock(this.lock),
          getScriptLock: lock(this.scriptLock),
          getUserLock: lock(this.userLock),
        },
        'LockService',
      ),
      UrlFetchApp: t(this.urlFetch, 'UrlFetchApp'),
      ScriptApp: t(
        {
          getIdentityToken: () => {
            this.requireScope('ScriptApp.getIdentityToken', SCOPES.openid);
            this.requireScope('ScriptApp.getIdentityToken', SCOPES.email);
            return this.identityToken();
          },
          getAuthorizationInfo: (_mode: string, scopes?: string[]) => this.authorizationInfo(scopes),
          /** Ends the execution with an authorization prompt when a scope is missing. */
          requireScopes: (_mode: string, scopes: string[]) => {
            const missing = scopes.filter((s) => !this.grantedScopes.has(s));
            if (!missing.length) return;
            this.authorizationRequests.push(missing);
            throw new Error('Exception: Authorization is required to perform that action.');
          },
          AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' },
          AuthorizationStatus: { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' },
        },
        'ScriptApp',
      ),
      Utilities: t(this.utilities, 'Utilities'),
      Session: t(
        {
          getActiveUser: () => ({ getEmail: () => this.userEmail }),
          getEffectiveUser: () => ({ getEmail: () => this.userEmail }),
          getScriptTimeZone: () => this.manifest.timeZone,
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
