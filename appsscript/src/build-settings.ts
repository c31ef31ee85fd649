/** Replaced at build time (appsscript/build.mjs) from the Firebase project the add-on talks to. */
declare const __XEPLOAI_DEFAULT_API_URL__: string;
declare const __XEPLOAI_URL_PREFIXES__: string[];

/** The functions' API as deployed: the default address in Cài đặt. */
export const DEFAULT_API_URL = __XEPLOAI_DEFAULT_API_URL__;
/** The manifest's urlFetchWhitelist: the only addresses UrlFetchApp will call. */
export const ALLOWED_URL_PREFIXES: readonly string[] = __XEPLOAI_URL_PREFIXES__;
