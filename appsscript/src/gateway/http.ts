import { errorMessage } from '../error-message';
import type { ApiTransport, HttpOutcome, HttpRefusal, HttpRequest } from '../api-client';

/** UrlFetchApp's own refusals, which no retry changes (its messages are in English). */
function refusalOf(message: string): HttpRefusal | undefined {
  if (/whitelist|allowlist/i.test(message)) return 'allowlist';
  if (/permission|authoriz/i.test(message)) return 'permission';
  return undefined;
}

function send(request: HttpRequest): HttpOutcome {
  const options: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {
    method: request.method,
    headers: { ...request.headers, Authorization: `Bearer ${request.token}` },
    muteHttpExceptions: true,
    followRedirects: false,
  };
  if (request.body !== undefined) {
    options.contentType = 'application/json';
    options.payload = JSON.stringify(request.body);
  }
  try {
    const response = UrlFetchApp.fetch(request.url, options);
    return {
      ok: true,
      status: response.getResponseCode(),
      text: response.getContentText('UTF-8'),
      headers: response.getHeaders() as Record<string, string>,
    };
  } catch (error) {
    const failure = errorMessage(error);
    return { ok: false, failure, refusal: refusalOf(failure) };
  }
}

function identityToken(): string | null {
  try {
    return ScriptApp.getIdentityToken() || null;
  } catch {
    return null;
  }
}

/** UrlFetchApp + ScriptApp identity token + Utilities.sleep, as the API client's transport. */
export const appsScriptTransport: ApiTransport = {
  send,
  sleep: (ms) => Utilities.sleep(ms),
  identityToken,
};
