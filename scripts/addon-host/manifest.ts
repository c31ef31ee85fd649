import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_DIR } from './dist-dir';

/** What the fake reads from the pushed project's appsscript.json. */
export interface Manifest {
  timeZone: string;
  oauthScopes: string[];
  urlFetchWhitelist: string[];
}

export function builtManifest(): Manifest {
  const json = JSON.parse(readFileSync(join(DIST_DIR, 'appsscript.json'), 'utf8')) as Partial<Manifest>;
  return {
    timeZone: json.timeZone ?? 'America/New_York',
    oauthScopes: json.oauthScopes ?? [],
    urlFetchWhitelist: json.urlFetchWhitelist ?? [],
  };
}

export const SCOPES = {
  currentSpreadsheet: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  externalRequest: 'https://www.googleapis.com/auth/script.external_request',
  openid: 'openid',
  email: 'https://www.googleapis.com/auth/userinfo.email',
} as const;
