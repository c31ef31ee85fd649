import { errorMessage } from '../error-message';
import type { ApiTransport, HttpOutcome, HttpRequest } from '../api-client';

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
    return { ok: false, failure: errorMessage(error) };
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
