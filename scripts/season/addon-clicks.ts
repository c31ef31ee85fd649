import { openAddonHost, type AddonHost } from '../addon-host';
import { signDevToken } from '../dev-signing-key';

export interface Click {
  ok: boolean;
  /** What the add-on told the user: its last alert, else its last toast. */
  said: string;
}

/** Opens a workbook in the in-memory Sheets and signs the add-on's requests as `email`. */
export async function openAs(path: string, email: string, apiUrl: string, year?: number): Promise<AddonHost> {
  const documentProperties: Record<string, string> = { 'xeploai.apiUrl': apiUrl };
  if (year) documentProperties['xeploai.year'] = String(year);
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
