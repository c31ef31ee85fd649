/** What the user has not granted yet of some scopes, with the address where they can grant it. */
export interface MissingAuthorization {
  url: string | null;
}

/**
 * The user may grant only some of the add-on's scopes: checks the given ones, so a missing grant is asked
 * for up front instead of failing later as a confusing error. Null when all are granted.
 */
export function missingAuthorization(scopes: string[]): MissingAuthorization | null {
  const info = (
    ScriptApp.getAuthorizationInfo as (
      mode: GoogleAppsScript.Script.AuthMode,
      scopes: string[],
    ) => GoogleAppsScript.Script.AuthorizationInfo
  )(ScriptApp.AuthMode.FULL, scopes);
  if (info.getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED) return null;
  return { url: info.getAuthorizationUrl() };
}
