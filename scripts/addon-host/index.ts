// The BUILT add-on (appsscript/dist/Code.js) run in Node against in-memory Apps Script services: the
// spreadsheet, its document properties, the Ui, the lock, and UrlFetchApp (real HTTP or a handler).
// Used by the add-on's tests and by `npm start`. No test framework here.
import { readWorkbookFile } from '../../cli/read-workbook';
import type { WorkbookData } from '../../core';
import type { CallCounter } from './counter';
import { FakeAppsScript, type FakeOptions } from './environment';
import { loadAddon, type Addon } from './load-addon';
import type { FakeProperties } from './properties';
import type { FakeSpreadsheet } from './spreadsheet';
import type { ShownAlert, ShownPage } from './ui';
import type { FetchHandler, FetchRecord } from './url-fetch';
import { writeXlsx } from './xlsx-export';

export interface AddonHostOptions {
  /** The spreadsheet's sheets (values only); one empty sheet when absent. */
  workbook?: WorkbookData;
  /** 'real': real HTTP, synchronous as UrlFetchApp; a handler answers in memory; absent: every fetch fails. */
  urlFetch?: 'real' | FetchHandler;
  /** What ScriptApp.getIdentityToken() returns (default 'fake-id-token'); null when there is none. */
  identityToken?: () => string | null;
  /** Session.getActiveUser().getEmail(). */
  userEmail?: string;
  /** The spreadsheet's locale (default vi_VN): how numbers typed or written as text are read. */
  locale?: string;
  /** The spreadsheet's time zone (default the manifest's). */
  timeZone?: string;
  /** Parts of the manifest replacing the built one's (e.g. another urlFetchWhitelist). */
  manifest?: FakeOptions['manifest'];
  /** Scopes the user granted (default all the manifest declares). */
  grantedScopes?: string[];
  /** Document properties set before anything runs (e.g. `xeploai.apiUrl`, `xeploai.year`). */
  documentProperties?: Record<string, string>;
}

export interface AddonHost {
  /**
   * Calls a top-level function of Code.js as Apps Script does for a menu item or google.script.run: one
   * execution in a fresh context.
   */
  run(functionName: string, ...args: unknown[]): unknown;
  readonly addon: Addon;
  /** Every fake service, for what the fields below do not show. */
  readonly services: FakeAppsScript;
  readonly spreadsheet: FakeSpreadsheet;
  readonly documentProperties: FakeProperties;
  /**
   * Service calls by "Class.method"; reset() between runs to count one. `calls.roundTrips()` counts the
   * calls that reach the spreadsheet, apart from builder and metadata calls (`calls.byKind()`).
   */
  readonly calls: CallCounter;
  readonly toasts: { message: string; title: string }[];
  readonly alerts: ShownAlert[];
  readonly pages: ShownPage[];
  readonly requests: FetchRecord[];
  readonly consoleErrors: string[];
  /** The spreadsheet as an .xlsx: values, number formats, bold, colours, notes, links; no charts. */
  exportXlsx(path: string): Promise<{ ok: true } | { ok: false; message: string }>;
}

export function createAddonHost(options: AddonHostOptions = {}): AddonHost {
  const services = new FakeAppsScript({
    workbook: options.workbook,
    locale: options.locale,
    timeZone: options.timeZone,
    manifest: options.manifest,
    grantedScopes: options.grantedScopes,
    fetch: options.urlFetch,
    identityToken: options.identityToken,
    userEmail: options.userEmail,
  });
  if (options.documentProperties) services.documentProperties.setProperties(options.documentProperties);
  const addon = loadAddon(services);
  return {
    run(functionName, ...args) {
      return (addon[functionName] as (...a: unknown[]) => unknown)(...args);
    },
    addon,
    services,
    spreadsheet: services.spreadsheet,
    documentProperties: services.documentProperties,
    calls: services.counter,
    toasts: services.toasts,
    alerts: services.ui.alerts,
    pages: services.ui.pages,
    requests: services.urlFetch.requests,
    consoleErrors: services.consoleErrors,
    exportXlsx: (path) => writeXlsx(services.spreadsheet, path),
  };
}

/** A host whose spreadsheet holds the sheets of an .xlsx (or .csv) file. */
export async function openAddonHost(
  path: string,
  options: Omit<AddonHostOptions, 'workbook'> = {},
): Promise<{ ok: true; host: AddonHost } | { ok: false; message: string }> {
  const read = await readWorkbookFile(path);
  if (!read.ok) return read;
  return { ok: true, host: createAddonHost({ ...options, workbook: read.workbook }) };
}

export { raw, CallCounter, callKind, type CallKind } from './counter';
export { DIST_DIR } from './dist-dir';
export { FakeAppsScript, type AuthMode, type FakeOptions } from './environment';
export { SCOPES, type Manifest } from './manifest';
export { bundleSource, type Addon } from './load-addon';
export { realHttp } from './real-http';
export { FakeRichTextValue } from './rich-text';
export { FakeProtection, FakeSheet, FakeSpreadsheet } from './spreadsheet';
export type { MenuEntry, ShownAlert, ShownPage } from './ui';
export type { FetchHandler, FetchRecord, FetchReply, FetchRequest } from './url-fetch';
export { workbookOf, writeXlsx } from './xlsx-export';
