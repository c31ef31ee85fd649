import { openAddonHost, type AddonHost } from '../addon-host';
import { signDevToken } from '../dev-signing-key';

export interface Click {
  ok: boolean;
  /** What the add-on told the user: its last alert, else its last toast. */
  said: string;
}

/**
 * Opens a workbook in the in-memory Sheets and signs the add-on's requests as `email`; `year` and `orgCode` are
 * what the office would set in Cài đặt.
 */
export async function openAs(
  path: string,
  email: string,
  apiUrl: string,
  year?: number,
  orgCode?: string,
): Promise<AddonHost> {
  const documentProperties: Record<string, string> = { 'xeploai.apiUrl': apiUrl };
  if (year) documentProperties['xeploai.year'] = String(year);
  if (orgCode) documentProperties['xeploai.orgCode'] = orgCode;
  const opened = await openAddonHost(path, {
    urlFetch: 'real',
    identityToken: () => signDevToken(email),
    userEmail: email,
    documentProperties,
  });
  if (!opened.ok) throw new Error(opened.message);
  return opened.host;
}

/** Runs a menu item the way a click does and reads back what the user was shown. */
export function click(host: AddonHost, functionName: string, success: RegExp): Click {
  const alertsBefore = host.alerts.length;
  const toastsBefore = host.toasts.length;
  host.run(functionName);
  const alert = host.alerts.slice(alertsBefore).at(-1);
  const toast = host.toasts.slice(toastsBefore).at(-1);
  const said = alert ? alert.message : (toast?.message ?? '');
  return { ok: success.test(said), said: alert?.title ? `${alert.title}: ${said}` : said };
}
